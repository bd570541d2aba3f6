import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

/** Whether a district code is on the hub's list (null and absent are "not said", always fine). */
export const isHubDistrict = (hub: Pick<HubRow, 'districts'>, code: string) => hub.districts.some((d) => d.code === code);

/** 400 naming the field when a district (an organisation's, a station's) is not on the hub's list. */
export function assertDistrict(hub: Pick<HubRow, 'districts'>, code: string | null | undefined, path = 'district'): void {
  if (code != null && !isHubDistrict(hub, code)) throw new AppError('VALIDATION_FAILED', [{ path, code: 'UNKNOWN_DISTRICT' }]);
}
