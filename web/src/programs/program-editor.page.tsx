import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, Popconfirm, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { programKinds } from '../../../contracts/programs';
import { sectors } from '../../../contracts/organizations';
import type { Program, ProgramDraft } from '../api/programs.api';
import { useFormMutation } from '../forms/use-form-mutation';
import { EditorSaveBar } from './editor-save-bar';
import { editorFieldFor } from './editor-field-for';
import { createProgram, publishProgram, updateProgram } from '../api/programs.api';
import { useEnvelope } from '../budget/use-budget';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { allows } from '../auth/allows';
import { useCapabilities } from '../auth/use-capabilities';
import { useBilingual } from '../i18n/use-bilingual';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { BenefitEditor, FormFieldsEditor } from './rules-editor';
import { CriteriaEditor } from './rule-builder/criteria-editor';
import { DraftLineError } from './draft-line-error';
import { markDraftLine } from './draft-line-field';
import { draftFromValues, newProgramValues, valuesFromProgram, type EditorValues } from './program-draft';
import { useHubToday } from '../stays/hub-today';
import { ObligationsEditor } from '../obligations/obligations-editor';
import { NoticePeriodEditor } from './notice-period-editor';
import { ReviewSettingsEditor } from './review-settings-editor';
import { SimulationPanel } from './simulation/simulation-panel';
import { programsKey, useProgram } from './use-programs';
import { DayPicker } from '../forms/day-picker';

/** Program officers: create or change a program (names, window, budget line, form, criteria, formula) and publish it. */
export function ProgramEditorPage() {
  const { hub = '', id } = useParams();
  const { t } = useTranslation();
  const capabilities = useCapabilities(hub);
  const program = useProgram(hub, id ?? '');
  const today = useHubToday();
  if (id ? program.isPending : capabilities.isPending) return <PageLoading />;
  if (id && program.isError) return <PageError error={program.error} onRetry={() => void program.refetch()} />;
  // The server says who may change this program (allowedActions) or create one (capabilities).
  const canEdit = id ? allows(program.data, 'edit') : (capabilities.data?.actions.programs.create ?? false);
  if (!canEdit) return <NotFoundPage title={t('programs.editor.officersOnly')} />;
  const initial = id && program.data ? valuesFromProgram(program.data) : newProgramValues(today.format('YYYY-MM-DD'));
  return <ProgramEditor key={id ?? 'new'} hub={hub} id={id} status={program.data?.status} initial={initial} />;
}

function ProgramEditor({ hub, id, status, initial }: { hub: string; id?: string; status?: string; initial: EditorValues }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bilingual = useBilingual();
  const fieldText = useFieldErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const [dirty, setDirty] = useState(false);
  const fiscalYear = Number(Form.useWatch('fiscalYear', form) ?? initial.fiscalYear);
  const envelope = useEnvelope(hub, fiscalYear);
  // Lines by name, the code after it in grey; a line the year's budget does not have (yet) keeps its code.
  const budgetLine = (Form.useWatch('budgetLine', form) as string | undefined) ?? initial.budgetLine;
  const lines = envelope.data?.lines ?? [];
  const lineOptions = [
    ...lines.map((l) => ({ value: l.code, label: bilingual(l.name).primary, code: l.code })),
    ...(budgetLine && !lines.some((l) => l.code === budgetLine) ? [{ value: budgetLine, label: budgetLine, code: budgetLine }] : []),
  ];

  const save = useFormMutation<ProgramDraft, Program>({
    form,
    mutationFn: (body) => (id ? updateProgram(hub, id, body) : createProgram(hub, body)),
    fieldFor: editorFieldFor,
    onSuccess: async (saved) => {
      setDirty(false);
      message.success(t('programs.editor.saved', { version: saved.version }));
      await queryClient.invalidateQueries({ queryKey: programsKey(hub) });
      if (!id) void navigate(`/hubs/${hub}/programs/${saved.id}/edit`, { replace: true });
    },
  });
  /** The draft, or the row that does not fit put under its field. */
  const submit = (values: EditorValues) => {
    try {
      save.submit(draftFromValues({ ...(form.getFieldsValue(true) as EditorValues), ...values }));
    } catch (error) {
      if (!(error instanceof DraftLineError)) throw error;
      markDraftLine(form, error, t);
    }
  };
  const publish = useMutation({
    mutationFn: () => publishProgram(hub, id!),
    onSuccess: async () => {
      message.success(t('programs.editor.publishedOk'));
      await queryClient.invalidateQueries({ queryKey: programsKey(hub) });
      void navigate(`/hubs/${hub}/programs/${id}`);
    },
  });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {id ? t('programs.editor.editTitle', { name: bilingual({ zh: initial.nameZh, en: initial.nameEn }).primary }) : t('programs.editor.createTitle')}
      </Typography.Title>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={() => setDirty(true)}>
        <Flex vertical gap={16}>
          <Card title={t('programs.editor.basics')}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label={t('programs.editor.nameZh')} name="nameZh" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('programs.editor.nameEn')} name="nameEn" rules={[{ required: true, whitespace: true, message: fieldText('REQUIRED') }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('programs.editor.descriptionZh')} name="descriptionZh">
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('programs.editor.descriptionEn')} name="descriptionEn">
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('programs.editor.kind')} name="kind">
                  <Select options={programKinds.map((k) => ({ value: k, label: t(`programs.kinds.${k}`) }))} />
                </Form.Item>
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
              <Col xs={12} md={6}>
                <Form.Item label={t('programs.editor.opensOn')} name="opensOn" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
                  <DayPicker />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label={t('programs.editor.closesOn')} name="closesOn" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
                  <DayPicker />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label={t('programs.fiscalYear')} name="fiscalYear">
                  <Input inputMode="numeric" />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item label={t('programs.budgetLine')} name="budgetLine" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
                  <Select
                    showSearch={{ optionFilterProp: ['label', 'code'] }}
                    options={lineOptions}
                    optionRender={(option) => (
                      <Flex justify="space-between" gap={8}>
                        <span>{option.data.label}</span>
                        {option.data.label !== option.data.code && <Typography.Text type="secondary">{option.data.code}</Typography.Text>}
                      </Flex>
                    )}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item noStyle shouldUpdate>
                  {() => (
                    <Form.Item label={t('programs.editor.claimField')} name="claimField">
                      <Select
                        allowClear
                        options={((form.getFieldValue('fields') as EditorValues['fields'] | undefined) ?? [])
                          .filter((f) => f?.key)
                          .map((f) => ({ value: f.key, label: f.key }))}
                      />
                    </Form.Item>
                  )}
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('programs.editor.onePerApplicant')} name="onePerApplicant" valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <FormFieldsEditor />
          <CriteriaEditor hub={hub} />
          <BenefitEditor />
          <NoticePeriodEditor />
          <ReviewSettingsEditor />
          <ObligationsEditor hub={hub} />
          {id && <SimulationPanel hub={hub} id={id} form={form} />}
          <EditorSaveBar dirty={dirty} saving={save.submitting} failure={save.failure ?? publish.error}>
            {id && status === 'draft' && (
              <Popconfirm
                title={t('programs.publishConfirm')}
                okText={t('programs.publishOk')}
                cancelText={t('org.cancel')}
                onConfirm={() => publish.mutate()}
                disabled={dirty || save.submitting}
              >
                <Button loading={publish.isPending} disabled={dirty || save.submitting}>
                  {t('programs.publish')}
                </Button>
              </Popconfirm>
            )}
          </EditorSaveBar>
        </Flex>
      </Form>
    </Flex>
  );
}
