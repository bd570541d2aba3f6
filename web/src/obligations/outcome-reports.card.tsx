import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { listOutcomeReports, submitOutcomeReport, type OutcomeReport } from '../api/obligations.api';
import { outcomeFiguresSchema, submitOutcomeReportInputSchema } from '../../../contracts/obligations';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { Money } from '../money/money';
import { majorToMinor } from '../money/money-math';
import { MoneyInput } from '../money/money-input';
import { outcomeReportFileUrl, type AttachedFile } from '../api/files.api';
import { AttachedFiles, FileAttachments } from '../programs/file-attachments';

const statusColor: Record<OutcomeReport['status'], string> = { upcoming: 'default', due: 'gold', overdue: 'red', submitted: 'green' };

/** The outcome reports an award owes: the awardee submits each once; staff read what was said. */
export function OutcomeReportsCard({ hub, applicationId }: { hub: string; applicationId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const reports = useQuery({ queryKey: ['outcome-reports', hub, applicationId], queryFn: () => listOutcomeReports(hub, applicationId) });
  const [writing, setWriting] = useState<OutcomeReport | null>(null);
  if (!reports.data?.items.length) return null;
  return (
    <Card title={t('obligations.reports.title')}>
      <ItemList
        items={reports.data.items}
        renderItem={(r) => (
          <ListItem>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{t('obligations.reports.dueOn', { date: formatDay(r.dueOn, locale) })}</Typography.Text>
                <Tag color={statusColor[r.status]}>{t(`obligations.reports.statuses.${r.status}`)}</Tag>
              </Flex>
              {r.text && <Typography.Paragraph style={{ marginBottom: 0 }}>{r.text}</Typography.Paragraph>}
              {r.figures && <Figures figures={r.figures} />}
              <AttachedFiles files={r.attachments} urlOf={(id) => outcomeReportFileUrl(hub, applicationId, r, id)} />
              {r.canSubmit && (
                <Button type={r.status === 'upcoming' ? 'default' : 'primary'} onClick={() => setWriting(r)} style={{ alignSelf: 'flex-start' }}>
                  {t('obligations.reports.write')}
                </Button>
              )}
            </Flex>
          </ListItem>
        )}
      />
      {writing && <ReportDialog hub={hub} applicationId={applicationId} report={writing} onClose={() => setWriting(null)} />}
    </Card>
  );
}

function Figures({ figures }: { figures: NonNullable<OutcomeReport['figures']> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={16} wrap>
      {figures.headcount !== undefined && (
        <Typography.Text type="secondary">{t('obligations.reports.headcountIs', { count: figures.headcount })}</Typography.Text>
      )}
      {figures.revenue !== undefined && (
        <Typography.Text type="secondary">
          {t('punct.labelled', { label: t('obligations.reports.revenue') })}
          <Money value={figures.revenue} />
        </Typography.Text>
      )}
      {figures.fundingRaised !== undefined && (
        <Typography.Text type="secondary">
          {t('punct.labelled', { label: t('obligations.reports.fundingRaised') })}
          <Money value={figures.fundingRaised} />
        </Typography.Text>
      )}
    </Flex>
  );
}

type Fields = { text: string; headcount?: number | null; revenue?: string; fundingRaised?: string; attachments?: AttachedFile[] };

function ReportDialog({ hub, applicationId, report, onClose }: { hub: string; applicationId: string; report: OutcomeReport; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fieldText = useFieldErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const send = useFormMutation({
    form,
    fields: ['text', 'headcount', ['figures', 'revenue'], ['figures', 'fundingRaised'], 'attachments'],
    fieldFor: (path) =>
      path === 'text' || path.startsWith('attachments') ? [path.split('.')[0]!] : path.startsWith('figures.') ? [path.slice('figures.'.length)] : null,
    mutationFn: (f: Fields) =>
      submitOutcomeReport(hub, applicationId, report, {
        text: f.text,
        figures: {
          ...(f.headcount !== undefined && f.headcount !== null && { headcount: f.headcount }),
          ...(f.revenue && { revenue: majorToMinor(f.revenue, 'CNY') ?? undefined }),
          ...(f.fundingRaised && { fundingRaised: majorToMinor(f.fundingRaised, 'CNY') ?? undefined }),
        },
        attachments: (f.attachments ?? []).map((file) => file.id),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['outcome-reports', hub, applicationId] });
      onClose();
    },
  });
  const money = zodRule(outcomeFiguresSchema.shape.revenue.unwrap(), fieldText, { optional: true, toInput: (v) => majorToMinor(String(v), 'CNY') ?? v });
  return (
    <FormModal
      title={t('obligations.reports.writeFor', { date: formatDay(report.dueOn, locale) })}
      onClose={onClose}
      form={form}
      mutation={send}
      requiredMark="optional"
      okText={t('obligations.reports.submit')}
    >
      <Form.Item name="text" label={t('obligations.reports.text')} rules={[zodRule(submitOutcomeReportInputSchema.shape.text, fieldText)]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="headcount" label={t('obligations.reports.headcount')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="revenue" label={t('obligations.reports.revenue')} rules={[money]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="fundingRaised" label={t('obligations.reports.fundingRaised')} rules={[money]}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="attachments" label={t('programs.files.label')}>
        <FileAttachments hub={hub} />
      </Form.Item>
    </FormModal>
  );
}
