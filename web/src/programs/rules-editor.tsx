import { Button, Card, Col, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditorValues } from './program-draft';
import { MoneyInput } from '../money/money-input';
import { TranchesEditor } from './tranches/tranches-editor';
import { RentEditor } from './rent/rent-editor';

const fieldTypes = ['text', 'number', 'money', 'date', 'choice', 'file'] as const;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** The application form: one row per field; choices list their options one a line. */
export function FormFieldsEditor() {
  const { t } = useTranslation();
  return (
    <Card title={t('programs.editor.formFields')}>
      <Form.List name="fields">
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.map(({ key, name }) => (
              <Card
                key={key}
                size="small"
                extra={
                  <Button size="small" danger onClick={() => remove(name)}>
                    {t('programs.editor.remove')}
                  </Button>
                }
              >
                <Row gutter={8}>
                  <Col xs={12} md={5}>
                    <Form.Item label={t('programs.editor.fieldKey')} name={[name, 'key']} rules={[{ required: true }]}>
                      <Input style={mono} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item label={t('programs.editor.fieldType')} name={[name, 'type']}>
                      <Select options={fieldTypes.map((ft) => ({ value: ft, label: t(`programs.editor.fieldTypes.${ft}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label={t('programs.editor.labelZh')} name={[name, 'labelZh']} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label={t('programs.editor.labelEn')} name={[name, 'labelEn']} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item label={t('programs.editor.required')} name={[name, 'required']} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const type = getFieldValue(['fields', name, 'type']) as string;
                      if (type === 'choice')
                        return (
                          <Col xs={24}>
                            <Form.Item label={t('programs.editor.options')} name={[name, 'options']}>
                              <Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder="domestic=国产|Domestic" />
                            </Form.Item>
                          </Col>
                        );
                      if (type === 'money' || type === 'number' || type === 'text')
                        return (
                          <Col xs={12} md={6}>
                            <Form.Item
                              label={t(
                                type === 'money' ? 'programs.editor.moneyMax' : type === 'text' ? 'programs.editor.maxLength' : 'programs.editor.numberMax',
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
            ))}
            <Button onClick={() => add({ type: 'text', required: true })}>{t('programs.editor.addField')}</Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

/** The benefit formula: fixed, percentage of a claim, or a table; then tranches, co-funding, caps and stacking. */
export function BenefitEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const type = Form.useWatch('benefitType', form);
  const fields = (Form.useWatch('fields', form) ?? []).filter((f) => f?.key);
  const keysOf = (kind: string) => fields.filter((f) => f.type === kind).map((f) => ({ value: f.key, label: f.key }));
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
                <Select options={keysOf('money')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.rate')} name="rate">
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={t('programs.editor.choiceField')} name="choiceField">
                <Select allowClear options={keysOf('choice')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={16}>
              <Form.Item label={t('programs.editor.choiceRates')} name="choiceRates">
                <Input.TextArea autoSize={{ minRows: 1 }} style={mono} placeholder="domestic=30" />
              </Form.Item>
            </Col>
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
            <Col xs={24} md={16}>
              <Form.Item label={t('programs.editor.tableRows')} name="tableRows">
                <Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder={'bachelor=10000\nmaster=30000'} />
              </Form.Item>
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
          <Form.Item label={t('programs.editor.stackingGroup')} name="stackingGroup">
            <Input style={mono} />
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
