import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { cardToCheck } from './card-to-check';

type Values = { card: string };

/**
 * Check a card someone sent rather than showed: paste its check link or its code, and the
 * check opens as the QR code's link would (on the hub the card names, else this one).
 */
export function CheckCardForm({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const check = ({ card }: Values) => {
    const found = cardToCheck(card);
    if (!found) return;
    form.resetFields();
    void navigate(`/hubs/${found.hub ?? hub}/talent/verify?token=${encodeURIComponent(found.token)}`);
  };
  return (
    <Form<Values> name="check-card" form={form} layout="vertical" requiredMark={false} onFinish={check}>
      <Form.Item
        name="card"
        label={t('stays.card.checkLabel')}
        extra={t('stays.card.checkHint')}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              if (!value?.trim()) throw new Error(fieldText('REQUIRED'));
              if (!cardToCheck(value)) throw new Error(t('stays.card.notACard'));
            },
          },
        ]}
      >
        <Input autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit">
          {t('stays.card.check')}
        </Button>
      </Form.Item>
    </Form>
  );
}
