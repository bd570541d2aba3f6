import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCapabilities } from '../auth/use-capabilities';
import { useHub } from '../hubs/use-hub';
import { useBilingual } from '../i18n/use-bilingual';
import { NoticeBoard } from './notice-board';
import { ObjectionsDesk } from './objections-desk';
import { OpenAwards } from './open-awards';
import { OpenBudget } from './open-budget';

/** A hub's public money, for anyone signed out: the budget, the awards, the notice board. */
export function OpenPage() {
  const { hub: slug = '' } = useParams();
  const { t } = useTranslation();
  const hub = useHub(slug);
  const bilingual = useBilingual();
  const capabilities = useCapabilities(slug);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'budget';
  const name = hub.data ? bilingual(hub.data.name).primary : '';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1}>{t('open.title', { hub: name })}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('open.intro')}</Typography.Paragraph>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'budget', label: t('open.tabBudget'), children: <OpenBudget hub={slug} /> },
          { key: 'awards', label: t('open.tabAwards'), children: <OpenAwards hub={slug} /> },
          {
            key: 'notices',
            label: t('open.tabNotices'),
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                {capabilities.data?.actions.applications.decide && <ObjectionsDesk hub={slug} />}
                <NoticeBoard hub={slug} />
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
