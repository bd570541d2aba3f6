import { formatDay } from '../../../contracts/format-day.js';
import type { StayDegreeLevel } from '../../../contracts/stays.js';

/** What a stay's eligibility rules ask of a graduate. */
export type GraduateRules = { minDegree: StayDegreeLevel; graduatedWithinMonths: number };
export type DegreeFact = { level: StayDegreeLevel; graduatesOn: string; university: string };
export type Reason = { key: 'person' | 'degree' | 'graduation'; ok: boolean; zh: string; en: string };
export type GraduateStanding = { eligible: boolean; degree: DegreeFact | null; reasons: Reason[] };

const LEVELS: readonly StayDegreeLevel[] = ['junior_college', 'bachelor', 'master', 'doctorate'];
const LEVEL_NAMES: Record<StayDegreeLevel, { zh: string; en: string }> = {
  junior_college: { zh: '大专', en: 'junior college' },
  bachelor: { zh: '本科', en: "bachelor's" },
  master: { zh: '硕士', en: "master's" },
  doctorate: { zh: '博士', en: 'doctorate' },
};
/** A day as the pages write it: "2025年6月30日" / "Jun 30, 2025" (the one formatDay of the web and the server). */
const day = (isoDate: string, lang: 'zh' | 'en') => formatDay(isoDate, lang === 'zh' ? 'zh-CN' : 'en-US');
/** A student graduating within this many months counts as being in their final year. */
const FINAL_YEAR_MONTHS = 12;

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

/**
 * Hangzhou's youth-station rule: a degree of at least `minDegree`, and graduated within
 * `graduatedWithinMonths` before `onDate` (the first night) or graduating within the
 * coming year (final-year students). The degree that qualifies best is the one judged;
 * every reason is given so the applicant sees why.
 */
export function judgeGraduate(hasPerson: boolean, degrees: readonly DegreeFact[], rules: GraduateRules, onDate: string): GraduateStanding {
  if (!hasPerson) {
    return {
      eligible: false,
      degree: null,
      reasons: [
        { key: 'person', ok: false, zh: '尚未完成毕业生认证（实名与学历）。', en: 'You have not verified yourself as a graduate yet (name and degree).' },
      ],
    };
  }
  const minRank = LEVELS.indexOf(rules.minDegree);
  const inWindow = (d: DegreeFact) => d.graduatesOn <= addMonths(onDate, FINAL_YEAR_MONTHS) && addMonths(d.graduatesOn, rules.graduatedWithinMonths) >= onDate;
  const qualifying = degrees.filter((d) => LEVELS.indexOf(d.level) >= minRank);
  const best = qualifying.find(inWindow) ?? qualifying[0] ?? [...degrees].sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level))[0] ?? null;
  const min = LEVEL_NAMES[rules.minDegree];
  const degreeOk = best !== null && LEVELS.indexOf(best.level) >= minRank;
  const reasons: Reason[] = [
    degreeOk
      ? {
          key: 'degree',
          ok: true,
          zh: `${LEVEL_NAMES[best!.level].zh}学历，满足${min.zh}及以上的要求。`,
          en: `A ${LEVEL_NAMES[best!.level].en} degree meets the rule (${min.en} or higher).`,
        }
      : { key: 'degree', ok: false, zh: `需要${min.zh}及以上学历。`, en: `A degree of ${min.en} level or higher is required.` },
  ];
  if (best) {
    const ok = degreeOk && inWindow(best);
    const years = rules.graduatedWithinMonths / 12;
    const on = { zh: day(best.graduatesOn, 'zh'), en: day(best.graduatesOn, 'en') };
    reasons.push(
      ok
        ? {
            key: 'graduation',
            ok,
            zh: `毕业日期 ${on.zh}：在毕业 ${years} 年内或毕业学年。`,
            en: `Graduation on ${on.en}: within ${years} years of graduating, or in the final year.`,
          }
        : {
            key: 'graduation',
            ok,
            zh: `毕业日期 ${on.zh}：须在入住时毕业 ${years} 年内或处于毕业学年。`,
            en: `Graduation on ${on.en}: you must be within ${years} years of graduating, or in your final year, when the stay starts.`,
          },
    );
  }
  return { eligible: reasons.every((r) => r.ok), degree: best, reasons };
}
