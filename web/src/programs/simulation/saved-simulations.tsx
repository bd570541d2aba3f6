import { useQuery } from '@tanstack/react-query';
import { Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSavedSimulations, type SavedSimulation } from '../../api/simulation.api';
import { useLocale } from '../../i18n/locale-context';
import { PartError } from '../../layout/page-states';
import { Money } from '../../money/money';
import { formatMoment } from '../../i18n/format-date';

export const savedSimulationsKey = (hub: string, id: string) => ['hubs', hub, 'programs', id, 'simulations'] as const;

/** The runs officers kept for this program, each with the version it was run for, who ran it and when. */
export function SavedSimulations({ hub, id }: { hub: string; id: string }) {
  const { t } = useTranslation();
  const saved = useQuery({ queryKey: savedSimulationsKey(hub, id), queryFn: () => listSavedSimulations(hub, id) });
  return (
    <section aria-label={t('programs.simulation.saved.title')}>
      <Typography.Title level={5}>{t('programs.simulation.saved.title')}</Typography.Title>
      {saved.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : saved.isError ? (
        <PartError error={saved.error} onRetry={() => void saved.refetch()} />
      ) : saved.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('programs.simulation.saved.none')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {saved.data.items.map((run) => (
            <SavedRun key={run.id} run={run} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedRun({ run }: { run: SavedSimulation }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <li style={{ padding: '8px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{t('programs.simulation.saved.version', { version: run.version })}</Typography.Text>
        {!run.sameRules && <Tag>{t('programs.simulation.saved.edited')}</Tag>}
        <Typography.Text type="secondary">{t('programs.simulation.saved.by', { name: run.runBy, when: formatMoment(run.runAt, locale) })}</Typography.Text>
      </Flex>
      <Typography.Text>
        {t('programs.simulation.saved.figures', { percent: run.takeUpBasisPoints / 100, qualify: run.result.draft.qualify })}{' '}
        <Money value={run.result.expectedCost} />
      </Typography.Text>
    </li>
  );
}
