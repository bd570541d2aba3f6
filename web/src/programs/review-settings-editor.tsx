import { Button, Card, Col, Flex, Form, Input, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useWholeNumberRules } from '../forms/whole-number-rules';
import type { EditorValues } from './program-draft';
import { MILESTONE_KEY, RUBRIC_KEY, type MilestoneRow, type RubricRow } from './review-draft';
import { newRowKey } from './review-keys';

/** The criteria reviewers score: names, weight and scale per row; the key stays hidden (made when the row is added). */
function RubricRows() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const fieldText = useFieldErrorText();
  const whole = useWholeNumberRules();
  const required = [{ required: true, whitespace: true, message: fieldText('REQUIRED') }];
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('programs.editor.review.rubric')}</Typography.Text>
      <Typography.Text type="secondary">{t('programs.editor.review.rubricHint')}</Typography.Text>
      <Form.List name={['review', 'rubric']}>
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => {
              const n = name + 1;
              return (
                <Row gutter={8} key={key} data-rubric-row={n}>
                  <Form.Item name={[name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Col xs={24} md={7}>
                    <Form.Item label={t('programs.editor.review.criterionZh', { n })} name={[name, 'zh']} rules={required}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item label={t('programs.editor.review.criterionEn', { n })} name={[name, 'en']} rules={required}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item label={t('programs.editor.review.weight', { n })} name={[name, 'weight']} rules={whole(1, 100)}>
                      <Input inputMode="numeric" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item label={t('programs.editor.review.scale', { n })} name={[name, 'scale']} rules={whole(2, 10)}>
                      <Input inputMode="numeric" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={3} style={{ display: 'flex', alignItems: 'center' }}>
                    <Button danger size="small" onClick={() => remove(name)} disabled={items.length === 1}>
                      {t('programs.editor.review.removeCriterion', { n })}
                    </Button>
                  </Col>
                </Row>
              );
            })}
            <Flex>
              <Button
                onClick={() =>
                  add({
                    key: newRowKey(form.getFieldValue(['review', 'rubric']) ?? [], RUBRIC_KEY),
                    zh: '',
                    en: '',
                    weight: '',
                    scale: '5',
                  } satisfies RubricRow)
                }
              >
                {t('programs.editor.review.addCriterion')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Flex>
  );
}

/**
 * The reports the awardee owes: names and months after the award per row; the key stays
 * hidden (made when the row is added). `titled`: its own heading (inside the review card).
 */
function MilestoneRows({ titled }: { titled: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const fieldText = useFieldErrorText();
  const whole = useWholeNumberRules();
  const required = [{ required: true, whitespace: true, message: fieldText('REQUIRED') }];
  return (
    <Flex vertical gap={8}>
      {titled && <Typography.Text strong>{t('programs.editor.review.milestones')}</Typography.Text>}
      <Typography.Text type="secondary">{t('programs.editor.review.milestonesHint')}</Typography.Text>
      <Form.List name={['review', 'milestones']}>
        {(items, { add, remove }) => (
          <>
            {items.length === 0 && <Typography.Text type="secondary">{t('programs.editor.review.noMilestones')}</Typography.Text>}
            {items.map(({ key, name }) => {
              const n = name + 1;
              return (
                <Row gutter={8} key={key} data-milestone-row={n}>
                  <Form.Item name={[name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('programs.editor.review.reportZh', { n })} name={[name, 'zh']} rules={required}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('programs.editor.review.reportEn', { n })} name={[name, 'en']} rules={required}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item label={t('programs.editor.review.reportMonths', { n })} name={[name, 'months']} rules={whole(0, 120)}>
                      <Input inputMode="numeric" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3} style={{ display: 'flex', alignItems: 'center' }}>
                    <Button danger size="small" onClick={() => remove(name)}>
                      {t('programs.editor.review.removeReport', { n })}
                    </Button>
                  </Col>
                </Row>
              );
            })}
            <Flex>
              <Button
                onClick={() =>
                  add({ key: newRowKey(form.getFieldValue(['review', 'milestones']) ?? [], MILESTONE_KEY), zh: '', en: '', months: '' } satisfies MilestoneRow)
                }
              >
                {t('programs.editor.review.addReport')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Flex>
  );
}

/**
 * Reviewed programs: how many reviewers, the rubric, the conflicts window, the two-person
 * rule, reports. A rule-only program has reports only (a tranche may wait for one).
 */
export function ReviewSettingsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const mode = Form.useWatch('mode', form);
  if (mode !== 'reviewed')
    return (
      <Card title={t('programs.editor.review.milestones')}>
        <MilestoneRows titled={false} />
      </Card>
    );
  return (
    <Card title={t('programs.editor.review.title')}>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label={t('programs.editor.review.reviewersPerApplication')} name={['review', 'reviewersPerApplication']}>
            <Input inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('programs.editor.review.conflictYears')} name={['review', 'conflictYears']}>
            <Input inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('programs.editor.review.twoPersonThreshold')}
            name={['review', 'twoPersonThreshold']}
            extra={t('programs.editor.review.twoPersonHint')}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('programs.editor.review.scoresVisible')} name={['review', 'scoresVisibleToApplicant']} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Flex vertical gap={24}>
        <RubricRows />
        <MilestoneRows titled />
      </Flex>
    </Card>
  );
}
