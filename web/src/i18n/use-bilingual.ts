import type { BilingualName } from '../../../contracts/common';
import { useLocale } from './locale-context';

/** Picks the name in the current language; the other one is the secondary line. */
export function useBilingual(): (name: BilingualName) => { primary: string; secondary: string } {
  const { locale } = useLocale();
  return (name) => (locale === 'zh-CN' ? { primary: name.zh, secondary: name.en } : { primary: name.en, secondary: name.zh });
}
