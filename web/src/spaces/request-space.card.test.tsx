import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { RequestSpaceCard } from './request-space.card';

const organizationId = '0190a0b0-0000-7000-8000-0000000000aa';
const organizations = [{ id: organizationId, name: { zh: '深度求索', en: 'DeepSeek' } }];
const labels = {
  'zh-CN': { area: '面积（平方米）', months: '租期（月）', startsOn: '起租日期', submit: '提交申请', tooBig: '数值太大。' },
  'en-US': { area: 'Area (m²)', months: 'For how many months', startsOn: 'From', submit: 'Send the request', tooBig: 'Too large.' },
};

async function ask(locale: keyof typeof labels, area: string) {
  const l = labels[locale];
  if (area) await userEvent.type(await screen.findByLabelText(l.area), area);
  await userEvent.click(screen.getByRole('button', { name: l.submit }));
}

describe('RequestSpaceCard (spaces): a company asks for office space', () => {
  it('sends the request with an idempotency key and says where it stands in line', async () => {
    const seen = fakeServer(() => ({ status: 201, body: { position: 3 } }));
    const onDone = vi.fn(async () => undefined);
    renderInApp(<RequestSpaceCard hub="hangzhou" organizations={organizations} onDone={onDone} />);
    await ask('zh-CN', '60');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(await screen.findByText('已提交，排队第 3 位。')).toBeTruthy();
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/spaces/requests');
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({ organizationId, areaM2: 60, seats: null, startsOn: expect.stringMatching(/^\d{4}-\d{2}-01$/), months: 36 });
  });

  it('asks for an area or seats before sending', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<RequestSpaceCard hub="hangzhou" organizations={organizations} onDone={vi.fn()} />);
    await ask('zh-CN', '');
    const field = screen.getByLabelText('面积（平方米）').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain('请填写面积或工位数。'));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on months under the months (%s)', async (locale) => {
    fakeServer(() => validationFailed('months', 'TOO_BIG'));
    const onDone = vi.fn();
    renderInApp(<RequestSpaceCard hub="hangzhou" organizations={organizations} onDone={onDone} />, { locale });
    await ask(locale, '60');
    const l = labels[locale];
    const field = screen.getByLabelText(l.months).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooBig));
    expect(screen.getByLabelText(l.area).closest('.ant-form-item')!.textContent).not.toContain(l.tooBig);
    expect(document.querySelector('.ant-alert-error')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it.each(['zh-CN', 'en-US'] as const)(
    'Enter in the start date takes the day and sends nothing; the button sends that day (%s)',
    { timeout: 60_000 },
    async (locale) => {
      const seen = fakeServer(() => ({ status: 201, body: { position: 1 } }));
      const onDone = vi.fn(async () => undefined);
      renderInApp(<RequestSpaceCard hub="hangzhou" organizations={organizations} onDone={onDone} />, { locale });
      const l = labels[locale];
      await userEvent.type(await screen.findByLabelText(l.area), '60');
      const day = screen.getByLabelText(l.startsOn);
      await userEvent.clear(day);
      await userEvent.type(day, '2027-03-01{enter}');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.some((r) => r.method === 'POST')).toBe(false);
      await userEvent.click(screen.getByRole('button', { name: l.submit }));
      await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
      expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ startsOn: '2027-03-01', months: 36 });
    },
  );
});
