import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Application, Program } from '../api/programs.api';
import { submitApplication } from '../api/programs.api';
import { mayApplyFor } from '../../../contracts/auth';
import { saveDraftAnswers, submitDraft } from '../api/reviews.api';
import { useMe } from '../auth/use-me';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { PageError, PageLoading } from '../layout/page-states';
import { AnswerField, fromAnswers, toAnswers, type AnswerValues } from './answer-fields';
import { isOpenNow } from './program-format';
import { applicationsKey, matchesKey, programsKey, useApplication, useProgram } from './use-programs';

/** Applying: the program's own form, prefilled from what the platform knows; rule-only programs answer at once. */
export function ApplyPage() {
  const { hub = '', id = '' } = useParams();
  const [params] = useSearchParams();
  const draftId = params.get('draft');
  const program = useProgram(hub, id);
  const draft = useApplication(hub, draftId ?? '', Boolean(draftId));
  if (program.isPending || (draftId && draft.isPending)) return <PageLoading />;
  if (program.isError) return <PageError error={program.error} onRetry={() => void program.refetch()} />;
  if (draftId && draft.isError) return <PageError error={draft.error} onRetry={() => void draft.refetch()} />;
  return <ApplyForm key={draftId ?? 'new'} hub={hub} program={program.data} draft={draft.data?.status === 'draft' ? draft.data : null} />;
}

type Values = AnswerValues & { organizationId?: string };

// Text fields the platform can fill in from the applicant's organisations.
const employerKeys = /^(employer|company|organization|organisation)(_name)?$/;

export function ApplyForm({ hub, program, draft }: { hub: string; program: Program; draft: Application | null }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { message, modal } = App.useApp();
  const fieldText = useFieldErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const fields = useMemo(() => program.form ?? program.rules?.form ?? [], [program]);
  const { locale } = useLocale();
  const mine = useMemo(() => (me.data?.organizations ?? []).filter((o) => o.hub === hub), [me.data, hub]);
  // One applies only for a company one may act for (its owner, or a "can apply" colleague); the others are only viewed.
  const organizations = useMemo(() => mine.filter((o) => mayApplyFor(o.role)), [mine]);
  const isOrganization = program.applicantType === 'organization';
  // A draft for a company one now only views can no longer be sent.
  const draftOrganization = draft && isOrganization ? mine.find((o) => o.id === draft.applicant.id) : undefined;
  const draftViewOnly = Boolean(draftOrganization && !mayApplyFor(draftOrganization.role));
  const viewOnly = isOrganization && (draftViewOnly || (organizations.length === 0 && mine.length > 0));
  const viewed = draftOrganization && draftViewOnly ? [draftOrganization] : mine;
  const blocked = isOrganization && (organizations.length === 0 || draftViewOnly);

  const initial = useMemo(() => {
    // A draft comes back as it was saved; a new application is prefilled.
    if (draft)
      return { ...(isOrganization && { organizationId: draft.applicant.id }), ...fromAnswers(fields, draft.answers) } as Record<string, string | undefined>;
    const values: Record<string, string | undefined> = {};
    const chosen = organizations.find((o) => o.id === params.get('organization')) ?? organizations[0];
    if (isOrganization) values.organizationId = chosen?.id;
    for (const f of fields) if (f.type === 'text' && employerKeys.test(f.key) && chosen) values[f.key] = bilingual(chosen.name).primary;
    return values;
    // The form takes these once (initialValues); later changes only recompute the prefilled marks.
  }, [draft, organizations, fields, isOrganization, params, bilingual]);
  const prefilledKeys = new Set(Object.keys(initial).filter((k) => initial[k]));

  const input = (values: Values) => ({
    ...(isOrganization && { organizationId: values.organizationId }),
    answers: toAnswers(fields, values),
  });
  // Answer problems go under their fields (paths answers.<key>); anything else is one sentence.
  const fieldFor = (path: string) => {
    if (path === 'organizationId') return ['organizationId'];
    const answer = /^answers\.([^.]+)/.exec(path)?.[1];
    return answer && fields.some((f) => f.key === answer) ? [answer] : null;
  };
  // One key per form fill: a double click applies once; changing an answer makes a new attempt.
  const submit = useFormMutation({
    form,
    idempotent: true,
    fieldFor,
    mutationFn: async (values: Values, key) => {
      if (!draft) return submitApplication(hub, program.id, input(values), key);
      await saveDraftAnswers(hub, draft.id, input(values).answers);
      return submitDraft(hub, draft.id);
    },
    onSuccess: async (application) => {
      await Promise.all([applicationsKey(hub), programsKey(hub), matchesKey(hub)].map((k) => queryClient.invalidateQueries({ queryKey: k })));
      void navigate(`/hubs/${hub}/applications/${application.id}`);
    },
  });
  const save = useFormMutation({
    form,
    idempotent: true,
    fieldFor,
    mutationFn: (values: Values, key) =>
      draft ? saveDraftAnswers(hub, draft.id, input(values).answers) : submitApplication(hub, program.id, { ...input(values), draft: true }, key),
    onSuccess: async (saved) => {
      message.success(t('programs.form.draftSaved'));
      await queryClient.invalidateQueries({ queryKey: applicationsKey(hub) });
      if (!draft) void navigate(`/hubs/${hub}/programs/${program.id}/apply?draft=${saved.id}`, { replace: true });
    },
  });
  const open = isOpenNow(program);
  // Rule-only programs decide (and pay) the moment the form is sent: the applicant confirms first.
  const instant = program.mode === 'rule_only';
  const send = () => {
    save.clearFailure();
    if (!instant) return submit.submit(form.getFieldsValue(true));
    modal.confirm({
      title: t('programs.form.instantConfirm'),
      okText: t('programs.form.submit'),
      cancelText: t('org.cancel'),
      onOk: () => submit.submit(form.getFieldsValue(true)),
    });
  };
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {t('programs.form.title', { name: bilingual(program.name).primary })}
      </Typography.Title>
      {!open && <Alert type="warning" showIcon title={t('programs.form.closed')} />}
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={() => {
            submit.onValuesChange();
            save.onValuesChange();
          }}
          onFinish={send}
        >
          {isOrganization ? (
            viewOnly ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('programs.form.viewOnly', {
                  name: new Intl.ListFormat(locale, { type: 'conjunction' }).format(viewed.map((o) => bilingual(o.name).primary)),
                  count: Math.max(1, viewed.length),
                })}
              />
            ) : organizations.length === 0 ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('programs.form.noOrganization')}
                action={<Link to={`/hubs/${hub}/organizations/new`}>{t('org.register')}</Link>}
              />
            ) : (
              <Form.Item
                label={t('programs.form.organization')}
                name="organizationId"
                required
                rules={[{ required: true, message: fieldText('REQUIRED') }]}
                extra={prefilledKeys.has('organizationId') ? t('programs.form.prefilled') : t('programs.form.organizationHint')}
              >
                <Select options={organizations.map((o) => ({ value: o.id, label: bilingual(o.name).primary }))} />
              </Form.Item>
            )
          ) : (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('programs.form.personNote')} />
          )}
          {fields.map((field) => (
            <AnswerField key={field.key} field={field} prefilled={prefilledKeys.has(field.key)} />
          ))}
          <FormFailure failure={submit.failure ?? save.failure} />
          {instant && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('programs.form.instantNote')} />}
          {/* Three buttons: on a phone in English they wrap onto a second line rather than run off the edge. */}
          <Flex gap={8} wrap data-testid="apply-actions">
            <Button type="primary" htmlType="submit" loading={submit.submitting} disabled={!open || blocked}>
              {t('programs.form.submit')}
            </Button>
            {program.mode === 'reviewed' && (
              <Button
                onClick={() => {
                  submit.clearFailure();
                  save.submit(form.getFieldsValue(true));
                }}
                loading={save.submitting}
                disabled={blocked}
              >
                {t('programs.form.saveDraft')}
              </Button>
            )}
            <Link to={`/hubs/${hub}/programs/${program.id}`}>
              <Button>{t('programs.result.back')}</Button>
            </Link>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
