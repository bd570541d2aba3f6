import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorMessages, fieldErrorMessages } from '../../../contracts/error-messages';
import { ApiRequestError } from '../api/api-request-error';
import { errorText } from './error-text';

const t = ((key: string) => key) as unknown as TFunction;
const conflict = (fields: { path: string; code: string }[]) =>
  new ApiRequestError({ status: 409, code: 'CONFLICT', message: 'Conflict', fields: fields.map((f) => ({ ...f, message: '' })) as never });

describe('errorText', () => {
  it('says why a conflict happened when the answer names a reason', () => {
    expect(errorText(conflict([{ path: 'decision', code: 'STAYS_OVERLAP' }]), 'zh-CN', t)).toBe(fieldErrorMessages.STAYS_OVERLAP['zh-CN']);
    expect(errorText(conflict([{ path: 'decision', code: 'STAYS_OVERLAP' }]), 'en-US', t)).toBe(fieldErrorMessages.STAYS_OVERLAP['en-US']);
  });

  it('keeps "someone changed this" for a conflict that names no reason', () => {
    expect(errorText(conflict([{ path: 'decision', code: 'INVALID' }]), 'en-US', t)).toBe(errorMessages.CONFLICT['en-US']);
    expect(errorText(conflict([]), 'zh-CN', t)).toBe(errorMessages.CONFLICT['zh-CN']);
  });
});
