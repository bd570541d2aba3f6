import { AutoComplete } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { usePrograms } from './use-programs';

/**
 * A program's stacking group: one the hub's programs already share, offered with the
 * programs in it, or a new one typed. Programs stack only when their group is written alike,
 * so picking it beats retyping it.
 */
export function StackingGroupInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const { hub = '' } = useParams();
  const programs = usePrograms(hub, hub !== '');
  const groups = new Map<string, string[]>();
  for (const p of programs.data?.items ?? []) {
    const group = p.benefit.stacking?.group;
    if (group) groups.set(group, [...(groups.get(group) ?? []), bilingual(p.name).primary]);
  }
  const options = [...groups].map(([group, names]) => ({
    value: group,
    label: t('programs.editor.stackingGroupOption', { group, programs: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) }),
  }));
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input.trim()) }}
    />
  );
}
