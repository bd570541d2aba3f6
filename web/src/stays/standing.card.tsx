import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { normalizeResidentId } from '../../../contracts/resident-id';
import { stayDegreeLevels } from '../../../contracts/stays';
import { verifyGraduateInputSchema } from '../../../contracts/talent';
import { verifyGraduate } from '../api/talent.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { DayPicker } from '../forms/day-picker';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useLocale } from '../i18n/locale-context';
import { useRefreshStays, useStanding } from './use-stays';

type Values = { nameZh: string; nameEn: string; residentId?: string; university: string; level: (typeof stayDegreeLevels)[number]; graduatesOn: string };

const shape = verifyGraduateInputSchema.shape;
const degree = shape.degree.shape;
const fields: Record<string, string> = {
  'name.zh': 'nameZh',
  'name.en': 'nameEn',
  residentId: 'residentId',
  'degree.university': 'university',
  'degree.level': 'level',
  'degree.graduatesOn': 'graduatesOn',
};

/**
 * Whether the graduate may stay, with every reason; the verification form until they are
 * verified, then a plain note that it was received. The note is the same for everyone: the
 * server never says whether a resident id it was given is one it knows.
 */
export function StandingCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fieldText = useFieldErrorText();
  const standing = useStanding(hub);
  const refresh = useRefreshStays(hub);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const [form] = Form.useForm<Values>();

  const verify = useFormMutation({
    form,
    fieldFor: (path) => (fields[path] ? [fields[path]] : null),
    mutationFn: (values: Values) => {
      const residentId = values.residentId?.trim();
      return verifyGraduate(hub, {
        name: { zh: values.nameZh.trim(), en: values.nameEn.trim() },
        ...(residentId ? { residentId: normalizeResidentId(residentId) } : {}),
        degree: { university: values.university.trim(), level: values.level, graduatesOn: values.graduatesOn },
      });
    },
    onSuccess: () => refresh(),
  });

  const data = standing.data;
  return (
    <Card title={t('stays.standing.title')} loading={standing.isPending}>
      {data && (
        <Flex vertical gap={12}>
          {data.verified && <Alert type="info" showIcon title={t('stays.standing.received')} description={t('stays.standing.receivedBody')} />}
          <Alert type={data.eligible ? 'success' : 'warning'} showIcon title={data.eligible ? t('stays.standing.eligible') : t('stays.standing.notEligible')} />
          <ItemList
            size="small"
            items={data.reasons}
            renderItem={(r) => (
              <ListItem>
                <Flex gap={8}>
                  {r.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                  <Typography.Text>{r.text[lang]}</Typography.Text>
                </Flex>
              </ListItem>
            )}
          />
          {!data.verified && (
            <Form<Values>
              name="verify-graduate"
              form={form}
              layout="vertical"
              onValuesChange={verify.onValuesChange}
              onFinish={verify.submit}
              style={{ maxWidth: 520 }}
            >
              <Typography.Paragraph type="secondary">{t('stays.standing.verifyHint')}</Typography.Paragraph>
              <FormFailure failure={verify.failure} />
              {/* The name as on the ID card or passport, in whatever script it is written there (not only Chinese). */}
              <Form.Item name="nameZh" label={t('stays.standing.nameOnId')} rules={[zodRule(shape.name.shape.zh, fieldText)]} required>
                <Input />
              </Form.Item>
              <Form.Item name="nameEn" label={t('stays.standing.nameEn')} rules={[zodRule(shape.name.shape.en, fieldText)]} required>
                <Input />
              </Form.Item>
              <Form.Item
                name="residentId"
                label={t('stays.standing.residentId')}
                extra={t('stays.standing.residentIdHint')}
                rules={[zodRule(shape.residentId, fieldText, { optional: true })]}
              >
                <Input maxLength={22} autoComplete="off" spellCheck={false} />
              </Form.Item>
              <Form.Item name="university" label={t('stays.standing.university')} rules={[zodRule(degree.university, fieldText)]} required>
                <Input />
              </Form.Item>
              <Form.Item name="level" label={t('stays.standing.level')} rules={[zodRule(degree.level, fieldText)]} required>
                <Select options={stayDegreeLevels.map((l) => ({ value: l, label: t(`stays.levels.${l}`) }))} />
              </Form.Item>
              <Form.Item name="graduatesOn" label={t('stays.standing.graduatesOn')} rules={[zodRule(degree.graduatesOn, fieldText)]} required>
                <DayPicker />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={verify.submitting}>
                {t('stays.standing.submit')}
              </Button>
            </Form>
          )}
        </Flex>
      )}
    </Card>
  );
}
