import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem, ListItemMeta } from '../layout/item-list';
import { listPublicAwards } from '../api/open-data.api';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { PageLoading, PartError } from '../layout/page-states';
import { useCursorList } from '../layout/use-cursor-list';
import { Money } from '../money/money';

/** The hub's awards to organisations, newest first (cards: readable on a phone). */
export function OpenAwards({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const list = useCursorList(['public-awards', hub], (next) => listPublicAwards(hub, next));
  const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <PartError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ItemList
        items={list.items}
        empty={t('open.noAwards')}
        renderItem={(a) => (
          <ListItem>
            <ListItemMeta
              title={
                <Space wrap>
                  <span>{name(a.recipient.name)}</span>
                  <Money value={a.amount} strong />
                </Space>
              }
              description={
                <Space wrap size="middle">
                  <span>{name(a.program.name)}</span>
                  <span>{formatDay(a.awardedOn, locale)}</span>
                  <Typography.Text type="secondary">{a.number}</Typography.Text>
                  <Tag>{t(`open.statusValue.${a.status}`)}</Tag>
                </Space>
              }
            />
          </ListItem>
        )}
      />
      <LoadMore list={list} />
    </Space>
  );
}
