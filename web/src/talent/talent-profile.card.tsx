import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Grid, Input, Result, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ItemList, ListItem } from '../layout/item-list';
import { isApiRequestError } from '../api/api-request-error';
import { fileUrl, uploadFile, type UploadedFile } from '../api/files.api';
import { myTalentProfile, saveTalentProfile } from '../api/talent.api';
import { talentProfileInputSchema } from '../../../contracts/talent';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { PartError } from '../layout/page-states';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';

/** A change to the profile: the employer, the evidence kept, and a file to add (uploaded first). */
type Change = { employer: string | null; evidence: string[]; file?: File };

/**
 * The holder's talent profile: degrees (from graduate verification), employer, and the
 * evidence files an officer reads when assessing a class. Files upload as they are chosen.
 */
export function TalentProfileCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const [form] = Form.useForm<{ employer: string }>();
  // On a phone the label sits above the field, so the row fits 390 px.
  const screens = Grid.useBreakpoint();
  const client = useQueryClient();
  const key = ['hubs', hub, 'talent', 'profile'];
  const profile = useQuery({ queryKey: key, queryFn: () => myTalentProfile(hub), retry: false });
  const [added, setAdded] = useState<UploadedFile[]>([]);
  const save = useFormMutation({
    form,
    fields: ['employer'],
    mutationFn: async ({ employer, evidence, file }: Change) => {
      const stored = file ? await uploadFile(hub, file) : null;
      if (stored) setAdded((list) => [...list, stored]);
      return saveTalentProfile(hub, { employer, evidence: stored ? [...evidence, stored.id] : evidence });
    },
    onSuccess: (saved) => {
      client.setQueryData(key, saved);
      message.success(t('stays.profile.saved'));
    },
  });

  if (profile.isPending) return <Card loading />;
  if (profile.isError) {
    if (isApiRequestError(profile.error) && profile.error.status === 404)
      return <Result status="info" title={t('stays.profile.notLinked')} extra={<Link to={`/hubs/${hub}/stays`}>{t('stays.profile.verifyFirst')}</Link>} />;
    return <PartError error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const data = profile.data;
  const named = new Map(added.map((f) => [f.id, f.name]));

  return (
    <Card title={t('stays.profile.title')} style={{ maxWidth: 640 }}>
      <Flex vertical gap={16}>
        {data.degrees.length ? (
          <Descriptions
            column={1}
            items={data.degrees.map((d, i) => ({
              key: String(i),
              label: t('stays.profile.degree'),
              children: [t(`stays.levels.${d.level}`), d.universityName ? bilingual(d.universityName).primary : d.university, formatDay(d.graduatesOn, locale)]
                .filter(Boolean)
                .join(' · '),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">
            {t('stays.profile.noDegree')} <Link to={`/hubs/${hub}/stays`}>{t('stays.profile.verifyFirst')}</Link>
          </Typography.Text>
        )}
        <FormFailure failure={save.failure} />
        <Form
          name="talent-profile"
          form={form}
          layout={screens.sm ? 'inline' : 'vertical'}
          initialValues={{ employer: data.employer ?? '' }}
          onValuesChange={save.onValuesChange}
          onFinish={(v: { employer: string }) => save.submit({ employer: v.employer.trim() || null, evidence: data.evidence })}
        >
          <Form.Item
            label={t('stays.profile.employer')}
            name="employer"
            rules={[zodRule(talentProfileInputSchema.shape.employer, fieldText, { optional: true })]}
          >
            <Input style={{ width: 280, maxWidth: '100%' }} maxLength={200} />
          </Form.Item>
          <Button htmlType="submit" loading={save.submitting}>
            {t('stays.profile.save')}
          </Button>
        </Form>
        <div>
          <Typography.Text strong>{t('stays.profile.evidence')}</Typography.Text>
          <ItemList
            size="small"
            empty={t('stays.profile.noEvidence')}
            items={data.evidence}
            renderItem={(id, index) => {
              // A file added here has its name; one kept from before is named by its place in the list, never its id.
              const name = named.get(id) ?? t('stays.profile.file', { n: index + 1 });
              return (
                <ListItem
                  actions={[
                    <Button
                      key="remove"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('stays.profile.remove', { name })}
                      onClick={() => save.submit({ employer: data.employer, evidence: data.evidence.filter((e) => e !== id) })}
                    />,
                  ]}
                >
                  <a href={fileUrl(hub, id)}>{name}</a>
                </ListItem>
              );
            }}
          />
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              save.submit({ employer: data.employer, evidence: data.evidence, file });
              return false; // sent by us, as the raw body
            }}
          >
            <Button icon={<UploadOutlined />} disabled={data.evidence.length >= 20}>
              {t('stays.profile.addEvidence')}
            </Button>
          </Upload>
        </div>
      </Flex>
    </Card>
  );
}
