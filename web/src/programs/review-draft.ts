import { defaultReviewSettings, type ReviewSettings, type ReviewSettingsInput } from '../../../contracts/review-settings';
import { DraftLineError } from './draft-line-error';
import { minorToInputText, yuanToFen } from '../money/money-math';

/**
 * How a program is judged and paid out, as the editor shows it: numbers as typed, the
 * rubric and the milestone reports one a line, the public notice period a whole number
 * (empty or 0: none). `reviewFromValues` throws DraftLineError on a line that does not
 * parse; the server checks the rest (program-draft.ts does the same for the formula).
 */
export type ReviewValues = {
  reviewersPerApplication?: string;
  conflictYears?: string;
  twoPersonThreshold?: string;
  scoresVisibleToApplicant?: boolean;
  /** key=中文|English|weight|scale */
  rubric?: string;
  /** key=中文|English|months after the award */
  milestones?: string;
  /** Working days on the public notice board before any payment; empty or 0: none (any program). */
  noticeWorkingDays?: number | null;
};

const linesOf = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .filter((l) => l.text);

const LINE = /^([^=]+)=([^|]+)\|([^|]+)\|(.+)$/;
const wholeNumber = (text: string | undefined, fallback: number) => (text?.trim() && /^\d+$/.test(text.trim()) ? Number(text.trim()) : fallback);

function milestonesFrom(v: ReviewValues) {
  return linesOf(v.milestones).map(({ text, line }) => {
    const m = LINE.exec(text);
    if (!m || !/^\d+$/.test(m[4]!.trim())) throw new DraftLineError('review.milestones', line);
    return { key: m[1]!.trim(), name: { zh: m[2]!.trim(), en: m[3]!.trim() }, dueAfterMonths: Number(m[4]!.trim()) };
  });
}

/** Whatever the officer typed goes to the server, which names the field if it is out of range. */
const noticeDaysFrom = (v: ReviewValues) => v.noticeWorkingDays ?? 0;

/** A reviewed program's settings. */
export function reviewFromValues(v: ReviewValues): ReviewSettingsInput {
  const rubric = linesOf(v.rubric).map(({ text, line }) => {
    const m = LINE.exec(text);
    const [weight, scale] = (m?.[4] ?? '').split('|').map((s) => s.trim());
    if (!m || !/^\d+$/.test(weight ?? '') || !/^\d+$/.test(scale ?? '')) throw new DraftLineError('review.rubric', line);
    return { key: m[1]!.trim(), name: { zh: m[2]!.trim(), en: m[3]!.trim() }, weight: Number(weight), scale: Number(scale) };
  });
  return {
    reviewersPerApplication: wholeNumber(v.reviewersPerApplication, defaultReviewSettings.reviewersPerApplication),
    rubric,
    conflictYears: wholeNumber(v.conflictYears, defaultReviewSettings.conflictYears),
    twoPersonThreshold: v.twoPersonThreshold?.trim() ? (yuanToFen(v.twoPersonThreshold) ?? v.twoPersonThreshold) : null,
    scoresVisibleToApplicant: Boolean(v.scoresVisibleToApplicant),
    milestones: milestonesFrom(v),
    noticeWorkingDays: noticeDaysFrom(v),
  };
}

/**
 * A rule-only program's settings: only what it uses (reports it may wait for and the
 * notice period; the server fills in the rest), or none when it uses neither.
 */
export function ruleOnlyReviewFromValues(v: ReviewValues): ReviewSettingsInput | null {
  const milestones = milestonesFrom(v);
  const noticeWorkingDays = noticeDaysFrom(v);
  return milestones.length || noticeWorkingDays ? { milestones, noticeWorkingDays } : null;
}

export function reviewValues(settings: ReviewSettings | null | undefined): ReviewValues {
  const s = settings ?? defaultReviewSettings;
  return {
    reviewersPerApplication: String(s.reviewersPerApplication),
    conflictYears: String(s.conflictYears),
    twoPersonThreshold: s.twoPersonThreshold ? minorToInputText(s.twoPersonThreshold) : undefined,
    scoresVisibleToApplicant: s.scoresVisibleToApplicant,
    rubric: s.rubric.map((c) => `${c.key}=${c.name.zh}|${c.name.en}|${c.weight}|${c.scale}`).join('\n'),
    milestones: s.milestones.map((m) => `${m.key}=${m.name.zh}|${m.name.en}|${m.dueAfterMonths}`).join('\n'),
    // Shown empty when there is none, as the help text says.
    noticeWorkingDays: s.noticeWorkingDays || null,
  };
}
