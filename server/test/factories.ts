import { randomUUID } from 'node:crypto';
import { usccCheckCharacter } from '../../contracts/uscc.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh, valid Unified Social Credit Code (random organisation code, Hangzhou area). */
export function validUscc(): string {
  const bytes = Buffer.from(randomUUID().replaceAll('-', ''), 'hex');
  const body = '91330100' + [...bytes.subarray(0, 9)].map((b) => ALPHABET[b % 31]).join('');
  return body + usccCheckCharacter(body);
}

export function organizationInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'startup',
    name: { zh: '测试机器人', en: `Test Robotics ${randomUUID().slice(0, 8)}` },
    uscc: validUscc(),
    foundedOn: '2024-05-01',
    sectors: ['robotics', 'ai'],
    headcount: 12,
    website: 'https://example.com',
    ...overrides,
  };
}
