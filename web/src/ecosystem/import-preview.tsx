import { Alert, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldErrorMessages } from '../../../contracts/error-messages';
import type { ExchangeTable } from '../../../contracts/ecosystem-exchange';
import type { ImportError, ImportResult } from '../api/ecosystem-transfer.api';
import { useFieldErrorText } from '../errors/use-field-error-text';

/** A dry run's answer: what would be written, table by table, or each bad row with its reason. */
export function ImportPreview({ result, partial }: { result: ImportResult; partial: boolean }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const counts = Object.entries(result.written) as [ExchangeTable, number][];
  return (
    <Card title={t('import.previewTitle')}>
      <Flex vertical gap={16}>
        <Alert
          type={result.errors.length === 0 ? 'success' : partial ? 'warning' : 'error'}
          showIcon
          title={result.errors.length === 0 ? t('import.clean') : t('import.hasErrors', { count: result.errors.length, rejected: result.rejected })}
        />
        <Descriptions title={t('import.toWrite')} size="small" bordered column={{ xs: 1, md: 3 }}>
          {counts.map(([table, count]) => (
            <Descriptions.Item key={table} label={t(`import.tables.${table}`)}>
              {count}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {result.errors.length > 0 && (
          <Table<ImportError>
            rowKey={(row) => `${row.sheet}:${row.line}:${row.field}:${row.code}`}
            size="small"
            dataSource={result.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('import.sheet'), dataIndex: 'sheet', width: 140 },
              { title: t('import.line'), dataIndex: 'line', width: 80, align: 'right' },
              { title: t('import.field'), dataIndex: 'field', width: 180, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
              {
                title: t('import.message'),
                key: 'message',
                render: (_, row) => (Object.hasOwn(fieldErrorMessages, row.code) ? fieldText(row.code) : row.message),
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
