import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OutcomeReport } from '../api/obligations.api';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { OutcomeReportsCard } from './outcome-reports.card';

const statement = { id: '01900000-0000-7000-8000-000000000001', name: '2027 审计报告.pdf', mediaType: 'application/pdf', size: 3_000_000 };
const report = (over: Partial<OutcomeReport>): OutcomeReport => ({
  obligationKey: 'reports',
  dueOn: '2027-12-06',
  status: 'due',
  text: null,
  figures: null,
  attachments: [],
  submittedAt: null,
  canSubmit: true,
  ...over,
});
const page = (items: OutcomeReport[]) => ({ items, next: null });

describe('OutcomeReportsCard', () => {
  it.each(['zh-CN', 'en-US'] as const)('lists a submitted report’s files as download links by name (%s)', async (locale) => {
    const submitted = report({
      status: 'submitted',
      text: 'Revenue doubled',
      attachments: [statement],
      canSubmit: false,
      submittedAt: '2027-12-01T00:00:00.000Z',
    });
    fakeServer(() => ({ status: 200, body: page([submitted]) }));
    renderInApp(<OutcomeReportsCard hub="hangzhou" applicationId="a1" />, { locale });
    const link = await screen.findByRole('link', { name: statement.name });
    expect(link.getAttribute('href')).toBe(`/api/hubs/hangzhou/applications/a1/outcome-reports/reports/2027-12-06/files/${statement.id}`);
    expect(screen.getByTestId('attached-files').textContent).toContain('2.9 MB');
  });

  it('sends the ids of the files attached to the report', async () => {
    const seen = fakeServer((r) =>
      r.path.startsWith('/api/hubs/hangzhou/files')
        ? { status: 201, body: { ...statement, sha256: '0'.repeat(64), createdAt: '2027-12-01T00:00:00.000Z' } }
        : r.method === 'POST'
          ? { status: 200, body: report({ status: 'submitted', attachments: [statement] }) }
          : { status: 200, body: page([report({})]) },
    );
    renderInApp(<OutcomeReportsCard hub="hangzhou" applicationId="a1" />, { locale: 'en-US' });
    await userEvent.click(await screen.findByRole('button', { name: 'Write the report' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^What the award achieved/), 'Revenue doubled');
    await userEvent.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, new File(['%PDF-1.7'], statement.name, { type: 'application/pdf' }));
    await waitFor(() => expect(within(dialog).getByTestId('file-attachments').textContent).toContain(statement.name));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Submit the report' }));
    await waitFor(() =>
      expect(seen.find((r) => r.method === 'POST' && r.path.includes('/outcome-reports/'))?.body).toEqual({
        text: 'Revenue doubled',
        figures: {},
        attachments: [statement.id],
      }),
    );
  });

  it.each([
    ['zh-CN', '2027年12月6日 到期', /^2027年12月6日 到期的成果报告$/],
    ['en-US', 'Due Dec 6, 2027', /^Outcome report due Dec 6, 2027$/],
  ] as const)('says the due day in the page’s language, in the list and the dialog (%s)', async (locale, due, dialogTitle) => {
    fakeServer(() => ({ status: 200, body: page([report({})]) }));
    renderInApp(<OutcomeReportsCard hub="hangzhou" applicationId="a1" />, { locale });
    expect(await screen.findByText(due)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: locale === 'zh-CN' ? /填写报告/ : 'Write the report' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(dialogTitle)).toBeTruthy();
    expect(document.body.textContent).not.toContain('2027-12-06');
  });
});
