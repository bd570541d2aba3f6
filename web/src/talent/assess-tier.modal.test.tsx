import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AssessTierModal } from './assess-tier.modal';

const person = { id: '01a2373f-0000-7000-8000-000000000001', name: '王芳' };
const catalogue = [
  {
    tier: 'C',
    name: { zh: 'C 类 省级领军人才', en: 'Class C: provincial leaders' },
    conditions: [{ key: 'national_award', zh: '获国家级奖项', en: 'A national award' }],
  },
];
const labels = {
  'zh-CN': {
    tier: '人才类别',
    className: 'C 类 省级领军人才',
    condition: '获国家级奖项',
    note: '备注',
    validity: '有效期',
    save: '保存认定',
    endsBefore: '结束日期不能早于开始日期。',
  },
  'en-US': {
    tier: 'Talent class',
    className: 'Class C: provincial leaders',
    condition: 'A national award',
    note: 'Note',
    validity: 'Valid',
    save: 'Record the decision',
    endsBefore: 'The end date cannot be before the start date.',
  },
};

/** The catalogue answers; the assessment gets `write`. */
const server = (write: { status: number; body?: unknown }) => fakeServer((request) => (request.method === 'GET' ? { status: 200, body: catalogue } : write));

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByLabelText(l.tier));
  await userEvent.click(await screen.findByTitle(l.className));
  await userEvent.click(await within(dialog).findByLabelText(l.condition));
  await userEvent.type(within(dialog).getByLabelText(l.note), '材料齐全');
  await userEvent.click(within(dialog).getByRole('button', { name: l.save }));
  return dialog;
}

describe('AssessTierModal (talent)', () => {
  it('records the class with the conditions met and the validity, and closes', async () => {
    const seen = server({ status: 201, body: {} });
    const onClose = vi.fn();
    renderInApp(<AssessTierModal hub="hangzhou" person={person} onClose={onClose} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/talent/people/${person.id}/assessments`);
    expect(post.body).toEqual({
      tier: 'C',
      decision: 'granted',
      conditions: ['national_award'],
      evidence: [],
      note: '材料齐全',
      validFrom: dayjs().format('YYYY-MM-DD'),
      validUntil: dayjs().add(3, 'year').format('YYYY-MM-DD'),
    });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on validUntil under the validity (%s)', async (locale) => {
    server(validationFailed('validUntil', 'ENDS_BEFORE_START'));
    const onClose = vi.fn();
    renderInApp(<AssessTierModal hub="hangzhou" person={person} onClose={onClose} />, { locale });
    const dialog = await fill(locale);
    const l = labels[locale];
    const field = within(dialog).getByText(l.validity).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.endsBefore));
    expect(within(dialog).getByLabelText(l.note).closest('.ant-form-item')!.textContent).not.toContain(l.endsBefore);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
