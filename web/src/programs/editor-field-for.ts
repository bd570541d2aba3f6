type FieldName = (string | number)[];

const direct: Record<string, FieldName> = {
  'name.zh': ['nameZh'],
  'name.en': ['nameEn'],
  'description.zh': ['descriptionZh'],
  'description.en': ['descriptionEn'],
  kind: ['kind'],
  sectors: ['sectors'],
  'window.opensOn': ['opensOn'],
  'window.closesOn': ['closesOn'],
  fiscalYear: ['fiscalYear'],
  budgetLine: ['budgetLine'],
  claimField: ['claimField'],
  'rules.benefit.amount': ['amount'],
  'rules.benefit.cap': ['cap'],
  'rules.benefit.caps.perApplicantPerYear': ['annualCap'],
  'rules.benefit.type': ['benefitType'],
  'rules.benefit.basisPoints': ['rate'],
  'rules.benefit.byChoice.field': ['choiceField'],
  'rules.benefit.by': ['tableBy'],
  'rules.review.noticeWorkingDays': ['review', 'noticeWorkingDays'],
  'rules.review.reviewersPerApplication': ['review', 'reviewersPerApplication'],
  'rules.review.conflictYears': ['review', 'conflictYears'],
  'rules.review.twoPersonThreshold': ['review', 'twoPersonThreshold'],
  'rules.benefit.capPerSquareMetreMonth': ['rent', 'capPerM2'],
  'rules.benefit.capArea': ['rent', 'capArea'],
  'rules.benefit.areaPerPerson': ['rent', 'areaPerPerson'],
  'rules.benefit.extension.withinMonths': ['rent', 'withinMonths'],
  'rules.benefit.extension.criterion.expression': ['rent', 'condition'],
  'rules.benefit.extension.criterion.name.zh': ['rent', 'conditionZh'],
  'rules.benefit.extension.criterion.name.en': ['rent', 'conditionEn'],
};

/** A rubric row's or report row's inputs by the server's path; the key (hidden) is shown under the English name. */
const reviewRowParts: Record<string, string> = {
  key: 'en',
  'name.zh': 'zh',
  'name.en': 'en',
  weight: 'weight',
  scale: 'scale',
  dueAfterMonths: 'months',
};

const criterionParts: Record<string, string> = {
  key: 'key',
  expression: 'rule',
  'name.zh': 'nameZh',
  'name.en': 'nameEn',
  'reason.zh': 'reasonZh',
  'reason.en': 'reasonEn',
};

/** Where a server field error of a program draft goes in the editor (null: no field of its own; the save bar says it). */
export function editorFieldFor(path: string): FieldName | null {
  if (direct[path]) return direct[path];
  const criterion = /^rules\.criteria\.(\d+)\.(.+)$/.exec(path);
  if (criterion) return ['criteria', Number(criterion[1]), criterionParts[criterion[2]!] ?? 'rule'];
  // A choice's option row: its value (hidden) is shown under the English label.
  const option = /^rules\.form\.(\d+)\.options\.(\d+)\.(.+)$/.exec(path);
  if (option) return ['fields', Number(option[1]), 'options', Number(option[2]), option[3] === 'label.zh' ? 'zh' : 'en'];
  const rate = /^rules\.benefit\.byChoice\.rates\.(\d+)\.(.+)$/.exec(path);
  if (rate) return ['choiceRates', Number(rate[1]), rate[2] === 'option' ? 'option' : 'rate'];
  const tableRow = /^rules\.benefit\.rows\.(\d+)\.(.+)$/.exec(path);
  if (tableRow) return ['tableRows', Number(tableRow[1]), tableRow[2] === 'key' ? 'key' : 'amount'];
  const field = /^rules\.form\.(\d+)\.(key|label\.zh|label\.en)/.exec(path);
  if (field) return ['fields', Number(field[1]), field[2] === 'key' ? 'key' : field[2] === 'label.zh' ? 'labelZh' : 'labelEn'];
  const reviewRow = /^rules\.review\.(rubric|milestones)\.(\d+)\.(.+)$/.exec(path);
  if (reviewRow && reviewRowParts[reviewRow[3]!]) return ['review', reviewRow[1]!, Number(reviewRow[2]), reviewRowParts[reviewRow[3]!]!];
  const tranche = /^rules\.benefit\.tranches(?:\.(\d+))?(?:\.(.+))?$/.exec(path);
  if (tranche) return ['tranches', Number(tranche[1] ?? 0), tranche[2]?.startsWith('condition') ? 'when' : 'share'];
  return null;
}
