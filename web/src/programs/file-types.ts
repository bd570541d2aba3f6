import type { Locale } from '../../../contracts/error-messages';

const named: Record<string, Record<Locale, string>> = {
  'image/*': { 'zh-CN': '图片', 'en-US': 'images' },
  'application/pdf': { 'zh-CN': 'PDF', 'en-US': 'PDF' },
  'application/msword': { 'zh-CN': 'Word', 'en-US': 'Word' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { 'zh-CN': 'Word', 'en-US': 'Word' },
  'application/vnd.ms-excel': { 'zh-CN': 'Excel', 'en-US': 'Excel' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { 'zh-CN': 'Excel', 'en-US': 'Excel' },
  'text/csv': { 'zh-CN': 'CSV', 'en-US': 'CSV' },
  'text/plain': { 'zh-CN': '文本', 'en-US': 'text' },
};

/** The kinds of file a field accepts, as people name them ("PDF、图片", "PDF or images"), never MIME types. */
export function fileTypesText(accept: readonly string[], locale: Locale): string {
  const words = [
    ...new Set(
      accept.map(
        (type) => named[type]?.[locale] ?? (type.endsWith('/*') ? type.slice(0, -2) : (type.split('/')[1] ?? type).split(/[.+]/).pop()!).toUpperCase(),
      ),
    ),
  ];
  if (locale === 'zh-CN') return words.join('、');
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}
