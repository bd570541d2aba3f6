import { Col, Form, Input, Select, Typography } from 'antd';
import { RowList } from '../../forms/row-list';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../i18n/use-bilingual';
import { percentToBasisPoints } from '../../budget/percent';
import { MILESTONE_KEY, type MilestoneRow } from '../review-draft';
import { rowKeys } from '../review-keys';
import { takesMonths, trancheWhens, type TrancheRow } from './tranche-draft';

/** The reports a program asks for, as the review editor's rows: the key each is (or will be) saved with, and its names. */
function milestonesOf(rows: (MilestoneRow | undefined)[] | undefined): { key: string; zh: string; en: string }[] {
  const list = rows ?? [];
  const keys = rowKeys(list, MILESTONE_KEY);
  return list.map((row, i) => ({ key: keys[i]!, zh: row?.zh?.trim() ?? '', en: row?.en?.trim() ?? '' }));
}

/** Tranches as rows: a share, when it is paid and, as the condition needs, months or a report. */
export function TranchesEditor() {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('tranches', form) as (TrancheRow | undefined)[] | undefined) ?? [];
  const milestones = milestonesOf(Form.useWatch(['review', 'milestones'], { form, preserve: true }) as MilestoneRow[] | undefined);
  const total = rows.reduce((sum, r) => sum + (percentToBasisPoints((r?.share ?? '').replace('%', '')) ?? 0), 0) / 100;
  return (
    <RowList
      name="tranches"
      kind="tranche"
      title={t('programs.tranches.title')}
      min={1}
      removeCol={{ xs: 24, md: 5 }}
      removeLabel={(n) => t('programs.tranches.remove', { n })}
      addLabel={t('programs.tranches.add')}
      newRow={(): TrancheRow => ({ share: '', when: 'award' })}
      footer={
        <Typography.Text type={total === 100 ? 'secondary' : 'danger'} role="status">
          {t('programs.tranches.total', { total })} · {t('programs.tranches.hint')}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      {({ name, n }) => {
        const when = rows[name]?.when;
        return (
          <>
            <Col xs={12} md={5}>
              <Form.Item label={t('programs.tranches.share', { n })} name={[name, 'share']} rules={[{ required: true }]}>
                <Input inputMode="decimal" suffix="%" />
              </Form.Item>
            </Col>
            <Col xs={12} md={9}>
              <Form.Item label={t('programs.tranches.when', { n })} name={[name, 'when']}>
                <Select options={trancheWhens.map((w) => ({ value: w, label: t(`programs.tranches.whens.${w}`) }))} />
              </Form.Item>
            </Col>
            {takesMonths(when) && (
              <Col xs={12} md={5}>
                <Form.Item label={t('programs.tranches.months', { n })} name={[name, 'months']} rules={[{ required: true, pattern: /^\d{1,3}$/ }]}>
                  <Input inputMode="numeric" />
                </Form.Item>
              </Col>
            )}
            {when === 'milestone_accepted' && (
              <Col xs={12} md={5}>
                <Form.Item label={t('programs.tranches.milestone', { n })} name={[name, 'milestone']} rules={[{ required: true }]}>
                  <Select options={milestones.map((m) => ({ value: m.key, label: bilingual(m).primary || m.key }))} />
                </Form.Item>
              </Col>
            )}
          </>
        );
      }}
    </RowList>
  );
}
