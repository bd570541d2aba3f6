import { Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { OrganizationGraph } from '../../../contracts/ecosystem-insights';
import type { RelationKind } from '../../../contracts/relations';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { PartError } from '../layout/page-states';
import { EChart, type ChartClick } from './echart';
import { useOrganizationGraph } from './use-ecosystem';

type GraphNode = OrganizationGraph['nodes'][number];

const kindColors: Record<string, string> = {
  person: '#8c8c8c',
  startup: '#52c41a',
  company: '#1677ff',
  university: '#722ed1',
  investor: '#faad14',
  compute_provider: '#13c2c2',
  government: '#f5222d',
};
const DRAGON = '#d4380d';

/** The organisation's neighbourhood as a force graph, and the same ties as a list for screen readers. */
export function GraphCard({ hub, organizationId }: { hub: string; organizationId: string }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const navigate = useNavigate();
  const graph = useOrganizationGraph(hub, organizationId);

  const option = useMemo(() => {
    if (!graph.data) return null;
    const data = graph.data.nodes.map((node) => ({
      id: node.id,
      name: bilingual(node.name).primary,
      value: node.type,
      symbolSize: node.id === graph.data.center ? 46 : node.type === 'person' ? 22 : 32,
      symbol: node.type === 'person' ? 'circle' : 'roundRect',
      itemStyle: {
        color: kindColors[node.type === 'person' ? 'person' : (node.kind ?? 'company')],
        borderColor: node.dragon ? DRAGON : '#fff',
        borderWidth: node.dragon ? 4 : 1,
      },
      label: { show: true, position: 'bottom', fontWeight: node.dragon ? 'bold' : 'normal' },
    }));
    const links = graph.data.edges.map((edge) => ({ source: edge.from, target: edge.to, value: t(`relationKind.${edge.kind}`) }));
    return {
      tooltip: { formatter: (params: { dataType: string; name: string; value: string }) => (params.dataType === 'edge' ? params.value : params.name) },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          data,
          links,
          force: { repulsion: 260, edgeLength: [80, 140] },
          edgeSymbol: ['none', 'arrow'],
          edgeLabel: { show: true, formatter: '{c}', fontSize: 10, color: '#8c8c8c' },
          lineStyle: { color: '#bfbfbf', width: 1.5, curveness: 0.1 },
          emphasis: { focus: 'adjacency' },
        },
      ],
    };
  }, [graph.data, bilingual, t]);

  const onClick = (event: ChartClick) => {
    const node = event.data as { id?: string; value?: string } | undefined;
    if (event.dataType === 'node' && node?.id && node.value === 'organization' && node.id !== organizationId) {
      navigate(`/hubs/${hub}/organizations/${node.id}`);
    }
  };

  return (
    <Card title={t('graph.title')}>
      {graph.isError && <PartError error={graph.error} onRetry={() => void graph.refetch()} />}
      {graph.data && graph.data.edges.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('graph.empty')} />}
      {graph.data && option && graph.data.edges.length > 0 && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <EChart option={option} height={380} label={t('graph.chartLabel')} onClick={onClick} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('graph.legend')}
            </Typography.Text>
          </Col>
          <Col xs={24} lg={9}>
            <GraphList hub={hub} graph={graph.data} />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** The same ties as plain lists, grouped by kind of relation. */
function GraphList({ hub, graph }: { hub: string; graph: OrganizationGraph }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const groups = new Map<RelationKind, OrganizationGraph['edges']>();
  for (const edge of graph.edges) groups.set(edge.kind, [...(groups.get(edge.kind) ?? []), edge]);

  const nodeText = (node: GraphNode | undefined) => {
    if (!node) return '?';
    const primary = bilingual(node.name).primary;
    const name = node.dragon ? t('graph.dragonName', { name: primary }) : primary;
    return node.type === 'organization' && node.id !== graph.center ? <Link to={`/hubs/${hub}/organizations/${node.id}`}>{name}</Link> : name;
  };

  return (
    <section aria-label={t('graph.listTitle')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('graph.listTitle')}
      </Typography.Title>
      {[...groups.entries()].map(([kind, edges]) => (
        <div key={kind}>
          <Typography.Text strong>{t(`relationKind.${kind}`)}</Typography.Text>
          <ul style={{ marginTop: 4, paddingInlineStart: 20 }}>
            {edges.map((edge) => (
              <li key={edge.id}>
                {nodeText(nodes.get(edge.from))} → {nodeText(nodes.get(edge.to))}
                {edge.title ? ` · ${edge.title}` : ''}
                {edge.startsOn ? ` · ${t('graph.since', { date: formatDay(edge.startsOn, locale) })}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
