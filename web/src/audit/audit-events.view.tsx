import { Button, Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../api/audit.api';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { ShortRef } from '../layout/short-ref';
import { useAuditWords } from './action-words';
import { AuditDetails } from './audit-details';

type Props = {
  hub: string;
  events: AuditEvent[];
  loading: boolean;
  /** Shows only what this account did. */
  onActor: (actor: { id: string; name: string }) => void;
};

/** Pages that show a subject by its id. */
const PAGES: Record<string, string> = { organization: 'organizations', application: 'applications', program: 'programs' };

/**
 * The audit events as people read them: when (in the reader's time), who (by name; a click
 * shows only theirs), what (in words, the code beside it in grey for searching, and what it
 * recorded folded beneath), on what.
 * A table on a wide screen (scrolling inside itself), a card per event on a phone.
 */
export function AuditEventsView({ hub, events, loading, onActor }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const words = useAuditWords();
  const screens = Grid.useBreakpoint();

  const actor = (event: AuditEvent) => {
    if (!event.actor) return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
    const name = event.actor.name ?? t('audit.unknownPerson');
    const id = event.actor.id;
    return (
      <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onActor({ id, name })}>
        {name}
      </Button>
    );
  };
  const action = (event: AuditEvent) => (
    <Flex vertical>
      <Typography.Text>{words.action(event.action)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
        {event.action}
      </Typography.Text>
      <AuditDetails payload={event.payload} />
    </Flex>
  );
  const subject = (event: AuditEvent) => {
    const page = PAGES[event.subjectType];
    const ref = <ShortRef title={event.subjectId}>{event.subjectId.length > 12 ? `…${event.subjectId.slice(-8)}` : event.subjectId}</ShortRef>;
    return (
      <span>
        {words.subject(event.subjectType)} {page ? <Link to={`/hubs/${hub}/${page}/${event.subjectId}`}>{ref}</Link> : ref}
      </span>
    );
  };
  const when = (event: AuditEvent) => formatMoment(event.occurredAt, locale);

  if (screens.md === false) {
    if (loading) return <Card loading />;
    if (events.length === 0) return <Empty description={t('audit.empty')} />;
    return (
      <Flex vertical gap={12} role="list" aria-label={t('audit.events')}>
        {events.map((event) => (
          <Card key={event.seq} size="small" role="listitem">
            <Flex justify="space-between" gap={8} wrap>
              {action(event)}
              <Typography.Text type="secondary">{t('audit.seq', { seq: event.seq })}</Typography.Text>
            </Flex>
            <Flex justify="space-between" gap={8} wrap style={{ marginTop: 4 }}>
              {actor(event)}
              <Typography.Text type="secondary">{when(event)}</Typography.Text>
            </Flex>
            <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>{subject(event)}</div>
          </Card>
        ))}
      </Flex>
    );
  }

  return (
    <Table<AuditEvent>
      rowKey="seq"
      size="small"
      scroll={{ x: 'max-content' }}
      loading={loading}
      dataSource={events}
      pagination={false}
      locale={{ emptyText: t('audit.empty') }}
      columns={[
        { title: t('audit.columns.seq'), dataIndex: 'seq', width: 80 },
        { title: t('audit.columns.when'), render: (_, event) => <span style={{ whiteSpace: 'nowrap' }}>{when(event)}</span> },
        { title: t('audit.columns.actor'), render: (_, event) => actor(event) },
        { title: t('audit.columns.action'), render: (_, event) => action(event) },
        { title: t('audit.columns.subject'), render: (_, event) => subject(event) },
      ]}
    />
  );
}
