import { describe, expect, it } from 'vitest';
import { systemReasonCodes } from '../../../contracts/reviews.js';
import { systemReason, systemReasonCode, tranchePaidReason } from './system-reasons.js';

describe('system reasons (the history names them by code, so a page says them in its language)', () => {
  it('reads back every reason the system writes as its code', () => {
    for (const code of systemReasonCodes) expect(systemReasonCode(systemReason(code))).toBe(code);
  });

  it('names why a tranche was paid: its condition, or the public notice for one without', () => {
    expect(systemReasonCode(tranchePaidReason({ kind: 'milestone_accepted', milestone: 'midterm' }))).toBe('condition_milestone_accepted');
    expect(systemReasonCode(tranchePaidReason({ kind: 'date', monthsAfterAward: 6 }))).toBe('condition_date');
    expect(systemReasonCode(tranchePaidReason(null))).toBe('notice_ended');
  });

  it('reads rows written before the codes (the same stored text)', () => {
    expect(systemReasonCode('paid with the award')).toBe('paid_with_award');
    expect(systemReasonCode('all tranches settled')).toBe('tranches_settled');
    expect(systemReasonCode('condition met: milestone_accepted')).toBe('condition_milestone_accepted');
  });

  it('leaves a person’s reason as typed: no code', () => {
    expect(systemReasonCode('Strong scores from both reviewers')).toBeNull();
    expect(systemReasonCode(null)).toBeNull();
  });
});
