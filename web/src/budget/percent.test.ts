import { describe, expect, it } from 'vitest';
import { fenMinus } from '../money/money-math';
import { basisPointsText, percentToBasisPoints } from './percent';

describe('percent and basis points', () => {
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
