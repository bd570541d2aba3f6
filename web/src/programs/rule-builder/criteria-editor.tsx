import { Alert, Button, Card, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantType } from '../../../../contracts/programs';
import { useErrorText } from '../../errors/use-error-text';
import { useFieldErrorText } from '../../errors/use-field-error-text';
import { useLocale } from '../../i18n/locale-context';
import { builderFieldsOf, type CriterionValues } from './criteria-draft';
import { RuleBuilder, ruleProblem, type RuleWordsBoth } from './rule-builder';
import { builderFacts } from './rule-rows';
import { checkInput, useCriteriaCheck, type CheckCriteria } from './use-criteria-check';
import { newRowKey } from '../review-keys';

/**
 * Who qualifies: each criterion a rule (rows or CEL) with its name and the reason an applicant
 * reads when it fails. The server's CEL compiler checks every rule as the officer types; a
 * name the officer has not written follows the rule's words.
 */
export function CriteriaEditor({ hub, check }: { hub: string; check?: CheckCriteria }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const form = Form.useFormInstance();
  const applicantType = Form.useWatch('applicantType', form) as ApplicantType | undefined;
  const fields = builderFieldsOf(Form.useWatch('fields', form));
  const criteria = Form.useWatch('criteria', form) as (CriterionValues | undefined)[] | undefined;
  const facts = builderFacts(applicantType ?? 'organization', fields);
  const checked = useCriteriaCheck(hub, checkInput(applicantType, fields, criteria, facts), check);

  const followWords = (name: number, words: RuleWordsBoth) => {
    const c = form.getFieldValue(['criteria', name]) as CriterionValues;
    const follow = (lang: 'Zh' | 'En', text: string | null, max: number) => {
      const current = c[`name${lang}`]?.trim();
      if (!text || text.length > max || (current && current !== c[`auto${lang}`])) return;
      form.setFieldValue(['criteria', name, `name${lang}`], text);
      form.setFieldValue(['criteria', name, `auto${lang}`], text);
    };
    follow('Zh', words.zh, 120);
    follow('En', words.en, 160);
  };
  const problemsOf = (index: number, key: string | undefined) =>
    (checked.data?.errors ?? [])
      .filter((e) => e.criterion === (key?.trim() || `#${index + 1}`))
      .map((e) => t('programs.ruleBuilder.checkError', { line: e.position?.line ?? 1, column: e.position?.column ?? 1, message: e.message }));

  return (
    <Card title={t('programs.editor.criteria')}>
      {checked.error && <Alert type="error" role="alert" showIcon style={{ marginBottom: 12 }} title={describe(checked.error)} />}
      <Form.List name="criteria">
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.map(({ key, name }) => (
              <Card
                key={key}
                size="small"
                title={t('programs.editor.criterion', { n: name + 1 })}
                data-criterion-card={name + 1}
                extra={
                  <Button size="small" danger aria-label={t('programs.editor.removeCriterion', { n: name + 1 })} onClick={() => remove(name)}>
                    {t('programs.editor.remove')}
                  </Button>
                }
              >
                {/* The criterion's key, made when it is added: how checks and decisions name it, never typed. */}
                <Form.Item name={[name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={8}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      label={t('programs.editor.criterionNameZh', { n: name + 1 })}
                      name={[name, 'nameZh']}
                      rules={[{ required: true, message: fieldText('REQUIRED') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      label={t('programs.editor.criterionNameEn', { n: name + 1 })}
                      name={[name, 'nameEn']}
                      rules={[{ required: true, message: fieldText('REQUIRED') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) => {
                        const problems = problemsOf(name, getFieldValue(['criteria', name, 'key']) as string | undefined);
                        return (
                          <Form.Item
                            label={t('programs.ruleBuilder.ruleLabel')}
                            name={[name, 'rule']}
                            validateStatus={problems.length ? 'error' : undefined}
                            help={problems.length ? problems.join('\n') : undefined}
                            rules={[
                              {
                                validator: async (_rule, value: CriterionValues['rule'] | undefined) => {
                                  const problem = ruleProblem(value, facts, t, locale);
                                  if (problem) throw new Error(problem);
                                },
                              },
                            ]}
                          >
                            <RuleBuilder facts={facts} onWords={(words) => followWords(name, words)} />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item
                      label={t('programs.editor.reasonZh', { n: name + 1 })}
                      name={[name, 'reasonZh']}
                      rules={[{ required: true, message: fieldText('REQUIRED') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item
                      label={t('programs.editor.reasonEn', { n: name + 1 })}
                      name={[name, 'reasonEn']}
                      rules={[{ required: true, message: fieldText('REQUIRED') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            {checked.data?.ok && criteria?.length ? (
              <Typography.Text type="success" role="status">
                {t('programs.ruleBuilder.checkOk')}
              </Typography.Text>
            ) : null}
            <Button
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                add({ key: newRowKey(criteria ?? [], 'rule'), rule: { mode: 'rows', rule: { join: 'all', rows: [] } } } satisfies Partial<CriterionValues>)
              }
            >
              {t('programs.editor.addCriterion')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
