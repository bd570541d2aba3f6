import { Form, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { leaseInputSchema } from '../../../contracts/spaces';
import type { SpaceNode } from '../api/spaces.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodRule } from '../forms/zod-rule';
import { Money } from '../money/money';
import { useRentPrograms } from './desk-modal';

/** What a lease adds to the space and the dates it takes: a subsidy program and the people on staff. */
export type LeaseTermValues = { range: [Dayjs, Dayjs]; staff?: number; programId?: string };

function isUnder(unit: SpaceNode, node: SpaceNode, all: SpaceNode[]): boolean {
  for (let p = all.find((n) => n.id === unit.parentId); p; p = all.find((n) => n.id === p!.parentId)) if (p.id === node.id) return true;
  return false;
}

/** List rent of the chosen nodes' units (a building counts its units), in fen a month: area × rent per m², rounded down. */
export function monthlyListRent(chosen: readonly string[], all: SpaceNode[]): number {
  const units = all.filter((u) => u.kind === 'unit' && chosen.some((id) => id === u.id || all.find((n) => n.id === id && isUnder(u, n, all))));
  return units.reduce((a, u) => a + Math.floor(u.areaM2 * Number(u.listRent ?? 0)), 0);
}

/** The terms a new lease or a converted hold sends: one rent step at list rent over the whole term. */
export function leaseTermsOf(v: LeaseTermValues, monthly: number) {
  const startsOn = v.range[0].format('YYYY-MM-DD');
  const endsOn = v.range[1].format('YYYY-MM-DD');
  return { startsOn, endsOn, steps: [{ startsOn, endsOn, monthlyRent: String(monthly) }], staff: v.staff ?? null, programId: v.programId ?? null };
}

/** The lease's fields after its space and dates: the monthly rent it comes to, the subsidy program, the people on staff. */
export function LeaseTermsFields({ hub, monthly }: { hub: string; monthly: number }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const rentPrograms = useRentPrograms(hub);
  return (
    <>
      <Typography.Paragraph>
        {t('punct.labelled', { label: t('spaces.desk.monthlyRent') })}
        <Money value={String(monthly)} strong />
      </Typography.Paragraph>
      <Form.Item name="programId" label={t('spaces.desk.program')}>
        <Select allowClear placeholder={t('spaces.desk.noProgram')} options={rentPrograms} />
      </Form.Item>
      <Form.Item name="staff" label={t('spaces.desk.staff')} rules={[zodRule(leaseInputSchema.shape.staff, fieldText, { optional: true })]}>
        <InputNumber min={1} max={100000} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}
