import type { Db, Tx } from '../../db/connection.js';

/**
 * Whether a token's subject (what it acts for, beyond its roles) is one of the hub's. The
 * module that reads a kind of subject registers it here (compute: `compute_provider`), as
 * modules register their ports elsewhere; the platform names no module.
 */
type SubjectInHub = (db: Db | Tx, hubId: string, id: string) => Promise<boolean>;

const subjectKinds = new Map<string, SubjectInHub>();

export function registerTokenSubject(kind: string, inHub: SubjectInHub): void {
  subjectKinds.set(kind, inHub);
}

/** null: a kind no module reads; else whether that subject is one of the hub's. */
export async function tokenSubjectInHub(db: Db | Tx, hubId: string, subject: { kind: string; id: string }): Promise<boolean | null> {
  const inHub = subjectKinds.get(subject.kind);
  return inHub ? inHub(db, hubId, subject.id) : null;
}
