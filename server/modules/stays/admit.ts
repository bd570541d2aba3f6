import type { StayDegreeLevel } from '../../../contracts/stays.js';
import { AppError } from '../../platform/errors.js';
import { standingFromFacts } from '../talent/index.js';
import { localToday, rangeProblems } from './stay-dates.js';
import { closedNights, type Scope, type StationForBooking } from './stations.service.js';
import type { Guest, Range } from './take-bed.js';

/**
 * Everything a booking must satisfy before a bed is taken: dates (400), the station's
 * calendar, the graduate's standing on the first night (403 NOT_ELIGIBLE with reasons),
 * judged on what `stationForBooking` read: no statement of its own. Returns who the guest is.
 */
export function admit(scope: Scope, loaded: StationForBooking, range: Range, now: Date, names = { from: 'checkIn', to: 'checkOut' }): Guest {
  const problems = rangeProblems(localToday(scope.hub.timeZone, now), range.checkIn, range.checkOut, names);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const closed = closedNights(loaded, range.checkIn, range.checkOut);
  if (closed.length) throw new AppError('STATION_CLOSED', closed);
  const { station } = loaded;
  const standing = standingFromFacts(
    loaded.guest,
    { minDegree: station.minDegree as StayDegreeLevel, graduatedWithinMonths: station.graduatedWithinMonths },
    range.checkIn,
  );
  if (!standing.eligible || !standing.personId) {
    throw new AppError(
      'NOT_ELIGIBLE',
      standing.reasons.filter((r) => !r.ok).map((r) => ({ path: r.key, code: 'INVALID' as const, detail: r.en })),
    );
  }
  return { personId: standing.personId, userId: scope.actor.userId! };
}
