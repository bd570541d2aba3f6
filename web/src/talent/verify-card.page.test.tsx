import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { VerifyCardPage } from './verify-card.page';

const words = {
  'zh-CN': {
    title: '人才卡核验',
    intro: '有人向您出示龙门人才卡时',
    field: '人才卡核验链接或核验码',
    check: /^核\s?验$/,
    valid: '人才卡核验：有效',
    altered: '无效的人才卡：签名不符或内容被篡改。',
    notACard: '这不是完整的人才卡核验链接或核验码，请检查是否复制完整。',
    retry: /^重\s?试$/,
  },
  'en-US': {
    title: 'Talent card check',
    intro: 'When someone shows you a Dragon Gate talent card',
    field: 'Talent card link or code',
    check: 'Check',
    valid: 'Talent card check: Valid',
    altered: 'Not a valid talent card: the signature does not match or it was altered.',
    notACard: 'This is not a whole talent card link or code; check that it was copied in full.',
    retry: 'Try again',
  },
} as const;
type Locale = keyof typeof words;

const claims = btoa(JSON.stringify({ v: 1, hub: 'hangzhou', card: '01a2373f-0000-7000-8000-0000000000c1', tier: 'E', exp: '2027-06-30', kid: 'k1' }));
const token = `${claims.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.MEUCIQDx_sig-nature`;
const valid = { status: 200, body: { status: 'valid', tier: 'E', expiresOn: '2027-06-30', hub: { slug: 'hangzhou', name: { zh: '杭州', en: 'Hangzhou' } } } };
const altered = { status: 400, body: { error: { code: 'CARD_INVALID', message: 'x', fields: [{ path: 'token', code: 'INVALID', message: 'x' }] } } };

function openPage(path: string, locale: Locale, reply: (request: SeenRequest) => { status: number; body?: unknown } = () => valid) {
  const seen = fakeServer(reply);
  renderInApp(
    <Routes>
      <Route path="hubs/:hub/talent/verify" element={<VerifyCardPage />} />
    </Routes>,
    { locale, path },
  );
  return () => seen.map((r) => r.path);
}

const h1s = () => screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent);

describe('VerifyCardPage', () => {
  it.each(['zh-CN', 'en-US'] as const)('opened bare, says what it is for and checks nothing, with no word of tampering (%s)', (locale) => {
    const w = words[locale];
    const asked = openPage('/hubs/hangzhou/talent/verify', locale);
    expect(h1s()).toEqual([w.title]);
    expect(screen.getByText(w.intro, { exact: false })).toBeTruthy();
    expect(screen.queryByText(w.altered)).toBeNull();
    expect(screen.getByLabelText(w.field)).toBeTruthy();
    expect(asked()).toEqual([]);
  });

  it.each([
    ['zh-CN', 'the whole link', `https://dragongate.example/hubs/hangzhou/talent/verify?token=${token}`],
    ['en-US', 'the code alone', token],
  ] as const)('checks a pasted card as its QR link would (%s, %s)', async (locale, _what, pasted) => {
    const w = words[locale];
    const asked = openPage('/hubs/hangzhou/talent/verify', locale);
    await userEvent.click(screen.getByLabelText(w.field));
    await userEvent.paste(pasted);
    await userEvent.click(screen.getByRole('button', { name: w.check }));
    expect(await screen.findByText(w.valid)).toBeTruthy();
    expect(h1s()).toEqual([w.valid]);
    expect(screen.getByText(locale === 'zh-CN' ? /2027年6月30日/ : /Jun 30, 2027/)).toBeTruthy();
    expect(asked()).toEqual([`/api/hubs/hangzhou/talent/verify?token=${encodeURIComponent(token)}`]);
  });

  it.each(['zh-CN', 'en-US'] as const)('refuses what is not a card’s link or code under the field, asking nothing (%s)', async (locale) => {
    const w = words[locale];
    const asked = openPage('/hubs/hangzhou/talent/verify', locale);
    await userEvent.type(screen.getByLabelText(w.field), 'https://dragongate.example/hubs/hangzhou/talent/verify');
    await userEvent.click(screen.getByRole('button', { name: w.check }));
    expect(await screen.findByText(w.notACard)).toBeTruthy();
    expect(asked()).toEqual([]);
  });

  it.each(['zh-CN', 'en-US'] as const)('says a real token that fails the signature was altered, and offers to check another (%s)', async (locale) => {
    const w = words[locale];
    openPage(`/hubs/hangzhou/talent/verify?token=${token}`, locale, () => altered);
    expect(await screen.findByText(w.altered)).toBeTruthy();
    expect(h1s()).toEqual([w.title]);
    expect(screen.getByLabelText(w.field)).toBeTruthy();
  });

  it.each(['zh-CN', 'en-US'] as const)('says a cut-off or mistyped link is not a card, not that one was altered (%s)', async (locale) => {
    const w = words[locale];
    const asked = openPage('/hubs/hangzhou/talent/verify?token=not-a-card', locale);
    expect(await screen.findByText(w.notACard)).toBeTruthy();
    expect(screen.queryByText(w.altered)).toBeNull();
    expect(h1s()).toEqual([w.title]);
    expect(asked()).toEqual([]);
  });

  it('offers a retry when no answer came, rather than calling the card invalid', async () => {
    let calls = 0;
    const asked = openPage(`/hubs/hangzhou/talent/verify?token=${token}`, 'zh-CN', () =>
      ++calls === 1 ? { status: 503, body: { error: { code: 'INTERNAL', message: 'x' } } } : valid,
    );
    await userEvent.click(await screen.findByRole('button', { name: words['zh-CN'].retry }));
    expect(await screen.findByText(words['zh-CN'].valid)).toBeTruthy();
    expect(screen.queryByText(words['zh-CN'].altered)).toBeNull();
    expect(asked()).toHaveLength(2);
  });
});
