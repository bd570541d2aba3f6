import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyAxis } from './format-money';
import { majorToMinor, minorToDecimal, minorToInputText, yuanToFen } from './money-math';

describe('formatMoney in zh-CN', () => {
  it('says large figures in 万 and 亿 when that stays exact', () => {
    expect(formatMoney('25000000000000', 'zh-CN')).toBe('2,500亿元');
    expect(formatMoney('50000000', 'zh-CN')).toBe('50万元');
    expect(formatMoney('800000000', 'zh-CN')).toBe('800万元');
    expect(formatMoney('1234500000', 'zh-CN')).toBe('1,234.5万元');
    expect(formatMoney('25000000000', 'zh-CN')).toBe('2.5亿元');
    // Whole 元 stay in 万/亿 (one column never mixes 2.5亿元 with 249,700,000元).
    expect(formatMoney('24970000000', 'zh-CN')).toBe('2.497亿元');
    expect(formatMoney('4913138000', 'zh-CN')).toBe('4,913.138万元');
    expect(formatMoney('12345670000', 'zh-CN')).toBe('12,345.67万元');
    expect(formatMoney('41328000', 'zh-CN')).toBe('41.328万元');
    expect(formatMoney('1000000', 'zh-CN')).toBe('1万元');
  });

  it('keeps every fen when 万 would round', () => {
    expect(formatMoney('12345678', 'zh-CN')).toBe('123,456.78元');
    expect(formatMoney('123450', 'zh-CN')).toBe('1,234.50元');
    expect(formatMoney('5', 'zh-CN')).toBe('0.05元');
    expect(formatMoney('0', 'zh-CN')).toBe('0元');
    expect(formatMoney('123456789012345678', 'zh-CN')).toBe('1,234,567,890,123,456.78元');
  });

  it('rounds the short form half away from zero to two decimals', () => {
    expect(formatMoney('23456789000', 'zh-CN', 'short')).toBe('2.35亿元');
    expect(formatMoney('12345678', 'zh-CN', 'short')).toBe('12.35万元');
    expect(formatMoney('999950', 'zh-CN', 'short')).toBe('1万元');
    expect(formatMoney('99999999', 'zh-CN', 'short')).toBe('100万元');
    expect(formatMoney('12345', 'zh-CN', 'short')).toBe('123元');
  });

  it('signs negative amounts', () => {
    expect(formatMoney('-50000000', 'zh-CN')).toBe('-50万元');
    expect(formatMoney('-150', 'zh-CN')).toBe('-1.50元');
    expect(formatMoney('-23456789000', 'zh-CN', 'short')).toBe('-2.35亿元');
  });

  it('names other currencies in Chinese', () => {
    expect(formatMoney({ amountMinor: '140000000000', currency: 'USD' }, 'zh-CN')).toBe('14亿美元');
    expect(formatMoney({ amountMinor: '1500', currency: 'JPY' }, 'zh-CN')).toBe('1,500日元');
  });
});

describe('formatMoney in en-US', () => {
  it('writes CNY with separators, fen only when there are some', () => {
    expect(formatMoney('800000000', 'en-US')).toBe('CNY 8,000,000');
    expect(formatMoney('20000000050', 'en-US')).toBe('CNY 200,000,000.50');
    expect(formatMoney('5', 'en-US')).toBe('CNY 0.05');
    expect(formatMoney('-5', 'en-US')).toBe('-CNY 0.05');
    expect(formatMoney({ amountMinor: '140000000000', currency: 'USD' }, 'en-US')).toBe('USD 1,400,000,000');
  });

  it('says k, m and bn in the short form', () => {
    expect(formatMoney('800000000', 'en-US', 'short')).toBe('CNY 8m');
    expect(formatMoney('25000000000000', 'en-US', 'short')).toBe('CNY 250bn');
    expect(formatMoney('1234500', 'en-US', 'short')).toBe('CNY 12.35k');
    expect(formatMoney('99999', 'en-US', 'short')).toBe('CNY 1k');
    expect(formatMoney('99999999', 'en-US', 'short')).toBe('CNY 1m');
    expect(formatMoney('95000', 'en-US', 'short')).toBe('CNY 950');
    expect(formatMoney('-250000000000', 'en-US', 'short')).toBe('-CNY 2.5bn');
  });
});

describe('chart axes', () => {
  it('formats plotted yuan in the short form', () => {
    expect(formatMoneyAxis(500_000_000, 'zh-CN')).toBe('5亿元');
    expect(formatMoneyAxis(500_000_000, 'en-US')).toBe('CNY 500m');
    expect(formatMoneyAxis(0, 'en-US')).toBe('CNY 0');
  });
});

describe('amounts typed and read back', () => {
  it('reads typed yuan exactly, without floats', () => {
    expect(yuanToFen('200,000,000')).toBe('20000000000');
    expect(yuanToFen('0.1')).toBe('10');
    expect(yuanToFen('1234567890123456.78')).toBe('123456789012345678');
    expect(yuanToFen('0.015')).toBeNull();
    expect(yuanToFen('0')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(majorToMinor('1,500', 'JPY')).toBe('1500');
    expect(minorToDecimal('-150')).toBe('-1.50');
    expect(minorToInputText('50000000')).toBe('500,000');
    expect(minorToInputText('123450')).toBe('1,234.50');
  });

  it('round-trips any amount through the input text and keeps the exact figure in text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }), (fen) => {
        expect(yuanToFen(minorToInputText(fen.toString()))).toBe(fen.toString());
        // The exact form never loses a fen: strip units and compare.
        const text = formatMoney(fen.toString(), 'en-US').replace(/^CNY |,/g, '');
        expect(yuanToFen(text)).toBe(fen.toString());
      }),
    );
  });
});
