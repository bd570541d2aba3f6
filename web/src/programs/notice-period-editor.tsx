import { Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTICE_WORKING_DAYS_MAX } from '../../../contracts/review-settings';

/** Every program, rule-only or reviewed: how many working days each award stays on the public notice board before it is paid. */
export function NoticePeriodEditor() {
  const { t } = useTranslation();
  return (
    <Card title={t('programs.editor.notice.title')}>
      <Form.Item label={t('programs.editor.notice.days')} name={['review', 'noticeWorkingDays']} extra={t('programs.editor.notice.help')}>
        <InputNumber min={0} max={NOTICE_WORKING_DAYS_MAX} precision={0} placeholder="0" style={{ width: 160 }} />
      </Form.Item>
    </Card>
  );
}
