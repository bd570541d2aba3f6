import { Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
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
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('programs.tranches.title')}</Typography.Text>
      <Form.List name="tranches">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => {
              const n = name + 1;
              const when = rows[name]?.when;
              return (
                <Row gutter={8} key={key} data-tranche-row={n}>
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
                  <Col xs={24} md={5} style={{ display: 'flex', alignItems: 'center' }}>
                    <Button danger size="small" onClick={() => remove(name)} disabled={items.length === 1}>
                      {t('programs.tranches.remove', { n })}
                    </Button>
                  </Col>
                </Row>
              );
            })}
            <Flex gap={12} align="center">
              <Button onClick={() => add({ share: '', when: 'award' } satisfies TrancheRow)}>{t('programs.tranches.add')}</Button>
              <Typography.Text type={total === 100 ? 'secondary' : 'danger'} role="status">
                {t('programs.tranches.total', { total })} · {t('programs.tranches.hint')}
              </Typography.Text>
            </Flex>
          </>
        )}
      </Form.List>
    </Flex>
  );
}
