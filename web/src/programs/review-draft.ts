import { defaultReviewSettings, type ReviewSettings, type ReviewSettingsInput } from '../../../contracts/review-settings';
import { DraftLineError } from './draft-line-error';
import { rowKeys } from './review-keys';
import { minorToInputText, yuanToFen } from '../money/money-math';

/** One rubric criterion as a form row: its names, weight and scale as typed; `key` as loaded, or made when the row was added. */
export type RubricRow = { key?: string; zh?: string; en?: string; weight?: string; scale?: string };
/** One report the awardee owes as a form row: its names and the months after the award it is due. */
export type MilestoneRow = { key?: string; zh?: string; en?: string; months?: string };

/**
 * How a program is judged and paid out, as the editor shows it: numbers as typed, the
 * rubric and the milestone reports as rows, the public notice period a whole number
 * (empty or 0: none). Each row keeps its key (review-keys.ts). The row inputs check
 * their own names and numbers; `reviewFromValues` still throws DraftLineError on a number
 * that is not whole (the simulation sends unchecked values); the server checks the rest.
 */
export type ReviewValues = {
  reviewersPerApplication?: string;
  conflictYears?: string;
  twoPersonThreshold?: string;
  scoresVisibleToApplicant?: boolean;
  rubric?: (RubricRow | undefined)[];
  milestones?: (MilestoneRow | undefined)[];
  /** Working days on the public notice board before any payment; empty or 0: none (any program). */
  noticeWorkingDays?: number | null;
};

/** What a new row's key is made of: `criterion_3`, `report_2`. */
export const RUBRIC_KEY = 'criterion';
export const MILESTONE_KEY = 'report';

const wholeNumber = (text: string | undefined, fallback: number) => (text?.trim() && /^\d+$/.test(text.trim()) ? Number(text.trim()) : fallback);

/** A row's whole number, or DraftLineError naming the row's input. */
function rowNumber(text: string | number | undefined, field: string, index: number) {
  const trimmed = String(text ?? '').trim();
  if (!/^\d{1,3}$/.test(trimmed)) throw new DraftLineError(field, index + 1);
  return Number(trimmed);
}

const nameOf = (row: { zh?: string; en?: string } | undefined) => ({ zh: row?.zh?.trim() ?? '', en: row?.en?.trim() ?? '' });

function milestonesFrom(v: ReviewValues) {
  const rows = v.milestones ?? [];
  const keys = rowKeys(rows, MILESTONE_KEY);
  return rows.map((row, i) => ({
    key: keys[i]!,
    name: nameOf(row),
    dueAfterMonths: rowNumber(row?.months, `review.milestones.${i}.months`, i),
  }));
}

function rubricFrom(v: ReviewValues) {
  const rows = v.rubric ?? [];
  const keys = rowKeys(rows, RUBRIC_KEY);
  return rows.map((row, i) => ({
    key: keys[i]!,
    name: nameOf(row),
    weight: rowNumber(row?.weight, `review.rubric.${i}.weight`, i),
    scale: rowNumber(row?.scale, `review.rubric.${i}.scale`, i),
  }));
}

/** Whatever the officer typed goes to the server, which names the field if it is out of range. */
const noticeDaysFrom = (v: ReviewValues) => v.noticeWorkingDays ?? 0;

/** A reviewed program's settings. */
export function reviewFromValues(v: ReviewValues): ReviewSettingsInput {
  const rubric = rubricFrom(v);
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
    rubric: s.rubric.map((c) => ({ key: c.key, zh: c.name.zh, en: c.name.en, weight: String(c.weight), scale: String(c.scale) })),
    milestones: s.milestones.map((m) => ({ key: m.key, zh: m.name.zh, en: m.name.en, months: String(m.dueAfterMonths) })),
    // Shown empty when there is none, as the help text says.
    noticeWorkingDays: s.noticeWorkingDays || null,
  };
}
