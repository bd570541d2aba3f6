import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Station } from '../../../contracts/stays';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { StationManagerForm } from './station-manager.form';

const station = { id: '01a2373f-0000-7000-8000-000000000090', name: { zh: '西湖驿站', en: 'West Lake Station' } } as Station;
const managersPath = `/api/hubs/hangzhou/stays/stations/${station.id}/managers`;
const words = {
  'zh-CN': {
    open: '添加负责人',
    email: '其登录邮箱',
    add: /^添\s?加$/,
    done: 'li@hangzhou.demo 已成为此驿站负责人。',
    notInHub: '在本枢纽中找不到所引用的对象。',
    format: '格式不正确。',
  },
  'en-US': {
    open: 'Add a manager',
    email: 'Their sign-in email',
    add: /^Add$/,
    done: 'li@hangzhou.demo now runs this station.',
    notInHub: 'The referenced record does not exist in this hub.',
    format: 'Wrong format.',
  },
};
type Locale = keyof typeof words;
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!;

async function assign(locale: Locale, email: string) {
  const onAssigned = vi.fn(async () => undefined);
  renderInApp(<StationManagerForm hub="hangzhou" station={station} onAssigned={onAssigned} />, { locale });
  await userEvent.click(screen.getByRole('button', { name: words[locale].open }));
  await userEvent.type(await screen.findByLabelText(words[locale].email), email);
  await userEvent.click(within(screen.getByRole('tooltip')).getByRole('button', { name: words[locale].add }));
  return onAssigned;
}

describe('StationManagerForm: a hub admin names a station’s manager, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('sends the trimmed email and says who runs the station now (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 204 }));
    const onAssigned = await assign(locale, ' li@hangzhou.demo ');
    expect(await screen.findByText(words[locale].done)).toBeTruthy();
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([['POST', managersPath, { email: 'li@hangzhou.demo' }]]);
    expect(onAssigned).toHaveBeenCalled();
  });

  it.each(['zh-CN', 'en-US'] as const)('shows “no such person here” under the email, not as an alert (%s)', async (locale) => {
    const seen = fakeServer(() => ({
      status: 404,
      body: { error: { code: 'USER_NOT_FOUND', message: 'no user', fields: [{ path: 'email', code: 'NOT_IN_HUB', message: 'x' }] } },
    }));
    const onAssigned = await assign(locale, 'nobody@hangzhou.demo');
    await vi.waitFor(() => expect(fieldOf(words[locale].email).textContent).toContain(words[locale].notInHub));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(onAssigned).not.toHaveBeenCalled();
  });

  it('puts the person found but not a station manager here (userId) under the email too', async () => {
    fakeServer(() => ({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'x', fields: [{ path: 'userId', code: 'NOT_IN_HUB', message: 'x' }] } },
    }));
    await assign('en-US', 'guest@hangzhou.demo');
    await vi.waitFor(() => expect(fieldOf(words['en-US'].email).textContent).toContain(words['en-US'].notInHub));
  });

  it('checks the email before sending', async () => {
    const seen = fakeServer(() => ({ status: 204 }));
    await assign('zh-CN', 'not-an-email');
    await vi.waitFor(() => expect(fieldOf(words['zh-CN'].email).textContent).toContain(words['zh-CN'].format));
    expect(seen).toHaveLength(0);
  });
});
