import type { Locale } from '../../../contracts/error-messages';
import type { FormField } from '../../../contracts/programs';

type Name = { zh: string; en: string };

/**
 * A program's own words that sentences about it name: its form's fields and their options,
 * and the reports (milestones) a tranche may wait for. A program from the API has both.
 */
export type ProgramWords = { form: readonly FormField[]; milestones: readonly { key: string; name: Name }[] };
export const noProgramWords: ProgramWords = { form: [], milestones: [] };

/** The program's names in the page's language; a key it does not name (an older version's) is shown as it is. */
export function programNames(words: ProgramWords, locale: Locale) {
  const pick = (name: Name) => (locale === 'zh-CN' ? name.zh : name.en);
  const fieldOf = (key: string) => words.form.find((f) => f.key === key);
  return {
    pick,
    field: (key: string) => {
      const field = fieldOf(key);
      return field ? pick(field.label) : key;
    },
    /** The options of a choice field (none for another field or a key the form lacks). */
    options: (key: string) => {
      const field = fieldOf(key);
      return field?.type === 'choice' ? field.options : [];
    },
    option: (key: string, value: string) => {
      const field = fieldOf(key);
      const option = field?.type === 'choice' ? field.options.find((o) => o.value === value) : undefined;
      return option ? pick(option.label) : value;
    },
    milestone: (key: string) => {
      const milestone = words.milestones.find((m) => m.key === key);
      return milestone ? pick(milestone.name) : key;
    },
  };
}
