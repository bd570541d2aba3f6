import { Card, Col, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { obligationKinds, recoveryRules } from '../../../contracts/obligations';
import { RowList } from '../forms/row-list';
import { useBilingual } from '../i18n/use-bilingual';
import type { EditorValues } from '../programs/program-draft';
import { usePrograms } from '../programs/use-programs';
import { newObligationRow } from './obligation-values';

/** What awardees owe after the award, as rows: the kind, how long, what a breach recovers. */
export function ObligationsEditor({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const form = Form.useFormInstance<EditorValues>();
  const fields = Form.useWatch('fields', form) ?? [];
  const programs = usePrograms(hub);
  const textFields = fields.filter((f) => f?.type === 'text').map((f) => ({ value: f.key, label: bilingual({ zh: f.labelZh, en: f.labelEn }).primary }));
  const programOptions = (programs.data?.items ?? []).map((p) => ({ value: p.id, label: bilingual(p.name).primary }));
  return (
    <Card title={t('obligations.editor.title')}>
      <Typography.Paragraph type="secondary">{t('obligations.editor.intro')}</Typography.Paragraph>
      <RowList
        name="obligations"
        kind="obligation"
        divided
        removeCol={{ xs: 24, md: 4 }}
        removeLabel={(n) => t('obligations.editor.remove', { n })}
        addLabel={t('obligations.editor.add')}
        newRow={() => newObligationRow(form.getFieldValue('obligations') ?? [])}
      >
        {({ name, n }) => (
          <>
            <Col xs={24} md={8}>
              <Form.Item label={t('obligations.editor.kind', { n })} name={[name, 'kind']}>
                <Select options={obligationKinds.map((k) => ({ value: k, label: t(`obligations.kinds.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('obligations.editor.months', { n })} name={[name, 'months']}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('obligations.editor.from', { n })} name={[name, 'from']}>
                <Select
                  options={[
                    { value: 'award', label: t('obligations.editor.fromAward') },
                    { value: 'last_payment', label: t('obligations.editor.fromLastPayment') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('obligations.editor.rule', { n })} name={[name, 'rule']}>
                <Select options={recoveryRules.map((r) => ({ value: r, label: t(`obligations.rules.${r}`) }))} />
              </Form.Item>
            </Col>
            <Form.Item noStyle shouldUpdate>
              {() => {
                const r = form.getFieldValue(['obligations', name]) as { kind?: string; rule?: string } | undefined;
                return (
                  <>
                    {r?.rule === 'share' && (
                      <Col xs={12} md={4}>
                        <Form.Item label={t('obligations.editor.sharePercent', { n })} name={[name, 'sharePercent']}>
                          <Input inputMode="decimal" suffix="%" />
                        </Form.Item>
                      </Col>
                    )}
                    {r?.kind === 'keep_headcount' && (
                      <Col xs={12} md={4}>
                        <Form.Item label={t('obligations.editor.minHeadcount', { n })} name={[name, 'minHeadcount']}>
                          <Input inputMode="numeric" />
                        </Form.Item>
                      </Col>
                    )}
                    {r?.kind === 'no_related_party' && (
                      <Col xs={24} md={8}>
                        <Form.Item label={t('obligations.editor.supplierField', { n })} name={[name, 'supplierField']}>
                          <Select options={textFields} />
                        </Form.Item>
                      </Col>
                    )}
                    {r?.kind === 'no_double_subsidy' && (
                      <Col xs={24} md={12}>
                        <Form.Item label={t('obligations.editor.exclusivePrograms', { n })} name={[name, 'exclusivePrograms']}>
                          <Select mode="multiple" options={programOptions} />
                        </Form.Item>
                      </Col>
                    )}
                  </>
                );
              }}
            </Form.Item>
            <Col xs={12} md={4}>
              <Form.Item label={t('obligations.editor.appealDays', { n })} name={[name, 'appealDays']}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('obligations.editor.repayDays', { n })} name={[name, 'repayDays']}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
          </>
        )}
      </RowList>
    </Card>
  );
}
