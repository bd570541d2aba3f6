import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { loadAuditWords } from './audit-words';
import { auditExportHref, listAuditEvents, type AuditEventFilters } from '../api/audit.api';
import { DayRangePicker } from '../forms/day-range-picker';
import { LoadMore } from '../layout/load-more';
import { PageError } from '../layout/page-states';
import { useCursorList } from '../layout/use-cursor-list';
import { useAuditWords } from './action-words';
import { AuditEventsView } from './audit-events.view';
import { AuditVerify } from './audit-verify';

type Range = [Dayjs | null, Dayjs | null] | null;

/** The days chosen as instants where the reader is: from the first day's start to the day after the last. */
function instants(range: Range): { from?: string; to?: string } {
  const [first, last] = range ?? [null, null];
  return { from: first?.startOf('day').toISOString(), to: last?.startOf('day').add(1, 'day').toISOString() };
}

/**
 * The hub's audit log for its auditor (/hubs/:hub/audit): newest first, filtered by days,
 * action (or every action of an area) and the person who acted; "Load more" for older
 * events; the chain verified on request; the chosen range exported as CSV or JSON lines.
 */
export function AuditLogPage() {
  loadAuditWords();
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const words = useAuditWords();
  const [range, setRange] = useState<Range>(null);
  const [action, setAction] = useState<string>('');
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const period = instants(range);
  const filters: AuditEventFilters = { ...period, action: action || undefined, actor: actor?.id };
  const events = useCursorList(['hubs', hub, 'audit', 'events', filters], (next) => listAuditEvents(hub, filters, next));

  const options = [
    { value: '', label: t('audit.filters.anyAction') },
    ...words.known().map(([area, actions]) => ({
      label: words.area(area),
      title: words.area(area),
      options: [{ value: `${area}.`, label: t('audit.filters.allOfArea', { area: words.area(area) }) }, ...actions.map(([value, label]) => ({ value, label }))],
    })),
  ];

  if (events.isError && events.items.length === 0) return <PageError error={events.error} onRetry={() => void events.refetch()} />;

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {t('audit.title')}
        </Typography.Title>
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 16 } }}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('audit.intro')}
      </Typography.Paragraph>
      <Flex gap={12} wrap role="search" aria-label={t('audit.filters.label')}>
        <DayRangePicker
          label={t('audit.filters.range')}
          endLabel={t('audit.filters.rangeEnd')}
          value={range}
          onChange={(value) => setRange(value)}
          style={{ maxWidth: '100%' }}
        />
        <Select<string>
          aria-label={t('audit.filters.action')}
          value={action}
          onChange={setAction}
          options={options}
          style={{ minWidth: 240, maxWidth: '100%', flex: '0 1 320px' }}
          popupMatchSelectWidth={false}
          showSearch={{
            filterOption: (input, option) => {
              const needle = input.trim().toLowerCase();
              const { label, value } = option as { label?: unknown; value?: unknown };
              return (
                String(label ?? '')
                  .toLowerCase()
                  .includes(needle) || String(value ?? '').includes(needle)
              );
            },
          }}
          optionRender={(option) => (
            <Flex vertical>
              <span>{option.label}</span>
              {option.value ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {option.value}
                </Typography.Text>
              ) : null}
            </Flex>
          )}
        />
        {actor && (
          <Tag closable onClose={() => setActor(null)} closeIcon={<span aria-label={t('audit.filters.clearActor')}>×</span>} style={{ alignSelf: 'center' }}>
            {t('audit.filters.onlyActor', { name: actor.name })}
          </Tag>
        )}
      </Flex>
      <Flex gap={12} wrap align="start" justify="space-between">
        <AuditVerify hub={hub} />
        <Flex gap={8} wrap align="center" role="group" aria-label={t('audit.download.label')}>
          <Button icon={<DownloadOutlined />} href={auditExportHref(hub, 'csv', period)} download>
            {t('audit.download.csv')}
          </Button>
          <Button icon={<DownloadOutlined />} href={auditExportHref(hub, 'jsonl', period)} download>
            {t('audit.download.jsonl')}
          </Button>
        </Flex>
      </Flex>
      <AuditEventsView hub={hub} events={events.items} loading={events.isPending || (events.isFetching && !events.isFetchingNextPage)} onActor={setActor} />
      <LoadMore list={events} />
    </Card>
  );
}
