import { Alert, Button, Card, Descriptions, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ItemList, ListItem, ListItemMeta } from '../layout/item-list';
import type { Program } from '../api/programs.api';
import { allows } from '../auth/allows';
import { useMe } from '../auth/use-me';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageError, PageLoading } from '../layout/page-states';
import { ApplicationsTable } from './applications.table';
import { benefitSummary } from './benefit-summary';
import { budgetLeftText, isOpenNow } from './program-format';
import { formatDay } from '../i18n/format-date';
import { ProgramTags } from './program-tags';
import { PublishProgramForm } from './publish-program.form';
import { QualifiersCard } from './qualifiers.card';
import { OutcomesCard } from './simulation/outcomes-card';
import { useProgram } from './use-programs';

/** One program, public: what it gives, to whom, the window, the budget left; Apply for the signed in. */
export function ProgramPage() {
  const { hub = '', id = '' } = useParams();
  const { t } = useTranslation();
  const program = useProgram(hub, id);
  if (program.isPending) return <PageLoading />;
  if (program.isError) return <PageError error={program.error} onRetry={() => void program.refetch()} />;
  const about = <ProgramAbout program={program.data} />;
  const header = <ProgramHeader hub={hub} program={program.data} />;
  // Those who may read the program's applications (staff) see them, and its qualifiers, in tabs.
  if (!allows(program.data, 'readApplications'))
    return (
      <Flex vertical gap={16}>
        {header}
        {about}
      </Flex>
    );
  // Staff see the program in tabs under its name, so each tab says which program it is.
  return (
    <Flex vertical gap={8}>
      {header}
      <Tabs
        items={[
          { key: 'about', label: t('programs.tabs.about'), children: about },
          { key: 'qualifies', label: t('programs.tabs.qualifies'), children: <QualifiersCard hub={hub} program={program.data} /> },
          { key: 'applications', label: t('programs.tabs.applications'), children: <ApplicationsTable hub={hub} program={program.data.id} /> },
          // Outcome studies are read by hub staff, a wider set than those who read applications.
          { key: 'outcomes', label: t('programs.tabs.outcomes'), children: <OutcomesCard hub={hub} program={program.data.id} /> },
        ]}
      />
    </Flex>
  );
}

function ProgramHeader({ hub, program }: { hub: string; program: Program }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const me = useMe();
  const location = useLocation();
  const name = bilingual(program.name);
  const open = isOpenNow(program);
  const canApply = allows(program, 'apply');
  const applyTo = `/hubs/${hub}/programs/${program.id}/apply`;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={1} style={{ margin: 0 }}>
            {name.primary}
          </Typography.Title>
        </div>
        <Flex gap={8} wrap>
          {allows(program, 'edit') && (
            <Link to={`/hubs/${hub}/programs/${program.id}/edit`}>
              <Button>{t('programs.edit')}</Button>
            </Link>
          )}
          {allows(program, 'publish') && <PublishProgramForm hub={hub} id={program.id} />}
          {/* Signed in: the button only for one the server lets apply now (never the hub's auditor; nobody once the window closes). */}
          {me.data ? (
            canApply && (
              <Link to={applyTo}>
                <Button type="primary">{t('programs.apply')}</Button>
              </Link>
            )
          ) : (
            <Link to={`/sign-in?next=${encodeURIComponent(applyTo)}`} state={{ from: location.pathname }}>
              <Button type="primary">{t('programs.signInToApply')}</Button>
            </Link>
          )}
        </Flex>
      </Flex>
      {!open && program.status === 'published' && <Alert type="info" showIcon title={t('programs.form.closed')} />}
    </>
  );
}

function ProgramAbout({ program }: { program: Program }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  return (
    <Flex vertical gap={16}>
      <Card title={t('programs.whatItGives')} extra={<ProgramTags program={program} />}>
        <ul aria-label={t('programs.summary.label')} style={{ paddingInlineStart: 20, marginTop: 0 }}>
          {benefitSummary(program.benefit, program, t, locale).map((line) => (
            <li key={line}>
              <Typography.Text>{line}</Typography.Text>
            </li>
          ))}
        </ul>
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {bilingual(program.description).primary}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('programs.window')}>
            {t('programs.windowValue', { from: formatDay(program.window.opensOn, locale), to: formatDay(program.window.closesOn, locale) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('programs.budgetLeft')}>{budgetLeftText(program, locale) ?? t('programs.budgetUnknown')}</Descriptions.Item>
          <Descriptions.Item label={t('programs.applicantType')}>{t(`programs.applicantTypes.${program.applicantType}`)}</Descriptions.Item>
          <Descriptions.Item label={t('programs.mode')}>{t(`programs.modes.${program.mode}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('programs.whoQualifies')}>
        {program.criteria.length === 0 ? (
          <Typography.Text>{t('programs.noConditions')}</Typography.Text>
        ) : (
          <ItemList
            items={program.criteria}
            renderItem={(c) => (
              <ListItem key={c.key}>
                <ListItemMeta title={bilingual(c.name).primary} description={bilingual(c.reason).primary} />
              </ListItem>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
