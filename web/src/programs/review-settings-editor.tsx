import { Card, Col, Flex, Form, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useWholeNumberRules } from '../forms/whole-number-rules';
import { RowList } from '../forms/row-list';
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
    <RowList
      name={['review', 'rubric']}
      kind="rubric"
      title={t('programs.editor.review.rubric')}
      hint={t('programs.editor.review.rubricHint')}
      min={1}
      removeCol={{ xs: 24, md: 3 }}
      removeLabel={(n) => t('programs.editor.review.removeCriterion', { n })}
      addLabel={t('programs.editor.review.addCriterion')}
      newRow={(): RubricRow => ({ key: newRowKey(form.getFieldValue(['review', 'rubric']) ?? [], RUBRIC_KEY), zh: '', en: '', weight: '', scale: '5' })}
    >
      {({ name, n }) => (
        <>
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
        </>
      )}
    </RowList>
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
    <RowList
      name={['review', 'milestones']}
      kind="milestone"
      title={titled ? t('programs.editor.review.milestones') : undefined}
      hint={t('programs.editor.review.milestonesHint')}
      empty={t('programs.editor.review.noMilestones')}
      removeCol={{ xs: 12, md: 3 }}
      removeLabel={(n) => t('programs.editor.review.removeReport', { n })}
      addLabel={t('programs.editor.review.addReport')}
      newRow={(): MilestoneRow => ({ key: newRowKey(form.getFieldValue(['review', 'milestones']) ?? [], MILESTONE_KEY), zh: '', en: '', months: '' })}
    >
      {({ name, n }) => (
        <>
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
        </>
      )}
    </RowList>
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
