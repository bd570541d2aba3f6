import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApplicationsTable } from './applications.table';
import { useCapabilities } from '../auth/use-capabilities';

/** The signed-in person's applications in this hub (the server returns only their own); staff who read all: the hub's. */
export function MyApplicationsPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const all = useCapabilities(hub).data?.actions.applications.listAll ?? false;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {all ? t('programs.mine.hubTitle') : t('programs.mine.title')}
        </Typography.Title>
        <Link to={`/hubs/${hub}/programs`}>
          <Button>{t('programs.mine.browse')}</Button>
        </Link>
      </Flex>
      <ApplicationsTable hub={hub} />
    </Flex>
  );
}
