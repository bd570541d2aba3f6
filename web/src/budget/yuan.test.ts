import { describe, expect, it } from 'vitest';
import { basisPointsText, fenMinus, fenToYuanText, formatYuan, percentToBasisPoints, yuanToFen } from './yuan';

describe('yuan and fen', () => {
  it('converts typed yuan to fen exactly, without floats', () => {
    expect(yuanToFen('200,000,000')).toBe('20000000000');
    expect(yuanToFen('0.1')).toBe('10');
    expect(yuanToFen('1234567890123456.78')).toBe('123456789012345678');
    expect(yuanToFen('0.015')).toBeNull();
    expect(yuanToFen('0')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });

  it('shows fen as yuan, negative balances included', () => {
    expect(fenToYuanText('5')).toBe('0.05');
    expect(fenToYuanText('-150')).toBe('-1.50');
    expect(fenToYuanText('123456789012345678')).toBe('1234567890123456.78');
    expect(formatYuan('20000000050', 'en-US')).toBe('CN¥200,000,000.50');
    expect(formatYuan('-5', 'en-US')).toBe('-CN¥0.05');
  });

  it('reads a percent as basis points', () => {
    expect(percentToBasisPoints('15')).toBe(1500);
    expect(percentToBasisPoints('15.5')).toBe(1550);
    expect(percentToBasisPoints('0.01')).toBe(1);
    expect(percentToBasisPoints('100.01')).toBeNull();
    expect(percentToBasisPoints('0')).toBeNull();
    expect(basisPointsText(1500)).toBe('15%');
    expect(basisPointsText(1550)).toBe('15.5%');
    expect(fenMinus('100', '30', '5')).toBe('65');
  });
});
