import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Table, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ItemList, ListItem, ListItemMeta } from '../layout/item-list';
import type { ApplicationDetail } from '../api/programs.api';
import type { FormField } from '../../../contracts/programs';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageError, PageLoading } from '../layout/page-states';
import { ShortRef } from '../layout/short-ref';
import { ReviewSections } from '../reviews/review-sections';
import { useAward, useReviewBoard } from '../reviews/use-reviews';
import { AnswersCard } from './answers-card';
import { ApplicationStatusTag } from './application-status';
import { benefitLineText } from './benefit-lines';
import { formatMoment } from '../i18n/format-date';
import { useApplication, useProgram } from './use-programs';
import { useCapabilities } from '../auth/use-capabilities';
import { formatMoney } from '../money/format-money';
import { basisPointsText } from '../budget/percent';
import { Money } from '../money/money';

/** One application: approved with the amount explained line by line, or refused criterion by criterion. */
export function ApplicationResultPage() {
  const { hub = '', id = '' } = useParams();
  const application = useApplication(hub, id);
  if (application.isPending) return <PageLoading />;
  if (application.isError) return <PageError error={application.error} onRetry={() => void application.refetch()} />;
  return <ApplicationResult hub={hub} application={application.data} />;
}

const refusalKeys = ['NOT_ELIGIBLE', 'CAP_REACHED', 'STACKING_LIMIT', 'DUPLICATE_CLAIM', 'NO_TABLE_ROW', 'NOTHING_CLAIMED'] as const;

function ApplicationResult({ hub, application }: { hub: string; application: ApplicationDetail }) {
  const { t } = useTranslation();
  // Staff who read every application go back to the hub's list, not to "my applications".
  const applicationActions = useCapabilities(hub).data?.actions.applications;
  const hubWide = applicationActions?.listAll ?? false;
  // Staff who read, decide or review applications may see why the engine could not judge a criterion; applicants never see its text.
  const staff = Boolean(applicationActions && (applicationActions.listAll || applicationActions.decide || applicationActions.review));
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const program = useProgram(hub, application.programId);
  const form: FormField[] = program.data?.form ?? program.data?.rules?.form ?? [];
  const benefit = application.benefit;
  // Approved by one officer, waiting for the second (two-person rule): not approved yet.
  const board = useReviewBoard(hub, application.id);
  const awaitingSecond = application.status === 'approved' && (board.data?.secondApprovalRequired ?? false);
  const approved = ['approved', 'awarded', 'in_payment', 'closed'].includes(application.status) && !awaitingSecond;
  const refusal = refusalKeys.find((k) => k === application.refusal);
  const programName = program.data ? bilingual(program.data.name).primary : '';
  // Whose application it is: staff assign reviewers and approve money here.
  const applicantName = application.applicant.name ? bilingual(application.applicant.name).primary : null;
  const award = useAward(hub, application.id, approved);
  // Sent and waiting on someone else: a neutral clock, not a blue "!" that reads as a warning.
  const waiting = ['submitted', 'screening', 'in_review', 'appealed'].includes(application.status) || awaitingSecond;
  const { token } = theme.useToken();
  // A tranche waiting for a report is named by the report's name in the page's language, never its key.
  const conditionText = (condition: NonNullable<typeof benefit>['tranches'][number]['condition']) => {
    if (!condition) return t('programs.result.paidNow');
    if (condition.kind === 'milestone_accepted') {
      const milestone = program.data?.milestones.find((m) => m.key === condition.milestone);
      return t('programs.result.waiting_milestone_accepted', { milestone: milestone ? bilingual(milestone.name).primary : condition.milestone });
    }
    return t(`programs.result.waiting_${condition.kind}`, { ...condition });
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 900 }}>
      <Result
        status={approved ? 'success' : ['refused', 'rejected'].includes(application.status) ? 'error' : 'info'}
        icon={waiting ? <ClockCircleOutlined data-testid="waiting-icon" style={{ color: token.colorTextSecondary }} /> : undefined}
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {awaitingSecond ? t('reviews.awaitingSecondApproval') : t(`reviews.status.${application.status}`)}
            {approved && application.amount ? (
              <>
                {' '}
                · <span data-testid="award-amount">{formatMoney(application.amount, locale)}</span>
              </>
            ) : null}
          </Typography.Title>
        }
        subTitle={
          <>
            {applicantName && (
              <>
                <Typography.Text strong data-testid="applicant-name">
                  {applicantName}
                </Typography.Text>{' '}
                ·{' '}
              </>
            )}
            {t('programs.applications.number')} <ShortRef data-testid="application-number">{application.number}</ShortRef> · {programName} ·{' '}
            {formatMoment(application.createdAt, locale)}
          </>
        }
        extra={
          // A gap both ways: on a phone the two buttons wrap onto two lines.
          <Flex gap={8} wrap justify="center" data-testid="result-actions">
            <Link to={`/hubs/${hub}/programs/${application.programId}`}>
              <Button>{t('programs.result.back')}</Button>
            </Link>
            <Link to={`/hubs/${hub}/applications`}>
              <Button type="primary">{hubWide ? t('nav.hubApplications') : t('programs.result.mine')}</Button>
            </Link>
          </Flex>
        }
      />
      {application.status === 'refused' && refusal && (
        <Alert type="error" showIcon title={t('programs.result.refusalLine', { reason: t(`programs.result.refusals.${refusal}`) })} />
      )}

      {benefit && benefit.lines.length > 0 && (
        <Card title={t('programs.result.explanation')}>
          <ol aria-label={t('programs.result.explanation')} style={{ margin: 0, paddingInlineStart: 20 }}>
            {benefit.lines.map((line, index) => (
              <li key={index}>{benefitLineText(line, t, locale, { form, milestones: program.data?.milestones ?? [] })}</li>
            ))}
          </ol>
        </Card>
      )}

      <AnswersCard
        hub={hub}
        applicationId={application.id}
        title={t('programs.result.submitted')}
        answers={application.answers}
        fields={form}
        loading={program.isPending}
      />

      <ReviewSections hub={hub} application={application} reviewed={program.data?.mode === 'reviewed'} fields={form} />

      {/* The plan, until the award (ReviewSections' award card) shows each tranche with its state. */}
      {approved && benefit && program.data?.mode !== 'reviewed' && (award.isError || (award.isSuccess && !award.data)) && (
        <Card title={t('programs.result.tranches')}>
          <Table
            rowKey="seq"
            pagination={false}
            size="small"
            dataSource={benefit.tranches.map((tr, index) => ({ ...tr, seq: index + 1 }))}
            columns={[
              { title: '#', dataIndex: 'seq', width: 48 },
              { title: t('programs.result.amount'), align: 'right', render: (_, tr) => <Money value={tr.amount} /> },
              { title: t('programs.result.share'), render: (_, tr) => basisPointsText(tr.shareBasisPoints) },
              {
                title: t('reviews.award.condition'),
                render: (_, tr) => conditionText(tr.condition),
              },
            ]}
          />
        </Card>
      )}

      <Card title={t('programs.result.screening')} extra={<ApplicationStatusTag status={application.status} awaitingSecondApproval={awaitingSecond} />}>
        <ItemList
          aria-label={t('programs.result.screening')}
          items={application.screening.results}
          renderItem={(r) => (
            <ListItem key={r.key} data-criterion={r.key} data-passed={r.passed}>
              <ListItemMeta
                avatar={
                  r.passed ? <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} /> : <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 18 }} />
                }
                title={
                  <>
                    {bilingual(r.name).primary}{' '}
                    <Typography.Text type={r.passed ? 'success' : 'danger'}>
                      {t('programs.result.criterionState', { state: r.passed ? t('programs.result.passed') : t('programs.result.failed') })}
                    </Typography.Text>
                  </>
                }
                description={
                  r.passed ? null : (
                    <>
                      {r.reason && <div>{bilingual(r.reason).primary}</div>}
                      {r.error && (
                        <Typography.Text type="secondary" data-testid="criterion-not-judged">
                          {staff ? t('programs.result.evalError', { error: r.error }) : t('programs.result.notJudged')}
                        </Typography.Text>
                      )}
                    </>
                  )
                }
              />
            </ListItem>
          )}
        />
      </Card>
    </Flex>
  );
}
