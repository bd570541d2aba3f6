import { describe, expect, it } from 'vitest';
import { cardToCheck, looksLikeCardToken } from './card-to-check';

/** A token shaped as the server signs it, naming `hub` in its claims. */
const tokenOf = (hub: string) =>
  `${btoa(JSON.stringify({ v: 1, hub, card: '01a2373f-0000-7000-8000-0000000000c1', tier: 'E', exp: '2027-06-30', kid: 'k1' }))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')}.MEUCIQDx_sig-nature`;
const token = tokenOf('hangzhou');

describe('cardToCheck: what a person pastes to check a talent card', () => {
  it('takes the whole check link, as the QR code holds it, with or without its address', () => {
    for (const link of [
      `https://dragongate.example/hubs/hangzhou/talent/verify?token=${token}`,
      `dragongate.example/hubs/hangzhou/talent/verify?token=${token}`,
      `/hubs/hangzhou/talent/verify?token=${encodeURIComponent(token)}&from=wechat`,
    ])
      expect(cardToCheck(link)).toEqual({ token, hub: 'hangzhou' });
  });

  it('takes the code alone, and drops the spaces and line breaks a chat app put in', () => {
    expect(cardToCheck(token)).toEqual({ token, hub: 'hangzhou' });
    expect(cardToCheck(`  ${token.slice(0, 20)}\n${token.slice(20)} `)).toEqual({ token, hub: 'hangzhou' });
  });

  it('checks a card where the card says it was issued, whichever hub’s page it was pasted on', () => {
    expect(cardToCheck(tokenOf('shenzhen'))?.hub).toBe('shenzhen');
    expect(cardToCheck(`https://x.example/hubs/hangzhou/talent/verify?token=${tokenOf('shenzhen')}`)?.hub).toBe('shenzhen');
  });

  it('falls back to the link’s hub, or none, when the code names no hub it can read', () => {
    expect(cardToCheck('https://x.example/hubs/suzhou/talent/verify?token=AAAAAAAAAA.BBBB')).toEqual({ token: 'AAAAAAAAAA.BBBB', hub: 'suzhou' });
    expect(cardToCheck('AAAAAAAAAA.BBBB')).toEqual({ token: 'AAAAAAAAAA.BBBB', hub: null });
  });

  it('refuses what is neither: words, a link without a code, a cut-off code', () => {
    for (const text of [
      '',
      'hello',
      '张三的人才卡',
      'https://x.example/hubs/hangzhou/talent/verify',
      'https://x.example/?token=',
      token.split('.')[0]!,
      `${token}.extra`,
    ])
      expect(cardToCheck(text)).toBeNull();
  });

  it('knows a token by its shape and the length the server takes', () => {
    expect(looksLikeCardToken(token)).toBe(true);
    expect(looksLikeCardToken('not-a-card')).toBe(false);
    expect(looksLikeCardToken('a.b')).toBe(false);
    expect(looksLikeCardToken(`${'A'.repeat(2000)}.B`)).toBe(false);
  });
});
