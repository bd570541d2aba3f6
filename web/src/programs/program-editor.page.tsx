import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, Col, Flex, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { programKinds } from '../../../contracts/programs';
import { sectors } from '../../../contracts/organizations';
import { isApiRequestError } from '../api/api-request-error';
import { createProgram, publishProgram, updateProgram } from '../api/programs.api';
import { useEnvelope } from '../budget/use-budget';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useHubRoles } from '../ecosystem/use-hub-roles';
import { useBilingual } from '../i18n/use-bilingual';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { BenefitEditor, CriteriaEditor, FormFieldsEditor } from './rules-editor';
import { DraftLineError } from './draft-line-error';
import { draftFromValues, emptyValues, valuesFromProgram, type EditorValues } from './program-draft';
import { ReviewSettingsEditor } from './review-settings-editor';
import { programsKey, useProgram } from './use-programs';

/** Program officers: create or change a program (names, window, budget line, form, criteria, formula) and publish it. */
export function ProgramEditorPage() {
  const { hub = '', id } = useParams();
  const { t } = useTranslation();
  const { canEdit } = useHubRoles(hub);
  const program = useProgram(hub, id ?? '');
  if (!canEdit) return <NotFoundPage title={t('programs.editor.officersOnly')} />;
  if (id && program.isPending) return <PageLoading />;
  if (id && program.isError) return <PageError error={program.error} onRetry={() => void program.refetch()} />;
  const initial = id && program.data ? valuesFromProgram(program.data) : emptyValues(new Date().getFullYear());
  return <ProgramEditor key={id ?? 'new'} hub={hub} id={id} status={program.data?.status} initial={initial} />;
}

function ProgramEditor({ hub, id, status, initial }: { hub: string; id?: string; status?: string; initial: EditorValues }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bilingual = useBilingual();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const [problem, setProblem] = useState<string[] | null>(null);
  const fiscalYear = Number(Form.useWatch('fiscalYear', form) ?? initial.fiscalYear);
  const envelope = useEnvelope(hub, fiscalYear);
  const lineOptions = (envelope.data?.lines ?? []).map((l) => ({ value: l.code, label: `${l.code} · ${bilingual(l.name).primary}` }));

  /** The draft, or null with the reason shown when a list line does not parse. */
  const draft = () => {
    try {
      return draftFromValues(form.getFieldsValue(true) as EditorValues);
    } catch (error) {
      if (!(error instanceof DraftLineError)) throw error;
      setProblem([`${error.field}: ${t('programs.editor.invalidLine', { line: error.line })}`]);
      return null;
    }
  };
  const explain = (error: unknown) => {
    const lines = [describe(error)];
    if (isApiRequestError(error)) for (const f of error.fields) lines.push(`${f.path}: ${fieldText(f.code)}${f.detail ? ` (${f.detail})` : ''}`);
    setProblem(lines);
  };

  const save = useMutation({
    mutationFn: async () => {
      const body = draft();
      if (!body) return null;
      return id ? updateProgram(hub, id, body) : createProgram(hub, body);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      setProblem(null);
      message.success(t('programs.editor.saved', { version: saved.version }));
      await queryClient.invalidateQueries({ queryKey: programsKey(hub) });
      if (!id) void navigate(`/hubs/${hub}/programs/${saved.id}/edit`, { replace: true });
    },
    onError: explain,
  });
  const publish = useMutation({
    mutationFn: () => publishProgram(hub, id!),
    onSuccess: async () => {
      message.success(t('programs.editor.publishedOk'));
      await queryClient.invalidateQueries({ queryKey: programsKey(hub) });
      void navigate(`/hubs/${hub}/programs/${id}`);
    },
    onError: explain,
  });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {id ? t('programs.editor.editTitle', { name: bilingual({ zh: initial.nameZh, en: initial.nameEn }).primary }) : t('programs.editor.createTitle')}
      </Typography.Title>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={() => save.mutate()}>
        <Flex vertical gap={16}>
          <Card title={t('programs.editor.basics')}>
            <Row gutter={16}>
              <Col xs={24} md={12}><Form.Item label={t('programs.editor.nameZh')} name="nameZh" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}><Input /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item label={t('programs.editor.nameEn')} name="nameEn" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}><Input /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item label={t('programs.editor.descriptionZh')} name="descriptionZh"><Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item label={t('programs.editor.descriptionEn')} name="descriptionEn"><Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} /></Form.Item></Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('programs.editor.kind')} name="kind"><Select options={programKinds.map((k) => ({ value: k, label: t(`programs.kinds.${k}`) }))} /></Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('programs.applicantType')} name="applicantType">
                  <Select options={(['organization', 'person'] as const).map((k) => ({ value: k, label: t(`programs.applicantTypes.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('programs.mode')} name="mode">
                  <Select options={(['rule_only', 'reviewed'] as const).map((k) => ({ value: k, label: t(`programs.modes.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item label={t('programs.editor.sectors')} name="sectors">
                  <Select mode="multiple" options={sectors.map((s) => ({ value: s, label: t(`sector.${s}` as 'sector.ai') }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}><Form.Item label={t('programs.editor.opensOn')} name="opensOn" rules={[{ required: true, message: fieldText('REQUIRED') }]}><Input type="date" /></Form.Item></Col>
              <Col xs={12} md={6}><Form.Item label={t('programs.editor.closesOn')} name="closesOn" rules={[{ required: true, message: fieldText('REQUIRED') }]}><Input type="date" /></Form.Item></Col>
              <Col xs={12} md={4}><Form.Item label={t('programs.fiscalYear')} name="fiscalYear"><Input inputMode="numeric" /></Form.Item></Col>
              <Col xs={12} md={8}>
                <Form.Item label={t('programs.budgetLine')} name="budgetLine" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
                  <AutoComplete options={lineOptions} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item noStyle shouldUpdate>
                  {() => (
                    <Form.Item label={t('programs.editor.claimField')} name="claimField">
                      <Select allowClear options={((form.getFieldValue('fields') as EditorValues['fields'] | undefined) ?? []).filter((f) => f?.key).map((f) => ({ value: f.key, label: f.key }))} />
                    </Form.Item>
                  )}
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('programs.editor.onePerApplicant')} name="onePerApplicant" valuePropName="checked"><Switch /></Form.Item>
              </Col>
            </Row>
          </Card>
          <FormFieldsEditor />
          <CriteriaEditor hub={hub} draft={draft} />
          <BenefitEditor />
          <ReviewSettingsEditor />
          {problem && (
            <Alert type="error" role="alert" showIcon message={problem[0]} description={problem.length > 1 ? <ul style={{ margin: 0 }}>{problem.slice(1).map((p) => <li key={p}>{p}</li>)}</ul> : undefined} />
          )}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>{t('programs.editor.save')}</Button>
            {id && status === 'draft' && <Button onClick={() => publish.mutate()} loading={publish.isPending}>{t('programs.publish')}</Button>}
          </Flex>
        </Flex>
      </Form>
    </Flex>
  );
}
