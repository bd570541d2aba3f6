import { Checkbox, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { leaseInputSchema } from '../../../contracts/spaces';
import type { SpaceHold } from '../api/spaces.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodRule } from '../forms/zod-rule';
import { useFormatArea } from '../i18n/format-area';
import { useBilingual } from '../i18n/use-bilingual';
import { nodeLabel } from './desk-modal';

/** Some or all of a hold's units (or buildings, floors), ticked by name: the `nodeIds` field. */
export function HoldNodesField({ hold, label }: { hold: SpaceHold; label: string }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const area = useFormatArea();
  const fieldText = useFieldErrorText();
  return (
    <Form.Item name="nodeIds" label={label} rules={[zodRule(leaseInputSchema.shape.nodeIds, fieldText)]} required>
      <Checkbox.Group style={{ width: '100%' }}>
        <Flex vertical gap={4}>
          {hold.nodes.map((n) => (
            <Checkbox key={n.id} value={n.id}>
              {nodeLabel(n, t(`spaces.kinds.${n.kind}`), bilingual(n.name).primary, area(n.areaM2))}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Form.Item>
  );
}

/** A hold's modal starts with all its nodes ticked: untick what stays. */
export const allNodesOf = (hold: SpaceHold) => hold.nodes.map((n) => n.id);
