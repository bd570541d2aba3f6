import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Program } from '../api/programs.api';
import { allows } from '../auth/allows';
import { inviteMatched, runMatching, type ProgramMatch } from '../api/programs.api';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageError } from '../layout/page-states';
import { formatMoment } from './program-format';
import { matchesKey, matchingMissing, useMatches } from './use-programs';

/** Staff: who qualifies for this program and has not applied (the matches endpoint); running matching now and inviting them, for whom the server allows. */
export function QualifiersCard({ hub, program }: { hub: string; program: Program }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const matches = useMatches(hub, program.id);
  const run = useMutation({
    mutationFn: () => runMatching(hub, program.id),
    onSuccess: async (counts) => {
      message.success(t('programs.matches.ran', { matches: counts.matches, seconds: counts.seconds.toFixed(2) }));
      await queryClient.invalidateQueries({ queryKey: matchesKey(hub) });
    },
    onError: (error) => message.error(describe(error)),
  });
  const invite = useMutation({
    mutationFn: () => inviteMatched(hub, program.id),
    onSuccess: (sent) => message.success(t('programs.matches.invitedCount', { invited: sent.invited, emailed: sent.emailed })),
    onError: (error) => message.error(describe(error)),
  });
  const qualifying = matches.data?.items.length ?? 0;
  if (matches.isError && matchingMissing(matches.error)) return <Alert type="info" showIcon message={t('programs.matches.unavailable')} />;
  if (matches.isError) return <PageError error={matches.error} onRetry={() => void matches.refetch()} />;
  return (
    <Card
      title={t('programs.matches.qualifiers')}
      extra={
        <Space>
          {allows(program, 'runMatching') && (
            <Button onClick={() => run.mutate()} loading={run.isPending}>
              {t('programs.matches.run')}
            </Button>
          )}
          {allows(program, 'inviteMatched') && (
            <Button type="primary" onClick={() => invite.mutate()} loading={invite.isPending} disabled={qualifying === 0}>
              {t('programs.matches.invite')}
            </Button>
          )}
        </Space>
      }
    >
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
