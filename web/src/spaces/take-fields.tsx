import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SpaceNode } from '../api/spaces.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodRule } from '../forms/zod-rule';
import { useFormatArea } from '../i18n/format-area';
import { useBilingual } from '../i18n/use-bilingual';
import { nodeLabel, OrganizationSelect } from './desk-modal';
import { DayRangePicker } from '../forms/day-range-picker';

/**
 * What every taking of space names, in a desk dialog: the organisation, the units (any node
 * the hub operates, up to whole buildings) and the dates. Holds and leases share these fields
 * and the contract's rules for them.
 */
export function TakeFields({ hub, nodes, rules }: { hub: string; nodes: SpaceNode[]; rules: { organizationId: z.ZodType; nodeIds: z.ZodType } }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const area = useFormatArea();
  const fieldText = useFieldErrorText();
  return (
    <>
      <Form.Item name="organizationId" label={t('spaces.desk.organization')} rules={[zodRule(rules.organizationId, fieldText)]} required>
        <OrganizationSelect hub={hub} />
      </Form.Item>
      <Form.Item name="nodeIds" label={t('spaces.desk.units')} rules={[zodRule(rules.nodeIds, fieldText)]} required>
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={nodes
            .filter((n) => n.operates && n.kind !== 'park')
            .map((n) => ({ value: n.id, label: nodeLabel(n, t(`spaces.kinds.${n.kind}`), bilingual(n.name).primary, area(n.areaM2)) }))}
        />
      </Form.Item>
      <TakeRange />
    </>
  );
}

/** The first and last day of a taking of space, as one `range` field. */
export function TakeRange() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  return (
    <Form.Item name="range" label={`${t('spaces.desk.startsOn')} – ${t('spaces.desk.endsOn')}`} rules={[{ required: true, message: fieldText('REQUIRED') }]}>
      <DayRangePicker label={`${t('spaces.desk.startsOn')} – ${t('spaces.desk.endsOn')}`} endLabel={t('spaces.desk.endsOn')} style={{ width: '100%' }} />
    </Form.Item>
  );
}
