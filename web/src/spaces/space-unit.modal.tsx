import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitKinds, type SpaceNodeKind, type UnitKind } from '../../../contracts/spaces';
import { createSpaceNode, updateSpaceNode, type SpaceNode } from '../api/spaces.api';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { minorToInputText, yuanToFen } from '../money/money-math';
import { MoneyInput } from '../money/money-input';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FeatureSelect } from './feature-select';
import { PhotoPicker } from './photo-picker';

/** What may sit under what (the server checks the same). */
export const childKinds: Record<SpaceNodeKind, readonly SpaceNodeKind[]> = { park: ['building'], building: ['floor', 'unit'], floor: ['unit'], unit: [] };

type Values = {
  kind: SpaceNodeKind;
  unitKind?: UnitKind;
  code: string;
  nameZh: string;
  nameEn: string;
  areaM2?: number;
  seats?: number;
  features: string[];
  listRent?: string;
  photos: string[];
};

/** Opening a park, adding a node under `parent`, or changing `node`. */
export type UnitTarget = { mode: 'park' } | { mode: 'add'; parent: SpaceNode } | { mode: 'edit'; node: SpaceNode };

const fields = ['kind', 'unitKind', 'code', 'name', 'areaM2', 'seats', 'features', 'listRent', 'photos'];
const fieldFor = (path: string) => {
  const [head, sub] = path.split('.');
  if (head === 'name') return [sub === 'en' ? 'nameEn' : 'nameZh'];
  if (head === 'photos') return ['photos'];
  return fields.includes(head ?? '') ? [head!] : null;
};

function initialValues(target: UnitTarget): Partial<Values> {
  if (target.mode === 'park') return { kind: 'park', features: [], photos: [] };
  if (target.mode === 'add') return { kind: childKinds[target.parent.kind][0]!, unitKind: 'office', seats: 0, features: [], photos: [] };
  const n = target.node;
  return {
    kind: n.kind,
    unitKind: n.unitKind ?? undefined,
    code: n.code,
    nameZh: n.name.zh,
    nameEn: n.name.en,
    areaM2: n.kind === 'unit' ? n.areaM2 : undefined,
    seats: n.seats,
    features: n.features,
    listRent: n.listRent ? minorToInputText(n.listRent) : undefined,
    photos: n.photos,
  };
}

/**
 * A park, building, floor or unit on the space desk: code, names, and for units their kind,
 * area, seats, list rent per m² a month and photos. Server field errors go under their field.
 */
export function UnitModal({ hub, target, onClose, onDone }: { hub: string; target: UnitTarget; onClose: () => void; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? initialValues(target).kind;
  const code = Form.useWatch('code', form) ?? '';
  const unit = kind === 'unit';
  const required = { required: true, message: fieldText('REQUIRED') };

  const save = useFormMutation<Values, SpaceNode>({
    form,
    fieldFor,
    mutationFn: (v) => {
      const common = { code: v.code, name: { zh: v.nameZh, en: v.nameEn }, features: v.features ?? [], photos: v.photos ?? [] };
      const unitPart = unit ? { unitKind: v.unitKind!, areaM2: v.areaM2!, seats: v.seats ?? 0, listRent: yuanToFen(v.listRent ?? '') ?? '' } : {};
      if (target.mode === 'edit') return updateSpaceNode(hub, target.node.id, { ...common, ...unitPart });
      // A park's kind has no field (nothing to choose), so the form's values lack it.
      return createSpaceNode(hub, {
        ...common,
        ...unitPart,
        kind: target.mode === 'park' ? 'park' : v.kind,
        parentId: target.mode === 'add' ? target.parent.id : null,
      });
    },
    onSuccess: async (node) => {
      message.success(t(target.mode === 'edit' ? 'spaces.units.saved' : 'spaces.units.created', { code: node.code }));
      await onDone();
      onClose();
    },
  });

  const title =
    target.mode === 'edit'
      ? t('spaces.units.editTitle', { code: target.node.code })
      : target.mode === 'add'
        ? t('spaces.units.newTitle', { code: target.parent.code })
        : t('spaces.units.openPark');
  return (
    <FormModal title={title} onClose={onClose} form={form} mutation={save} initialValues={initialValues(target)} okText={t('spaces.desk.submit')}>
      <Row gutter={12}>
        {target.mode === 'add' && (
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('spaces.units.kind')} rules={[required]}>
              <Select options={childKinds[target.parent.kind].map((k) => ({ value: k, label: t(`spaces.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
        )}
        {unit && (
          <Col xs={24} sm={12}>
            <Form.Item name="unitKind" label={t('spaces.units.unitKind')} rules={[required]}>
              <Select options={unitKinds.map((k) => ({ value: k, label: t(`spaces.unitKinds.${k}`) }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            name="code"
            label={t('spaces.units.code')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[required, { pattern: /^[A-Z0-9][A-Z0-9-]{0,23}$/, message: t('spaces.units.codeHint') }]}
          >
            <Input maxLength={24} placeholder={t('spaces.units.codeExample')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameZh" label={t('spaces.units.nameZh')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameEn" label={t('spaces.units.nameEn')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={160} />
          </Form.Item>
        </Col>
        {unit && (
          <>
            <Col xs={12}>
              <Form.Item name="areaM2" label={t('spaces.units.area')} rules={[required]}>
                <InputNumber min={0.01} max={1_000_000} step={1} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="seats" label={t('spaces.units.seats')}>
                <InputNumber min={0} max={10_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="listRent" label={t('spaces.units.listRent')} rules={[required]}>
                <MoneyInput />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24}>
          <Form.Item name="features" label={t('spaces.units.features')}>
            <FeatureSelect />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="photos" label={t('spaces.units.photos')}>
            <PhotoPicker hub={hub} code={code} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
