import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { UsageUploadCard } from './usage-upload.card';

const providerId = '0190a0b0-0000-7000-8000-0000000000bb';
const provider = { id: providerId, name: { zh: '城市算力中心', en: 'City compute centre' } };
const csv = 'record_id,flavor,gpu_hours\nr1,h20,4\n';

function server(write: { status: number; body?: unknown }) {
  return fakeServer((request: SeenRequest) => (request.method === 'GET' ? { status: 200, body: { items: [provider], next: null } } : write));
}

async function upload(locale: 'zh-CN' | 'en-US') {
  await userEvent.click(await screen.findByLabelText(locale === 'zh-CN' ? '算力服务商' : 'Compute provider'));
  await userEvent.click(await screen.findByTitle(locale === 'zh-CN' ? provider.name.zh : provider.name.en));
  await userEvent.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File([csv], 'usage.csv', { type: 'text/csv' }));
}

describe('UsageUploadCard (compute): a provider’s usage file', () => {
  it('sends the file as it is for the chosen provider, and says what was metered', async () => {
    const seen = server({ status: 200, body: { results: [{ outcome: 'applied' }, { outcome: 'applied' }, { outcome: 'replayed' }] } });
    const onDone = vi.fn();
    renderInApp(<UsageUploadCard hub="hangzhou" onDone={onDone} />);
    await upload('zh-CN');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(await screen.findByText('已计入 2 条，重复 1 条，拒绝 0 条。')).toBeTruthy();
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/compute/usage/upload?providerId=${providerId}&format=csv`);
    expect(post.body).toBe(csv);
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['zh-CN', '第 3 行 gpu_hours 列：'],
    ['en-US', 'Line 3, column gpu_hours:'],
  ] as const)('lists bad rows by line and column (%s)', async (locale, where) => {
    server({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'bad', fields: [{ path: 'rows.3.gpu_hours', code: 'TOO_BIG', message: 'Too large.' }] } },
    });
    const onDone = vi.fn();
    renderInApp(<UsageUploadCard hub="hangzhou" onDone={onDone} />, { locale });
    await upload(locale);
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain(`${where} Too large.`));
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a refusal that names no row as one sentence', async () => {
    server({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'big' } } });
    renderInApp(<UsageUploadCard hub="hangzhou" onDone={vi.fn()} />);
    await upload('zh-CN');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('提交的内容太大。'));
  });

  it('sends another file with another Idempotency-Key, after a refusal of the first', async () => {
    const seen = server({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'big' } } });
    renderInApp(<UsageUploadCard hub="hangzhou" onDone={vi.fn()} />);
    await upload('zh-CN');
    await screen.findByRole('alert');
    await userEvent.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File(['record_id\n'], 'smaller.csv', { type: 'text/csv' }));
    await vi.waitFor(() => expect(seen.filter((r) => r.method === 'POST')).toHaveLength(2));
    const [first, second] = seen.filter((r) => r.method === 'POST');
    expect(second!.body).toBe('record_id\n');
    expect(second!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers.get('idempotency-key')).not.toBe(first!.headers.get('idempotency-key'));
  });

  it.each([
    ['zh-CN', '算力服务商', '在本枢纽中找不到所引用的对象。'],
    ['en-US', 'Compute provider', 'The referenced record does not exist in this hub.'],
  ] as const)('shows a provider the server refuses under the provider, not as an alert (%s)', async (locale, label, text) => {
    server({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'bad', fields: [{ path: 'providerId', code: 'NOT_IN_HUB', message: 'x' }] } } });
    renderInApp(<UsageUploadCard hub="hangzhou" onDone={vi.fn()} />, { locale });
    await upload(locale);
    await vi.waitFor(() => expect(screen.getByLabelText(label).closest('.ant-form-item')!.textContent).toContain(text));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
