import { Card, Col, Form, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditorValues } from './program-draft';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** Reviewed programs only: how many reviewers, the rubric, the conflicts window, the two-person rule, reports. */
export function ReviewSettingsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const mode = Form.useWatch('mode', form);
  if (mode !== 'reviewed') return null;
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
        <Col xs={24} md={12}>
          <Form.Item label={t('programs.editor.review.rubric')} name={['review', 'rubric']}>
            <Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder={'innovation=创新性|Innovation|40|5\nteam=团队|Team|30|5'} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('programs.editor.review.milestones')} name={['review', 'milestones']}>
            <Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder="midterm=中期报告|Midterm report|6" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
