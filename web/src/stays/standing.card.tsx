import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, List, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stayDegreeLevels } from '../../../contracts/stays';
import { verifyGraduate } from '../api/stays.api';
import { useErrorText } from '../errors/use-error-text';
import { useLocale } from '../i18n/locale-context';
import { useRefreshStays, useStanding } from './use-stays';

type Values = { nameZh: string; nameEn: string; university: string; level: (typeof stayDegreeLevels)[number]; graduatesOn: Dayjs };

/** Whether the graduate may stay, with every reason; the verification form until they are verified. */
export function StandingCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const describe = useErrorText();
  const standing = useStanding(hub);
  const refresh = useRefreshStays(hub);
  const [saving, setSaving] = useState(false);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  async function submit(values: Values) {
    setSaving(true);
    try {
      await verifyGraduate(hub, {
        name: { zh: values.nameZh, en: values.nameEn },
        degree: { university: values.university, level: values.level, graduatesOn: values.graduatesOn.format('YYYY-MM-DD') },
      });
      await refresh();
    } catch (error) {
      message.error(describe(error));
    } finally {
      setSaving(false);
    }
  }

  const data = standing.data;
  return (
    <Card title={t('stays.standing.title')} loading={standing.isPending}>
      {data && (
        <Flex vertical gap={12}>
          <Alert type={data.eligible ? 'success' : 'warning'} showIcon message={data.eligible ? t('stays.standing.eligible') : t('stays.standing.notEligible')} />
          <List
            size="small"
            dataSource={data.reasons}
            renderItem={(r) => (
              <List.Item>
                <Flex gap={8}>
                  {r.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                  <Typography.Text>{r.text[lang]}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
          {!data.verified && (
            <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 520 }}>
              <Typography.Paragraph type="secondary">{t('stays.standing.verifyHint')}</Typography.Paragraph>
              <Form.Item name="nameZh" label={t('stays.standing.nameZh')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="nameEn" label={t('stays.standing.nameEn')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="university" label={t('stays.standing.university')} rules={[{ required: true, min: 2 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="level" label={t('stays.standing.level')} rules={[{ required: true }]}>
                <Select options={stayDegreeLevels.map((l) => ({ value: l, label: t(`stays.levels.${l}`) }))} />
              </Form.Item>
              <Form.Item name="graduatesOn" label={t('stays.standing.graduatesOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('stays.standing.submit')}
              </Button>
            </Form>
          )}
        </Flex>
      )}
    </Card>
  );
}
