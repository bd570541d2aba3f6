import { errorSentence, fieldErrorMessages, matchLocale, type Locale } from '../../contracts/error-messages.js';
import { AppError } from '../platform/errors.js';

/** The operator's language from the shell (LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 reads Chinese), else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return matchLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en-US';
}

/** How a command names a field it was given (a flag for `name.zh`) and what that field takes. */
export type FieldNames = Record<string, { flag: string; takes?: Record<Locale, string> }>;

/**
 * What a CLI command does when a service refuses: say so in the operator's language, a line
 * for the refusal and one per field at fault (by the command's flag where it has one, with
 * what the field takes), the stable codes in brackets for scripts, and exit 1. Anything else
 * is a bug and propagates.
 */
export function refusal(error: unknown, names: FieldNames = {}, locale: Locale = cliLocale()): number {
  if (!(error instanceof AppError)) throw error;
  const refused = locale === 'zh-CN' ? '未执行：' : 'Refused: ';
  const lines = [`${refused}${errorSentence(error.code, locale)} [${error.code}]`];
  for (const field of error.fields) {
    const named = names[field.path];
    const takes = named?.takes ? ` ${named.takes[locale]}${locale === 'zh-CN' ? '。' : '.'}` : '';
    lines.push(`  ${named?.flag ?? field.path}: ${fieldErrorMessages[field.code][locale]}${takes} [${field.code}${field.detail ? `: ${field.detail}` : ''}]`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 1;
}
