import type { ShownAccount } from './shown-account';
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Progress, Row, Space, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope } from '../../../contracts/budget';
import { EChart } from '../ecosystem/echart';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { burnDownOption } from './budget-charts';
import { CloseYearModal } from './close-year.modal';
import { LineFormModal } from './line-form.modal';
import { LineTransferModal } from './line-transfer.modal';
import { formatMoney } from '../money/format-money';
import { moneyForChart } from '../money/money-math';
import { basisPointsText } from './percent';
import { Money } from '../money/money';

type Line = Envelope['lines'][number];

/** The year at a glance: headline figures, the burn-down per line, the lines, and the actions. */
export function EnvelopeOverview({
  hub,
  envelope,
  canWrite,
  onShowAccount,
}: {
  hub: string;
  envelope: Envelope;
  canWrite: boolean;
  onShowAccount: (account: ShownAccount) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const [dialog, setDialog] = useState<'line' | 'move' | 'close' | null>(null);
  const money = (fen: string) => formatMoney(fen, locale);
  const open = envelope.status === 'open';

  const chart = useMemo(
    () =>
      burnDownOption(
        envelope,
        (line) => bilingual(line.name).primary,
        { disbursed: t('budget.disbursed'), committed: t('budget.committed'), free: t('budget.free') },
        locale,
      ),
    [envelope, bilingual, t, locale],
  );

  const columns: TableColumnsType<Line> = [
    {
      title: t('budget.line'),
      key: 'name',
      render: (_, line) => (
        <div>
          <Typography.Link onClick={() => onShowAccount({ id: line.id, name: line.name })}>{bilingual(line.name).primary}</Typography.Link>
          <div>
            <Typography.Text type="secondary" code>
              {line.code}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('budget.funded'), dataIndex: 'creditsPosted', align: 'right', render: (fen: string) => <Money value={fen} /> },
    { title: t('budget.disbursed'), dataIndex: 'disbursed', align: 'right', render: (fen: string) => <Money value={fen} /> },
    { title: t('budget.committed'), dataIndex: 'committed', align: 'right', render: (fen: string) => <Money value={fen} /> },
    { title: t('budget.free'), dataIndex: 'free', align: 'right', render: (fen: string) => <Money value={fen} strong /> },
    {
      title: t('budget.used'),
      key: 'used',
      width: 160,
      render: (_, line) => {
        const funded = moneyForChart(line.creditsPosted);
        const used = funded > 0 ? Math.round(((funded - moneyForChart(line.free)) / funded) * 100) : 0;
        return <Progress percent={used} size="small" aria-label={t('budget.usedOf', { name: bilingual(line.name).primary })} />;
      },
    },
  ];

  const unallocatedShare =
    moneyForChart(envelope.envelope) > 0 ? Math.round((moneyForChart(envelope.unallocated) / moneyForChart(envelope.envelope)) * 100) : 0;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic title={t('budget.revenue')} value={money(envelope.revenue)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic title={t('budget.techShare')} value={basisPointsText(envelope.techShareBasisPoints)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic title={t('budget.envelope')} value={money(envelope.envelope)} />
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic title={t('budget.unallocated')} value={money(envelope.unallocated)} />
            <Typography.Text type="secondary">{t('budget.unallocatedShare', { percent: unallocatedShare })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('budget.lines')}
          </Typography.Title>
          {/* The year's status, in words of what it allows; the tooltip says it in full. */}
          <Tooltip title={t(`budget.yearTagHint.${envelope.status}`, { year: envelope.year })}>
            <Tag color={open ? 'green' : 'default'}>{t(`budget.yearTag.${envelope.status}`)}</Tag>
          </Tooltip>
        </Space>
        {canWrite && open && (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('line')}>
              {t('budget.newLine')}
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => setDialog('move')} disabled={envelope.lines.length < 2}>
              {t('budget.move')}
            </Button>
            <Button danger onClick={() => setDialog('close')}>
              {t('budget.closeYear')}
            </Button>
          </Space>
        )}
      </Flex>
      {envelope.lines.length === 0 ? (
        <Card>
          <Empty description={canWrite && open ? t('budget.noLinesAction') : t('budget.noLines')} />
        </Card>
      ) : (
        <>
          <Card size="small" title={t('budget.burnDown')}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('budget.burnDownHint')}
            </Typography.Paragraph>
            <EChart option={chart} height={Math.max(160, 56 * envelope.lines.length + 60)} label={t('budget.burnDown')} />
          </Card>
          <Table<Line> rowKey="id" columns={columns} dataSource={envelope.lines} pagination={false} size="middle" />
        </>
      )}
      {canWrite && open && (
        <>
          <LineFormModal hub={hub} year={envelope.year} open={dialog === 'line'} onClose={() => setDialog(null)} />
          <LineTransferModal hub={hub} envelope={envelope} open={dialog === 'move'} onClose={() => setDialog(null)} />
          <CloseYearModal hub={hub} year={envelope.year} open={dialog === 'close'} onClose={() => setDialog(null)} />
        </>
      )}
    </Flex>
  );
}
