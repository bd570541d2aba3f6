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
  'zh-CN': {
    flavor: '规格',
    gpus: 'GPU 数量',
    hours: '时长（小时）',
    deadline: '最迟完成',
    submit: '提交申请',
    inThePast: '日期不能早于今天。',
    overLimit: '您的配额在此规格下同时最多 32 张 GPU，请减少 GPU 数量。',
    limitHint: '您的配额：同时最多 32 张 GPU',
    hoursHint: '最多 336 小时（14 天）',
    tooManyHours: '时长最多 336 小时。',
    tooSoon: '按 2 张 GPU 计，这项任务需要 100 小时：“最迟完成”须比开始时间至少晚 100 小时。',
    hoursLeft: '32 张 GPU × 300 小时 = 9,600 GPU 小时，超过配额剩余的 5,000 GPU 小时。',
    serverOver: 'GPU 数量超过了配额允许的同时可用 GPU 数。',
  },
  'en-US': {
    flavor: 'GPU type',
    gpus: 'GPUs',
    hours: 'Hours',
    deadline: 'Done by',
    submit: 'Ask',
    inThePast: 'The date cannot be in the past.',
    overLimit: 'Your quota allows at most 32 GPUs at once on this GPU type; ask for fewer.',
    limitHint: 'Your quota: up to 32 GPUs at once',
    hoursHint: 'At most 336 hours (14 days)',
    tooManyHours: 'At most 336 hours.',
    tooSoon: 'At 2 GPUs this job needs 100 hours: “Done by” must be at least 100 hours after it can start.',
    hoursLeft: '32 GPUs × 300 hours = 9,600 GPU-hours, more than the 5,000 left on your quota.',
    serverOver: 'More GPUs at once than the company’s quota allows on this GPU type.',
  },
};

/** Flavors are listed; the request answers `write`. */
function server(write: { status: number; body?: unknown }) {
  return fakeServer((request: SeenRequest) => (request.method === 'GET' ? { status: 200, body: { items: [flavor], next: null } } : write));
}

async function ask(locale: keyof typeof labels, gpus: string, hours?: string) {
  const l = labels[locale];
  await userEvent.click(await screen.findByLabelText(l.flavor));
  await userEvent.click(await screen.findByTitle(/^H20 · /));
  const count = screen.getByLabelText(l.gpus);
  await userEvent.clear(count);
  if (gpus) await userEvent.type(count, gpus);
  if (hours) {
    const length = screen.getByLabelText(l.hours);
    await userEvent.clear(length);
    await userEvent.type(length, hours);
  }
  await userEvent.click(screen.getByRole('button', { name: l.submit }));
}

/** The startup of the audit: 32 GPUs at once, 1,260 of 20,000 GPU-hours used, in force today. */
const year = new Date().getUTCFullYear();
const quota32 = [
  { flavorId, periodStart: `${year - 1}-01-01`, periodEnd: `${year + 1}-01-01`, gpuHours: 20000, gpuHoursUsed: 1260, concurrentGpus: 32, borrowingLimit: 0 },
] as ComputeDashboard['quotas'];
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!;

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

  it.each([
    ['zh-CN', 'CR-K6XP22 已排入计划，2026年12月6日 16:00 开始。'],
    ['en-US', 'CR-K6XP22 is scheduled; it starts Dec 6, 2026, 4:00 PM.'],
  ] as const)('says when a scheduled request starts, in words and a readable moment (%s)', async (locale, text) => {
    server({ status: 201, body: { reference: 'CR-K6XP22', start: '2026-12-06T16:00:00.000Z' } });
    const onDone = vi.fn();
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quotas} onDone={onDone} />, { locale });
    await ask(locale, '2');
    expect(await screen.findByText(text)).toBeTruthy();
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

  it.each(['zh-CN', 'en-US'] as const)('says the quota’s limit under the GPUs, before sending 64 on a quota of 32 (%s)', async (locale) => {
    const seen = server({ status: 201, body: {} });
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quota32} onDone={vi.fn()} />, { locale });
    const l = labels[locale];
    await ask(locale, '64');
    await vi.waitFor(() => expect(fieldOf(l.gpus).textContent).toContain(l.overLimit));
    expect(fieldOf(l.gpus).textContent).toContain(l.limitHint);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('keeps 4000 hours as typed and says the most is 336 (%s)', async (locale) => {
    const seen = server({ status: 201, body: {} });
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quota32} onDone={vi.fn()} />, { locale });
    const l = labels[locale];
    expect(fieldOf(l.hours).textContent).toContain(l.hoursHint);
    await ask(locale, '2', '4000');
    await vi.waitFor(() => expect(fieldOf(l.hours).textContent).toContain(l.tooManyHours));
    expect((screen.getByLabelText(l.hours) as HTMLInputElement).value).toBe('4000');
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('says under the deadline how many hours the job needs when it is too soon (%s)', async (locale) => {
    const seen = server({ status: 201, body: {} });
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quota32} onDone={vi.fn()} />, { locale });
    const l = labels[locale];
    await ask(locale, '2', '100');
    await vi.waitFor(() => expect(fieldOf(l.deadline).textContent).toContain(l.tooSoon));
    expect(fieldOf(l.gpus).textContent).not.toContain(l.tooSoon);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('says under the hours when GPUs × hours is more than the quota has left (%s)', async (locale) => {
    const seen = server({ status: 201, body: {} });
    const nearlyUsed = [{ ...quota32[0]!, gpuHoursUsed: 15000 }];
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={nearlyUsed} onDone={vi.fn()} />, { locale });
    const l = labels[locale];
    await ask(locale, '32', '300');
    await vi.waitFor(() => expect(fieldOf(l.hours).textContent).toContain(l.hoursLeft));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('puts the server’s quota refusal under the GPUs, not the deadline (%s)', async (locale) => {
    server({
      status: 409,
      body: {
        error: { code: 'QUOTA_EXCEEDED', message: 'x', fields: [{ path: 'gpus', code: 'GPUS_OVER_QUOTA', message: 'x', detail: 'at most 32 GPUs at once' }] },
      },
    });
    renderInApp(<RequestFormCard hub="hangzhou" organizationId={organizationId} quotas={quotas} onDone={vi.fn()} />, { locale });
    const l = labels[locale];
    await ask(locale, '2');
    await vi.waitFor(() => expect(fieldOf(l.gpus).textContent).toContain(l.serverOver));
    expect(fieldOf(l.deadline).textContent).not.toContain(l.serverOver);
    expect(document.querySelector('.ant-alert-error')).toBeNull();
  });
});
