import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Program } from '../api/programs.api';
import { allows } from '../auth/allows';
import { inviteMatched, runMatching, type ProgramMatch } from '../api/programs.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PartError } from '../layout/page-states';
import { formatMoment } from '../i18n/format-date';
import { matchesKey, matchingMissing, useMatches } from './use-programs';

type Change = 'run' | 'invite';
type Values = { change: Change };

/** Staff: who qualifies for this program and has not applied (the matches endpoint); running matching now and inviting them, for whom the server allows. */
export function QualifiersCard({ hub, program }: { hub: string; program: Program }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const matches = useMatches(hub, program.id);
  const [form] = Form.useForm<Values>();
  // One form whose two buttons say which write (a hidden field): run matching now, or invite those who qualify.
  const act = useFormMutation({
    form,
    mutationFn: async (v: Values) => (v.change === 'run' ? { run: await runMatching(hub, program.id) } : { invite: await inviteMatched(hub, program.id) }),
    onSuccess: async (done) => {
      if (done.run) {
        message.success(t('programs.matches.ran', { matches: done.run.matches, seconds: done.run.seconds.toFixed(2) }));
        await queryClient.invalidateQueries({ queryKey: matchesKey(hub) });
      } else if (done.invite) {
        message.success(t('programs.matches.invitedCount', { invited: done.invite.invited, emailed: done.invite.emailed }));
      }
    },
  });
  const pending = (c: Change) => act.submitting && act.mutation.variables?.change === c;
  const qualifying = matches.data?.items.length ?? 0;
  if (matches.isError && matchingMissing(matches.error)) return <Alert type="info" showIcon title={t('programs.matches.unavailable')} />;
  if (matches.isError) return <PartError error={matches.error} onRetry={() => void matches.refetch()} />;
  return (
    <Card
      title={t('programs.matches.qualifiers')}
      extra={
        <Form<Values> name="qualifiers" form={form} initialValues={{ change: 'run' }} onValuesChange={act.onValuesChange} onFinish={act.submit}>
          <Form.Item name="change" hidden>
            <Input />
          </Form.Item>
          <Space>
            {allows(program, 'runMatching') && (
              <Button onClick={() => act.submitWith({ change: 'run' })} loading={pending('run')} disabled={act.submitting}>
                {t('programs.matches.run')}
              </Button>
            )}
            {allows(program, 'inviteMatched') && (
              <Button
                type="primary"
                onClick={() => act.submitWith({ change: 'invite' })}
                loading={pending('invite')}
                disabled={qualifying === 0 || act.submitting}
              >
                {t('programs.matches.invite')}
              </Button>
            )}
          </Space>
        </Form>
      }
    >
      <FormFailure failure={act.failure} />
      <Table<ProgramMatch>
        rowKey={(m) => m.applicant.id}
        loading={matches.isPending}
        dataSource={matches.data?.items ?? []}
        locale={{ emptyText: t('programs.matches.qualifiersNone') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('programs.matches.applicant'), render: (_, m) => (m.applicant.name ? bilingual(m.applicant.name).primary : m.applicant.id) },
          {
            title: t('programs.matches.reasons'),
            render: (_, m) =>
              m.reasons.map((r) => (
                <Tag key={r.key} color="green">
                  {bilingual(r.name).primary}
                </Tag>
              )),
          },
          { title: t('programs.matches.atApplication'), render: (_, m) => m.atApplication.map((r) => <Tag key={r.key}>{bilingual(r.name).primary}</Tag>) },
          { title: t('programs.matches.matchedAt'), render: (_, m) => formatMoment(m.matchedAt, locale) },
        ]}
      />
    </Card>
  );
}
