import type { PersonalRead } from '../../platform/audit/personal-reads.js';
import type { ApplicationRow } from './applications.service.js';

/**
 * An application's answers are personal data (free text and files may carry names and
 * resident identity numbers; a person applicant's answers are about them): shown to anyone
 * but the account that submitted it, they are a personal read of those applications. The
 * applicant reading their own writes nothing, like a graduate reading their own bookings.
 */
export function applicationsRead<T>(
  readerId: string | null,
  fields: readonly string[],
  rowsOf: (result: T) => readonly Pick<ApplicationRow, 'id' | 'submittedBy'>[],
): PersonalRead<T> {
  return {
    subjectType: 'application',
    fields,
    ids: (result) => rowsOf(result).flatMap((row) => (row.submittedBy === readerId ? [] : [row.id])),
  };
}
