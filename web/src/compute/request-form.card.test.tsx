import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ComputeDashboard } from '../api/compute.api';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { RequestFormCard } from './request-form.card';

const flavorId = '0190a0b0-0000-7000-8000-000000000001';
const organizationId = '0190a0b0-0000-7000-8000-0000000000aa';
const flavor = {
  id: flavorId,
  poolId: '0190a0b0-0000-7000-8000-000000000002',
  pool: { zh: '城市算力中心', en: 'City compute centre' },
  provider: { id: '0190a0b0-0000-7000-8000-000000000003', name: { zh: '云', en: 'Cloud' } },
  code: 'h20',
  model: 'H20',
  vendor: 'nvidia',
  domestic: false,
  gpuMemoryGib: 96,
  cpuPerGpu: 16,
  memoryGibPerGpu: 128,
  gpus: 8,
  pricePerGpuHour: '1200',
};
const REQUIRED = '此项必填。';
const quotas = [{ flavorId }] as ComputeDashboard['quotas'];
const labels = {
  'zh-CN': { flavor: '规格', gpus: 'GPU 数量', deadline: '最迟完成', submit: '提交申请', inThePast: '日期不能早于今天。' },
  'en-US': { flavor: 'Flavor', gpus: 'GPUs', deadline: 'Done by', submit: 'Ask', inThePast: 'The date cannot be in the past.' },
};

/** Flavors are listed; the request answers `write`. */
function server(write: { status: number; body?: unknown }) {
  return fakeServer((request: SeenRequest) => (request.method === 'GET' ? { status: 200, body: { items: [flavor], next: null } } : write));
}

async function ask(locale: keyof typeof labels, gpus: string) {
  const l = labels[locale];
  await userEvent.click(await screen.findByLabelText(l.flavor));
  await userEvent.click(await screen.findByTitle(/^H20 · /));
  const count = screen.getByLabelText(l.gpus);
  await userEvent.clear(count);
  if (gpus) await userEvent.type(count, gpus);
  await userEvent.click(screen.getByRole('button', { name: l.submit }));
}

describe('RequestFormCard (compute): a company asks for GPU time', () => {
  it('sends the request with an idempotency key, then says it is queued', async () => {
    const seen = server({ status: 201, body: { reference: 'CR-7K3Q', start: null } });
    const onDone = vi.fn();
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quotas} onDone={onDone} />);
    await ask('zh-CN', '2');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(await screen.findByText('CR-7K3Q 已排队，资源空出后开始。')).toBeTruthy();
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/compute/requests');
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({ organizationId, flavor: flavorId, gpus: 2, hours: 4, deadline: expect.stringMatching(/Z$/), priority: 'normal' });
  });

  it('asks for the number of GPUs before sending', async () => {
    const seen = server({ status: 201, body: {} });
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quotas} onDone={vi.fn()} />);
    await ask('zh-CN', '');
    const field = screen.getByLabelText('GPU 数量').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(REQUIRED));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on deadline under the deadline (%s)', async (locale) => {
    server(validationFailed('deadline', 'IN_THE_PAST'));
    const onDone = vi.fn();
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quotas} onDone={onDone} />, { locale });
    await ask(locale, '1');
    const l = labels[locale];
    const field = screen.getByLabelText(l.deadline).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.inThePast));
    expect(screen.getByLabelText(l.gpus).closest('.ant-form-item')!.textContent).not.toContain(l.inThePast);
    expect(document.querySelector('.ant-alert-error')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a refusal that names no field as one sentence', async () => {
    server({ status: 409, body: { error: { code: 'QUOTA_EXCEEDED', message: 'no' } } });
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quotas} onDone={vi.fn()} />);
    await ask('zh-CN', '1');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('配额'));
  });
});
