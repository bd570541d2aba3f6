import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { listPublicNotices } from '../api/open-data.api';
import { formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { PageLoading, PartError } from '../layout/page-states';
import { useCursorList } from '../layout/use-cursor-list';
import { Money } from '../money/money';
import { ObjectionModal } from './objection.modal';

/** The hub's notice board (公示): awards before payment, with a way to object while the period runs. */
export function NoticeBoard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [objecting, setObjecting] = useState<string | null>(null);
  const list = useCursorList(['public-notices', hub], (next) => listPublicNotices(hub, next));
  const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <PartError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ItemList
        items={list.items}
        empty={t('open.noNotices')}
        renderItem={(n) => (
          <ListItem>
            <Card size="small" style={{ width: '100%' }} aria-label={n.number}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{n.recipient ? name(n.recipient.name) : t('open.individual')}</Typography.Text>
                  <Money value={n.amount} strong />
                  <Tag color={n.open ? 'orange' : 'default'}>{n.open ? t('open.periodOpen') : t('open.periodEnded')}</Tag>
                </Space>
                <Typography.Text>
                  {name(n.program.name)} · {n.number}
                </Typography.Text>
                <Typography.Text>
                  {t('punct.labelled', { label: t('open.reason') })}
                  {n.reason || t('open.byRules')}
                </Typography.Text>
                <Typography.Text type="secondary">{t('open.period', { range: formatDayRange(n.startsOn, n.endsOn, locale) })}</Typography.Text>
                {n.dismissals.map((d) => (
                  <Typography.Text key={d.at} type="secondary">
                    {t('open.dismissed', { reason: d.reason })}
                  </Typography.Text>
                ))}
                {n.open && <Button onClick={() => setObjecting(n.number)}>{t('open.object')}</Button>}
              </Space>
            </Card>
          </ListItem>
        )}
      />
      <LoadMore list={list} />
      {objecting && <ObjectionModal hub={hub} number={objecting} onClose={() => setObjecting(null)} />}
    </Space>
  );
}
