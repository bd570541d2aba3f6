import type { EvidenceKind, Obligation } from '../../../contracts/obligations.js';
import type { LatestFact, RelatedTie } from '../ecosystem/index.js';

/**
 * Whether one obligation is broken, from the facts the monitor gathered (pure). A breach
 * carries its evidence, the day it happened (pro rata counts from there) and a
 * fingerprint of what it rests on, so the same evidence is never raised twice.
 */
export type ObligationFacts = {
  obligation: Obligation;
  startsOn: string;
  endsOn: string;
  today: string;
  registered?: LatestFact;
  headcount?: LatestFact;
  supplier?: { organizationId: string; ties: RelatedTie[] };
  otherAwards?: { applicationId: string; programName: { zh: string; en: string }; awardedOn: string }[];
  overdueReports?: string[];
};

export type Breach = {
  fingerprint: string;
  breachOn: string;
  evidence: { kind: EvidenceKind; summary: { zh: string; en: string }; detail: Record<string, unknown> };
};

/** Days a report may be late before it is a finding. */
export const REPORT_GRACE_DAYS = 30;

const later = (a: string, b: string) => (a > b ? a : b);
const source = (f: LatestFact) => ({ factId: f.id, asOf: f.asOf, sourceUrl: f.sourceUrl, sourceNote: f.sourceNote });

export function checkObligation(f: ObligationFacts): Breach | null {
  const o = f.obligation;
  switch (o.kind) {
    case 'stay_registered': {
      const r = f.registered;
      if (!r || r.quantity === null || Number(r.quantity) !== 0 || r.asOf > f.endsOn) return null;
      return {
        fingerprint: `fact:${r.id}`,
        breachOn: later(r.asOf, f.startsOn),
        evidence: { kind: 'graph_fact', summary: { zh: `${r.asOf} 起已迁出本地`, en: `Moved out of the hub as of ${r.asOf}` }, detail: source(r) },
      };
    }
    case 'keep_headcount': {
      const h = f.headcount;
      if (!h || h.quantity === null || o.minHeadcount === null || Number(h.quantity) >= o.minHeadcount || h.asOf < f.startsOn || h.asOf > f.endsOn) return null;
      const n = Number(h.quantity);
      return {
        fingerprint: `fact:${h.id}`,
        breachOn: h.asOf,
        evidence: {
          kind: 'graph_fact',
          summary: { zh: `${h.asOf} 员工 ${n} 人，低于承诺的 ${o.minHeadcount} 人`, en: `Headcount ${n} on ${h.asOf}, below the ${o.minHeadcount} promised` },
          detail: { ...source(h), headcount: n, minimum: o.minHeadcount },
        },
      };
    }
    case 'no_related_party': {
      const s = f.supplier;
      if (!s || !s.ties.length) return null;
      return {
        fingerprint: `supplier:${s.organizationId}:${s.ties.length}`,
        breachOn: f.startsOn,
        evidence: {
          kind: 'graph_fact',
          summary: {
            zh: `供应商与申请方存在关联关系（${s.ties.length} 处）`,
            en: `The supplier is a related party of the applicant (${s.ties.length} tie${s.ties.length > 1 ? 's' : ''})`,
          },
          detail: { supplierId: s.organizationId, ties: s.ties },
        },
      };
    }
    case 'no_double_subsidy': {
      const other = f.otherAwards?.[0];
      if (!other) return null;
      return {
        fingerprint: `award:${other.applicationId}`,
        breachOn: later(other.awardedOn, f.startsOn),
        evidence: {
          kind: 'graph_fact',
          summary: { zh: `同一事项另获「${other.programName.zh}」资助`, en: `Also funded for the same purpose by "${other.programName.en}"` },
          detail: { applicationId: other.applicationId, awardedOn: other.awardedOn },
        },
      };
    }
    case 'report_outcomes': {
      const due = f.overdueReports?.[0];
      if (!due) return null;
      return {
        fingerprint: `report:${due}`,
        breachOn: due,
        evidence: {
          kind: 'report',
          summary: { zh: `${due} 到期的成果报告逾期未交`, en: `The outcome report due ${due} was not submitted` },
          detail: { dueOn: due, graceDays: REPORT_GRACE_DAYS },
        },
      };
    }
  }
}
