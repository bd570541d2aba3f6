import { Select, Spin } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useBilingual } from '../i18n/use-bilingual';
import { useHubSearch } from './use-ecosystem';

type Props = {
  type: 'person' | 'organization';
  value?: string;
  onChange?: (value: string) => void;
  /** Options shown before anything is typed (e.g. the organisation being viewed). */
  initial?: { value: string; label: string }[];
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
};

/** A searchable select of the hub's people or organisations, backed by the search endpoint. */
export function EntitySelect({ type, value, onChange, initial = [], placeholder, id, ...rest }: Props) {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const results = useHubSearch(hub, { q: deferred, limit: 20 });
  const found = type === 'person' ? (results.data?.people ?? []) : (results.data?.organizations ?? []);
  const options = found.map((entity) => {
    const name = bilingual(entity.name);
    return { value: entity.id, label: t('punct.withNote', { text: name.primary, note: name.secondary }) };
  });
  const merged = [...initial.filter((option) => !options.some((o) => o.value === option.value)), ...options];

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={merged}
      placeholder={placeholder}
      notFoundContent={results.isFetching ? <Spin size="small" /> : null}
      allowClear
    />
  );
}
