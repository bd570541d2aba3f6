import { Button, Card, Flex, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceNode } from '../api/spaces.api';
import { useCapabilities } from '../auth/use-capabilities';
import { useFormatArea } from '../i18n/format-area';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';
import { childKinds, UnitModal, type UnitTarget } from './space-unit.modal';
import { UnitPhotos } from './unit-photos';
import { useSpaceTree } from './use-space-tree';

type Row = SpaceNode & { children?: Row[] };

/** Nodes as a tree for the table: each under its parent, in the order listed. */
function treeOf(nodes: readonly SpaceNode[]): Row[] {
  const rows = new Map<string, Row>(nodes.map((n) => [n.id, { ...n }]));
  const roots: Row[] = [];
  for (const n of nodes) {
    const row = rows.get(n.id)!;
    const parent = n.parentId ? rows.get(n.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else if (!n.parentId) roots.push(row);
  }
  return roots;
}

/** The parks, buildings, floors and units of the hub: open a park, add under a node, edit a node and its photos. */
export function SpaceUnitsCard({ hub, onChanged }: { hub: string; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const area = useFormatArea();
  const tree = useSpaceTree(hub);
  const capabilities = useCapabilities(hub);
  const [target, setTarget] = useState<UnitTarget | null>(null);
  const rows = useMemo(() => treeOf(tree.data?.items ?? []), [tree.data]);
  // Parks and buildings open; floors show their units when opened.
  const open = (tree.data?.items ?? []).filter((n) => n.kind === 'park' || n.kind === 'building').map((n) => n.id);
  const canOpenPark = capabilities.data?.actions.spaces.openPark ?? false;

  return (
    <Card
      title={t('spaces.units.title')}
      loading={tree.isPending}
      extra={canOpenPark && <Button onClick={() => setTarget({ mode: 'park' })}>{t('spaces.units.openPark')}</Button>}
    >
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('spaces.units.empty') }}
        dataSource={rows}
        expandable={{ defaultExpandedRowKeys: open }}
        columns={[
          { title: t('spaces.units.code'), dataIndex: 'code' },
          { title: t('spaces.units.name'), render: (_, n) => bilingual(n.name).primary },
          { title: t('spaces.units.kind'), render: (_, n) => (n.unitKind ? t(`spaces.unitKinds.${n.unitKind}`) : t(`spaces.kinds.${n.kind}`)) },
          { title: t('spaces.lease.area'), render: (_, n) => area(n.areaM2) },
          { title: t('spaces.units.seats'), dataIndex: 'seats' },
          {
            title: t('spaces.free.rent'),
            render: (_, n) =>
              n.listRent && (
                <span>
                  <Money value={n.listRent} />
                  {t('spaces.units.perM2Month')}
                </span>
              ),
          },
          { title: t('spaces.units.photos'), render: (_, n) => <UnitPhotos hub={hub} node={n} size={48} /> },
          {
            title: '',
            render: (_, n) =>
              n.operates && (
                <Flex gap={4}>
                  <Button size="small" onClick={() => setTarget({ mode: 'edit', node: n })} aria-label={`${t('spaces.units.edit')} ${n.code}`}>
                    {t('spaces.units.edit')}
                  </Button>
                  {childKinds[n.kind].length > 0 && (
                    <Button size="small" onClick={() => setTarget({ mode: 'add', parent: n })} aria-label={t('spaces.units.addUnder', { code: n.code })}>
                      {t('spaces.units.add')}
                    </Button>
                  )}
                </Flex>
              ),
          },
        ]}
      />
      {target && (
        <UnitModal
          hub={hub}
          target={target}
          onClose={() => setTarget(null)}
          onDone={async () => {
            await Promise.all([tree.refetch(), onChanged()]);
          }}
        />
      )}
    </Card>
  );
}
