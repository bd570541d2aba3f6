import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeFont } from '../theme/use-code-font';

/** A recorded value as the chain holds it: text as it is, anything else as compact JSON. */
const shown = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/**
 * What an audit event recorded beside its action (its payload: amounts, roles, counts,
 * filters), folded under "Recorded details" so the list stays one line an event. The names
 * are the chain's own, as the exports carry them, so what the auditor reads here matches a
 * downloaded file; nothing is shown for an event that recorded nothing more.
 */
export function AuditDetails({ payload }: { payload: Record<string, unknown> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mono = { ...useCodeFont(), fontSize: 12 };
  const entries = Object.entries(payload);
  if (entries.length === 0) return null;
  return (
    <details>
      <summary style={{ cursor: 'pointer', fontSize: 12 }}>{t('audit.details', { count: entries.length })}</summary>
      <dl style={{ margin: '4px 0 0', display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 12, rowGap: 2 }}>
        {entries.map(([key, value]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt style={{ ...mono, color: token.colorTextSecondary }}>{key}</dt>
            <dd style={{ ...mono, margin: 0, overflowWrap: 'anywhere' }}>{shown(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
