import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { PoolFormModal, poolField } from './pool-form.modal';

// antd puts a space between the two characters of a Chinese button.
const SAVE = /^(保\s*存|Save)$/;
const providerId = '0190a0b0-0000-7000-8000-0000000000bb';
const provider = { id: providerId, name: { zh: '城市算力中心', en: 'City compute centre' } };
const labels = {
  'zh-CN': {
    provider: '算力服务商',
    nameZh: '中文名称',
    nameEn: '英文名称',
    region: '地域',
    model: '加速卡型号',
    code: '规格代码',
    price: '每 GPU 小时价格',
    tooBig: '数值太大。',
  },
  'en-US': {
    provider: 'Compute provider',
    nameZh: 'Name in Chinese',
    nameEn: 'Name in English',
    region: 'Region',
    model: 'Accelerator model',
    code: 'GPU type code',
    price: 'Price per GPU-hour',
    tooBig: 'Too large.',
  },
};

/** Providers are listed; the new pool answers `write`. */
function server(write: { status: number; body?: unknown }) {
  return fakeServer((request: SeenRequest) => (request.method === 'GET' ? { status: 200, body: { items: [provider], next: null } } : write));
}

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByLabelText(l.provider));
  await userEvent.click(await screen.findByTitle(locale === 'zh-CN' ? provider.name.zh : provider.name.en));
  await userEvent.type(within(dialog).getByLabelText(l.nameZh), '城市 H20 池');
  await userEvent.type(within(dialog).getByLabelText(l.nameEn), 'City H20 pool');
  await userEvent.type(within(dialog).getByLabelText(l.region), 'hangzhou-1');
  await userEvent.type(within(dialog).getByLabelText(l.model), 'H20');
  await userEvent.type(within(dialog).getByLabelText(l.code), 'h20');
  await userEvent.type(within(dialog).getByLabelText(l.price), '12.5');
  await userEvent.click(within(dialog).getByRole('button', { name: SAVE }));
  return dialog;
}

describe('PoolFormModal (compute): the operator adds a provider’s pool', () => {
  it('sends the pool with its flavor priced in fen, and is done', async () => {
    const seen = server({ status: 201, body: { name: { zh: '城市 H20 池', en: 'City H20 pool' } } });
    const onDone = vi.fn();
    renderInApp(<PoolFormModal hub="hangzhou" open onClose={vi.fn()} onDone={onDone} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/compute/pools');
    expect(post.body).toEqual({
      providerId,
      name: { zh: '城市 H20 池', en: 'City H20 pool' },
      region: 'hangzhou-1',
      maintenance: [],
      flavors: [
        {
          code: 'h20',
          model: 'H20',
          vendor: 'nvidia',
          domestic: false,
          gpuMemoryGib: 80,
          cpuPerGpu: 16,
          memoryGibPerGpu: 128,
          gpus: 8,
          pricePerGpuHour: '1250',
        },
      ],
    });
  });

  it('checks the flavor code as the contract does, before sending', async () => {
    const seen = server({ status: 201, body: {} });
    renderInApp(<PoolFormModal hub="hangzhou" open onClose={vi.fn()} onDone={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('规格代码'), 'H 20');
    await userEvent.click(within(dialog).getByRole('button', { name: SAVE }));
    const field = within(dialog).getByLabelText('规格代码').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain('格式不正确。'));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on flavors.0.pricePerGpuHour under the flavor’s price (%s)', async (locale) => {
    server(validationFailed('flavors.0.pricePerGpuHour', 'TOO_BIG'));
    const onDone = vi.fn();
    renderInApp(<PoolFormModal hub="hangzhou" open onClose={vi.fn()} onDone={onDone} />, { locale });
    const dialog = await fill(locale);
    const l = labels[locale];
    const field = within(dialog).getByLabelText(l.price).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooBig));
    expect(within(dialog).getByLabelText(l.model).closest('.ant-form-item')!.textContent).not.toContain(l.tooBig);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('maps the server’s paths onto the form’s fields', () => {
    expect(poolField('name.en')).toEqual(['name', 'en']);
    expect(poolField('flavors.2.gpus')).toEqual(['flavors', 2, 'gpus']);
    expect(poolField('flavors.0.pricePerGpuHour')).toEqual(['flavors', 0, 'price']);
    expect(poolField('maintenance.0.from')).toBeNull();
  });
});
