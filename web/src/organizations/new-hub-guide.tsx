import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const STEPS = [
  { key: 'staff', path: 'staff' },
  { key: 'budget', path: 'budget' },
  { key: 'program', path: 'programs/new' },
  { key: 'settings', path: 'settings' },
  { key: 'organisations', path: 'import' },
] as const;

/**
 * Where a new hub's admin starts, shown on the first page they land on while the hub has no
 * organisations yet: staff, the budget, a first program, the hub's calendar, then the
 * organisations, each a link to its page (Staff and Settings sit in the menu's overflow).
 */
export function NewHubGuide({ hub }: { hub: string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
          {t('org.newHub.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph style={{ marginTop: 0 }}>{t('org.newHub.intro')}</Typography.Paragraph>
      <ol style={{ margin: 0, paddingInlineStart: 20, display: 'flex', flexDirection: 'column', gap: 4 }}>
        {STEPS.map((step) => (
          <li key={step.key}>
            <Link to={`/hubs/${hub}/${step.path}`}>{t(`org.newHub.steps.${step.key}.link`)}</Link>
            <Typography.Text type="secondary">{` — ${t(`org.newHub.steps.${step.key}.what`)}`}</Typography.Text>
          </li>
        ))}
      </ol>
    </Card>
  );
}
