import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { QuotaFormModal, quotaField } from './quota-form.modal';

// antd puts a space between the two characters of a Chinese button.
const SAVE = /^(保\s*存|Save)$/;
const organizationId = '0190a0b0-0000-7000-8000-0000000000aa';
const flavorId = '0190a0b0-0000-7000-8000-000000000001';
const startup = { id: organizationId, name: { zh: '深度求索', en: 'DeepSeek' } };
const flavor = { id: flavorId, model: 'H20', pool: { zh: '城市算力中心', en: 'City compute centre' } };
const labels = {
  'zh-CN': { company: '企业', flavor: '规格', period: '期间', gpuHours: 'GPU 小时', ends: '结束日期不能早于开始日期。' },
  'en-US': { company: 'Company', flavor: 'GPU type', period: 'Period', gpuHours: 'GPU-hours', ends: 'The end date cannot be before the start date.' },
};

/** Startups and flavors are listed; the quota answers `write`. */
function server(write: { status: number; body?: unknown }) {
  return fakeServer((request: SeenRequest) => {
    if (request.method !== 'GET') return write;
    return { status: 200, body: { items: [request.path.includes('/organizations') ? startup : flavor], next: null } };
  });
}

async function fill(locale: 'zh-CN' | 'en-US') {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByLabelText(l.company));
  await userEvent.click(await screen.findByTitle(locale === 'zh-CN' ? startup.name.zh : startup.name.en));
  await userEvent.click(within(dialog).getByLabelText(l.flavor));
  await userEvent.click(await screen.findByTitle(/^H20 · /));
  await userEvent.click(within(dialog).getByRole('button', { name: SAVE }));
  return dialog;
}

describe('QuotaFormModal (compute): the operator sets a company’s quota', () => {
  it('sends the quota for the period, directly allocated, and is done', async () => {
    const seen = server({ status: 200, body: { id: 'q', queueId: 'x' } });
    const onDone = vi.fn();
    renderInApp(<QuotaFormModal hub="hangzhou" open vouchers={[]} onClose={vi.fn()} onDone={onDone} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/api/hubs/hangzhou/compute/quotas');
    expect(put.body).toMatchObject({
      organizationId,
      flavorId,
      periodStart: expect.stringMatching(/^\d{4}-\d{2}-01$/),
      gpuHours: 1000,
      concurrentGpus: 8,
      borrowingLimit: 0,
      lendingLimit: null,
      cohort: 'startups',
      weight: 1,
      awardId: null,
    });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on periodEnd under the period (%s)', async (locale) => {
    server(validationFailed('periodEnd', 'ENDS_BEFORE_START'));
    const onDone = vi.fn();
    renderInApp(<QuotaFormModal hub="hangzhou" open vouchers={[]} onClose={vi.fn()} onDone={onDone} />, { locale });
    const dialog = await fill(locale);
    const l = labels[locale];
    const period = within(dialog).getAllByLabelText(l.period)[0]!.closest('.ant-form-item')!;
    await vi.waitFor(() => expect(period.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    expect(period.textContent).toContain(l.ends);
    expect(within(dialog).getByLabelText(l.gpuHours).closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')).toBeNull();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('maps both ends of the period onto the one range', () => {
    expect(quotaField('periodStart')).toEqual(['period']);
    expect(quotaField('periodEnd')).toEqual(['period']);
    expect(quotaField('weight')).toEqual(['weight']);
    expect(quotaField('lendingLimit')).toBeNull();
  });
});
