import type { ObligationFinding } from '../../../contracts/obligations';

/** A decided breach with money owed and an appeal window: every day it carries is an ISO date the page must say in words. */
export const breachFinding: ObligationFinding = {
  id: '01a2373f-0000-7000-8000-000000000013',
  reference: 'OB-000007',
  applicationId: '01a2373f-0000-7000-8000-000000000010',
  programName: { zh: '算力券', en: 'Compute voucher' },
  applicantName: { zh: '云深处科技', en: 'DEEP Robotics' },
  obligation: { key: 'stay', kind: 'stay_registered', startsOn: '2026-03-01', endsOn: '2029-03-01', rule: 'all' },
  foundOn: '2026-11-01',
  evidence: { kind: 'graph_fact', summary: { zh: '注册地迁出本枢纽', en: 'Registered elsewhere' }, detail: {} },
  status: 'breach',
  decisionReason: 'Moved to Shanghai',
  appealUntil: '2026-11-15',
  appealReason: null,
  recovery: {
    id: '01a2373f-0000-7000-8000-000000000014',
    amountDue: '1000000',
    repaid: '0',
    writtenOff: '0',
    dueOn: '2026-12-01',
    status: 'due',
    writeOffRequestedBy: null,
    payments: [],
  },
  actions: [],
};
