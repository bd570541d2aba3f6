import { describe, expect, it } from 'vitest';
import { checkPassword, commonPasswordCount } from './passwords.js';

describe('password rules (NIST SP 800-63B)', () => {
  it('ships a list of at least 1,000 common passwords', () => {
    expect(commonPasswordCount).toBeGreaterThanOrEqual(1000);
  });

  it('needs at least 15 characters, with no composition rules', () => {
    expect(checkPassword('a'.repeat(3) + 'bcdefghijk')).toBe('TOO_SHORT'); // 13
    expect(checkPassword('plain lowercase words')).toBeNull();
    expect(checkPassword('fifteen chars!!')).toBeNull(); // exactly 15
  });

  it('counts characters, not bytes: 15 Chinese characters are enough', () => {
    expect(checkPassword('杭州西湖龙井茶叶真的非常好喝啊')).toBeNull();
    expect(checkPassword('杭州西湖龙井茶叶真的非常好')).toBe('TOO_SHORT');
  });

  it('allows long passphrases up to 128 characters and rejects longer', () => {
    expect(checkPassword('x'.repeat(63) + 'y'.repeat(65))).toBeNull();
    expect(checkPassword('xy'.repeat(65))).toBe('TOO_LONG');
  });

  it('rejects common passwords, whatever their case', () => {
    expect(checkPassword('123456789987654321')).toBe('COMMON');
    expect(checkPassword('1QAZ2WSX3EDC4RFV')).toBe('COMMON');
  });

  it('rejects one character repeated and a common password doubled', () => {
    expect(checkPassword('aaaaaaaaaaaaaaaaaaaa')).toBe('COMMON');
    expect(checkPassword('passwordpassword')).toBe('COMMON');
  });
});
