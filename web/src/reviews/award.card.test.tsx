import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Award } from '../api/reviews.api';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AwardCard } from './award.card';

const award = (reviewMilestone: boolean): Award => ({
  applicationId: 'a1',
  status: 'in_payment',
  amount: '300000000',
  paid: '120000000',
  clawedBack: '0',
  tranches: [
    { seq: 1, amount: '120000000', condition: null, dueOn: null, status: 'paid', paidAt: '2026-12-06T12:40:00.000Z', allowedActions: [] },
    {
      seq: 2,
      amount: '180000000',
      condition: { kind: 'milestone_accepted', milestone: 'midterm' },
      dueOn: null,
      status: 'waiting',
      paidAt: null,
      allowedActions: [],
    },
  ],
  milestones: [
    {
      key: 'midterm',
      name: { zh: '中期报告', en: 'Midterm report' },
      dueOn: '2027-06-06',
      status: 'submitted',
      text: '样机已交付',
      kpis: {},
      attachments: [
        { id: '01900000-0000-7000-8000-000000000001', name: '2026 财务报表（审计版）.pdf', mediaType: 'application/pdf', size: 2_400_000 },
        { id: '01900000-0000-7000-8000-000000000002', name: 'prototype.png', mediaType: 'image/png', size: 30_000 },
      ],
      note: null,
    },
  ],
  clawbacks: [],
  allowedActions: reviewMilestone ? ['reviewMilestone'] : [],
});

/** A phone's width for antd's breakpoints (390 px: below `md`). */
const onPhone = () =>
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    return { matches: min ? 390 >= Number(min[1]) : false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} };
  });

const words = {
  'zh-CN': { due: '2027年6月6日', withApproval: '随批准支付', accept: '通 过', pays: '通过报告并拨付第 2 笔 180万元？', status: ['已拨付', '待拨付'] },
  'en-US': {
    due: 'Jun 6, 2027',
    withApproval: 'With the approval',
    accept: 'Accept',
    pays: 'Accept the report and pay tranche 2, CNY 1,800,000?',
    status: ['Paid', 'Waiting'],
  },
};

describe('AwardCard', () => {
  it.each(['zh-CN', 'en-US'] as const)('writes a report’s due day the reader’s way and the first tranche as the explanation does (%s)', (locale) => {
    fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<AwardCard hub="hangzhou" award={award(false)} />, { locale });
    expect(within(screen.getByTestId('milestone-midterm')).getByText(words[locale].due)).toBeTruthy();
    expect(screen.getByText(words[locale].withApproval)).toBeTruthy();
    expect(document.body.textContent).not.toContain('2027-06-06');
  });

  it.each([
    ['zh-CN', '截止 2099年12月31日', '已逾期', '2020年1月1日'],
    ['en-US', 'Due Dec 31, 2099', 'Overdue', 'Jan 1, 2020'],
  ] as const)('says a report still to send is due on its day, neutral, and overdue in red once the day has passed (%s)', (locale, dueBy, overdue, past) => {
    fakeServer(() => ({ status: 200, body: {} }));
    const toSend = (dueOn: string) => ({ ...award(false).milestones[0]!, status: 'due' as const, text: null, attachments: [], dueOn });
    const { unmount } = renderInApp(<AwardCard hub="hangzhou" award={{ ...award(false), milestones: [toSend('2099-12-31')] }} />, { locale });
    const ahead = screen.getByTestId('milestone-midterm');
    expect(within(ahead).getByText(dueBy).closest('.ant-tag')!.className).not.toMatch(/red/);
    expect(within(ahead).queryByText(overdue)).toBeNull();
    unmount();
    renderInApp(<AwardCard hub="hangzhou" award={{ ...award(false), milestones: [toSend('2020-01-01')] }} />, { locale });
    const late = screen.getByTestId('milestone-midterm');
    expect(within(late).getByText(overdue).closest('.ant-tag')!.className).toMatch(/red/);
    expect(within(late).getByText(past)).toBeTruthy();
  });

  it.each(['zh-CN', 'en-US'] as const)('lists the tranches one under another on a phone, with no table to cut (%s)', (locale) => {
    onPhone();
    fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<AwardCard hub="hangzhou" award={award(false)} />, { locale });
    expect(screen.getByTestId('award').querySelector('table')).toBeNull();
    const [first, second] = [screen.getByTestId('tranche-1'), screen.getByTestId('tranche-2')];
    expect(first.textContent).toContain(words[locale].status[0]);
    expect(second.textContent).toContain(words[locale].status[1]);
  });

  it.each(['zh-CN', 'en-US'] as const)('asks before accepting a report, naming the tranche it pays and how much (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: award(true) }));
    renderInApp(<AwardCard hub="hangzhou" award={award(true)} />, { locale });
    await userEvent.click(within(screen.getByTestId('milestone-midterm')).getByRole('button', { name: words[locale].accept }));
    const confirm = await screen.findByText(words[locale].pays);
    expect(seen).toHaveLength(0);
    const popover = confirm.closest('.ant-popover') as HTMLElement;
    await userEvent.click(within(popover).getByRole('button', { name: words[locale].accept }));
    await vi.waitFor(() => expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', '/api/hubs/hangzhou/applications/a1/milestones/midterm/review']]));
    expect(seen[0]!.body).toMatchObject({ outcome: 'accept' });
  });

  it.each(['zh-CN', 'en-US'] as const)('lists a report’s files as download links by name, beside the officer’s review, on a phone too (%s)', (locale) => {
    onPhone();
    fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<AwardCard hub="hangzhou" award={award(true)} />, { locale });
    const milestone = screen.getByTestId('milestone-midterm');
    const files = within(milestone).getByTestId('attached-files');
    expect(files.textContent).toContain(locale === 'zh-CN' ? '附件：' : 'Attached files:');
    const links = within(files).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['2026 财务报表（审计版）.pdf', '/api/hubs/hangzhou/applications/a1/milestones/midterm/report/files/01900000-0000-7000-8000-000000000001'],
      ['prototype.png', '/api/hubs/hangzhou/applications/a1/milestones/midterm/report/files/01900000-0000-7000-8000-000000000002'],
    ]);
    expect(files.textContent).toContain('2.3 MB');
    expect(files.textContent).toContain('29 KB');
    // The officer decides right under them: the review form, not the awardee's report form.
    expect(within(milestone).getByRole('button', { name: words[locale].accept })).toBeTruthy();
    expect(within(milestone).queryByTestId('file-attachments')).toBeNull();
  });
});
