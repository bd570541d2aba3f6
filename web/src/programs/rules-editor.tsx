import { Button, Card, Col, Flex, Form, Input, Row, Select, Switch, Typography, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { degrees } from '../../../contracts/programs';
import { talentTiers } from '../../../contracts/people';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { percentToBasisPoints } from '../budget/percent';
import { majorToMinor } from '../money/money-math';
import type { EditorValues, FieldValues, RateRow, TableRow } from './program-draft';
import { OPTION_KEY, optionsFrom, type OptionRow } from './choice-options';
import { newRowKey } from './review-keys';
import { MoneyInput } from '../money/money-input';
import { RowList } from '../forms/row-list';
import { TranchesEditor } from './tranches/tranches-editor';
import { RentEditor } from './rent/rent-editor';
import { StackingGroupInput } from './stacking-group-input';

const fieldTypes = ['text', 'number', 'money', 'date', 'choice', 'file'] as const;

/** The checks of a row's inputs: a name or pick that is required, a percent, an amount in yuan. */
function useRowRules() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const required: FormRule[] = [{ required: true, whitespace: true, message: fieldText('REQUIRED') }];
  const percent: FormRule[] = [
    { required: true, whitespace: true, message: fieldText('REQUIRED') },
    {
      validator: async (_, value: unknown) => {
        const text = String(value ?? '').trim();
        if (text && percentToBasisPoints(text.replace('%', '')) === null) throw new Error(t('programs.editor.percentRange'));
      },
    },
  ];
  const money: FormRule[] = [
    {
      validator: async (_, value: string | undefined) => {
        if (!value?.trim()) throw new Error(fieldText('REQUIRED'));
        const minor = majorToMinor(value, 'CNY');
        if (!minor || minor === '0') throw new Error(t('money.invalid'));
      },
    },
  ];
  return { required, percent, money };
}

/** A choice field's options as rows: Chinese and English labels; the value stays hidden (made when the row is added). */
function OptionRows({ field }: { field: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const { required } = useRowRules();
  const f = field + 1;
  return (
    <RowList
      name={[field, 'options']}
      kind="option"
      title={t('programs.editor.options')}
      hint={t('programs.editor.optionsHint')}
      empty={t('programs.editor.noOptions')}
      removeLabel={(n) => t('programs.editor.removeOption', { n, field: f })}
      addLabel={t('programs.editor.addOption')}
      newRow={(): OptionRow => ({ key: newRowKey(form.getFieldValue(['fields', field, 'options']) ?? [], OPTION_KEY), zh: '', en: '' })}
    >
      {({ name, n }) => (
        <>
          <Form.Item name={[name, 'key']} hidden>
            <Input />
          </Form.Item>
          <Col xs={24} md={10}>
            <Form.Item label={t('programs.editor.optionZh', { n, field: f })} name={[name, 'zh']} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('programs.editor.optionEn', { n, field: f })} name={[name, 'en']} rules={required}>
              <Input />
            </Form.Item>
          </Col>
        </>
      )}
    </RowList>
  );
}

/**
 * The application form: one card per field; a choice lists its options as rows. A field's
 * key is made when it is added (`field_<n>`) and never typed: rules name the field by its
 * label, and rule text by the key the card shows.
 */
export function FormFieldsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  return (
    <Card title={t('programs.editor.formFields')}>
      <Form.List name="fields">
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.map(({ key, name }) => {
              const n = name + 1;
              return (
                <Card
                  key={key}
                  size="small"
                  title={
                    <Flex wrap gap={8} align="baseline">
                      <span>{t('programs.editor.field', { n })}</span>
                      <Form.Item noStyle shouldUpdate>
                        {({ getFieldValue }) => {
                          const fieldKey = getFieldValue(['fields', name, 'key']) as string | undefined;
                          return fieldKey ? (
                            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                              {t('programs.editor.fieldInRules', { name: `answers.${fieldKey}` })}
                            </Typography.Text>
                          ) : null;
                        }}
                      </Form.Item>
                    </Flex>
                  }
                  extra={
                    <Button size="small" danger aria-label={t('programs.editor.removeField', { n })} onClick={() => remove(name)}>
                      {t('programs.editor.remove')}
                    </Button>
                  }
                >
                  <Form.Item name={[name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={8}>
                    <Col xs={12} md={4}>
                      <Form.Item label={t('programs.editor.fieldType', { n })} name={[name, 'type']}>
                        <Select options={fieldTypes.map((ft) => ({ value: ft, label: t(`programs.editor.fieldTypes.${ft}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item label={t('programs.editor.labelZh', { n })} name={[name, 'labelZh']} rules={[{ required: true }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item label={t('programs.editor.labelEn', { n })} name={[name, 'labelEn']} rules={[{ required: true }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item label={t('programs.editor.required', { n })} name={[name, 'required']} valuePropName="checked">
                        <Switch />
                      </Form.Item>
                    </Col>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) => {
                        const type = getFieldValue(['fields', name, 'type']) as string;
                        if (type === 'choice')
                          return (
                            <Col xs={24} data-options-of={name + 1}>
                              <OptionRows field={name} />
                            </Col>
                          );
                        if (type === 'money' || type === 'number' || type === 'text')
                          return (
                            <Col xs={12} md={6}>
                              <Form.Item
                                label={t(
                                  type === 'money' ? 'programs.editor.moneyMax' : type === 'text' ? 'programs.editor.maxLength' : 'programs.editor.numberMax',
                                  { n },
                                )}
                                name={[name, 'max']}
                              >
                                {type === 'money' ? <MoneyInput /> : <Input inputMode="decimal" />}
                              </Form.Item>
                            </Col>
                          );
                        return null;
                      }}
                    </Form.Item>
                  </Row>
                </Card>
              );
            })}
            <Button onClick={() => add({ key: newRowKey(form.getFieldValue('fields') ?? [], 'field'), type: 'text', required: true })}>
              {t('programs.editor.addField')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

/** Rates by the answer of a choice field, as rows: one of the field's options (named in the page's language) and a percent. */
function RateRows({ field }: { field: string }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const form = Form.useFormInstance<EditorValues>();
  const { required, percent } = useRowRules();
  const fields = (Form.useWatch('fields', form) ?? []) as (FieldValues | undefined)[];
  const choice = fields.find((f) => f?.key?.trim() === field && f.type === 'choice');
  const options = optionsFrom(choice?.options).map((o) => ({ value: o.value, label: bilingual(o.label).primary || o.value }));
  return (
    <RowList
      name="choiceRates"
      kind="rate"
      title={t('programs.editor.choiceRates')}
      hint={t('programs.editor.ratesHint')}
      removeCol={{ xs: 12, md: 6 }}
      removeLabel={(n) => t('programs.editor.removeRate', { n })}
      addLabel={t('programs.editor.addRate')}
      newRow={(): RateRow => ({ rate: '' })}
      style={{ marginBottom: 16 }}
    >
      {({ name, n }) => (
        <>
          <Col xs={24} md={12}>
            <Form.Item label={t('programs.editor.rateOption', { n })} name={[name, 'option']} rules={required}>
              <Select options={options} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('programs.editor.ratePercent', { n })} name={[name, 'rate']} rules={percent}>
              <Input inputMode="decimal" suffix="%" />
            </Form.Item>
          </Col>
        </>
      )}
    </RowList>
  );
}

/** A table formula's rows: a degree or talent tier (as the table is by) and the amount in yuan. */
function TableRows() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const { required, money } = useRowRules();
  const by = Form.useWatch('tableBy', form) ?? 'degree';
  const keys: { value: string; label: string }[] =
    by === 'talentTier'
      ? talentTiers.map((k) => ({ value: k, label: t(`programs.tiers.${k}`) }))
      : degrees.map((k) => ({ value: k, label: t(`programs.degrees.${k}`) }));
  return (
    <RowList
      name="tableRows"
      kind="table"
      title={t('programs.editor.tableRows')}
      removeCol={{ xs: 24, md: 6 }}
      removeLabel={(n) => t('programs.editor.removeRow', { n })}
      addLabel={t('programs.editor.addRow')}
      newRow={(): TableRow => ({ amount: '' })}
      style={{ marginBottom: 16 }}
    >
      {({ name, n }) => (
        <>
          <Col xs={12} md={8}>
            <Form.Item label={t(by === 'talentTier' ? 'programs.editor.rowTier' : 'programs.editor.rowDegree', { n })} name={[name, 'key']} rules={required}>
              <Select options={keys} />
            </Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item label={t('programs.editor.rowAmount', { n })} name={[name, 'amount']} rules={money} required>
              <MoneyInput />
            </Form.Item>
          </Col>
        </>
      )}
    </RowList>
  );
}

/** The benefit formula: fixed, percentage of a claim, or a table; then tranches, co-funding, caps and stacking. */
export function BenefitEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const type = Form.useWatch('benefitType', form);
  const bilingual = useBilingual();
  const fields = (Form.useWatch('fields', form) ?? []).filter((f) => f?.key);
  /** The form's fields of a kind, by name in the page's language (the key is what is saved). */
  const fieldsOf = (kind: string) =>
    fields.filter((f) => f.type === kind).map((f) => ({ value: f.key, label: bilingual({ zh: f.labelZh ?? '', en: f.labelEn ?? '' }).primary || f.key }));
  const choiceField = Form.useWatch('choiceField', form);
  return (
    <Card title={t('programs.editor.benefit')}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('programs.editor.benefitType')} name="benefitType">
            <Select options={(['fixed', 'percentage', 'table', 'rent'] as const).map((k) => ({ value: k, label: t(`programs.editor.benefitTypes.${k}`) }))} />
          </Form.Item>
        </Col>
        {type === 'fixed' && (
          <Col xs={24} md={8}>
            <Form.Item label={t('programs.editor.amount')} name="amount">
              <MoneyInput />
            </Form.Item>
          </Col>
        )}
        {type === 'percentage' && (
          <>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.of')} name="of">
                <Select options={fieldsOf('money')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.rate')} name="rate">
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.choiceField')} name="choiceField">
                <Select allowClear options={fieldsOf('choice')} />
              </Form.Item>
            </Col>
            {choiceField && (
              <Col xs={24}>
                <RateRows field={choiceField} />
              </Col>
            )}
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.smallAtMost')} name="smallAtMost">
                <MoneyInput />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.smallRate')} name="smallRate">
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.cap')} name="cap">
                <MoneyInput />
              </Form.Item>
            </Col>
          </>
        )}
        {type === 'table' && (
          <>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.tableBy')} name="tableBy">
                <Select
                  options={[
                    { value: 'degree', label: t('programs.lines.by.degree') },
                    { value: 'talentTier', label: t('programs.lines.by.talentTier') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <TableRows />
            </Col>
          </>
        )}
        {type === 'rent' && (
          <Col xs={24}>
            <RentEditor />
          </Col>
        )}
        <Col xs={24}>
          <TranchesEditor />
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('programs.editor.cityShare')} name="cityShare">
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('programs.editor.annualCap')} name="annualCap">
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('programs.editor.stackingGroup')} tooltip={t('programs.editor.stackingGroupHint')} name="stackingGroup">
            <StackingGroupInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('programs.editor.stackingMax')} name="stackingMax">
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
