import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { SigningKeyCard } from './signing-key.card';

const rotatePath = '/api/hubs/hangzhou/talent/signing-keys/rotate';
const words = {
  'zh-CN': { rotate: '更换人才卡签名密钥', rotated: '新卡将使用密钥 k-2027 签名。', forbidden: '您没有执行此操作的权限。' },
  'en-US': { rotate: 'Rotate the card signing key', rotated: 'New cards are signed with key k-2027.', forbidden: 'You are not allowed to do this.' },
};
type Locale = keyof typeof words;
// antd may space a short Chinese button label; match it either way.
const named = (text: string) => new RegExp(`^${text.split('').join('\\s?')}$`);

async function rotate(locale: Locale) {
  // The card's own button (the confirm's button of an earlier try may still be in the page).
  const card = document.querySelector<HTMLElement>('.ant-card')!;
  await userEvent.click(within(card).getByRole('button', { name: named(words[locale].rotate) }));
  await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: named(words[locale].rotate) }));
}

describe('SigningKeyCard: the key rotation is an action with a confirm, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('sends the rotation only once confirmed, and names the new key (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: { kid: 'k-2027' } }));
    renderInApp(<SigningKeyCard hub="hangzhou" />, { locale });
    await userEvent.click(screen.getByRole('button', { name: named(words[locale].rotate) }));
    expect(seen).toHaveLength(0);
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: named(words[locale].rotate) }));
    expect((await screen.findByRole('status')).textContent).toContain(words[locale].rotated);
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', rotatePath]]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal as one sentence above the button, and no new key (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'forbidden' } } }));
    renderInApp(<SigningKeyCard hub="hangzhou" />, { locale });
    await rotate(locale);
    expect((await screen.findByRole('alert')).textContent).toContain(words[locale].forbidden);
    expect(screen.queryByRole('status')).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('clears the refusal when the next try succeeds', async () => {
    let answers = 0;
    fakeServer(() =>
      answers++ === 0 ? { status: 429, body: { error: { code: 'RATE_LIMITED', message: 'later' } } } : { status: 200, body: { kid: 'k-2027' } },
    );
    renderInApp(<SigningKeyCard hub="hangzhou" />, { locale: 'en-US' });
    await rotate('en-US');
    expect(await screen.findByRole('alert')).toBeTruthy();
    await rotate('en-US');
    expect((await screen.findByRole('status')).textContent).toContain(words['en-US'].rotated);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
