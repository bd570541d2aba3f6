import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdentityClaim } from '../api/talent.api';
import { formatDay, formatMomentDayIn } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';

type Degree = IdentityClaim['person']['degrees'][number];

/** Who claims, in words for a title: their name as given, else their address, else "the claimant". */
export function useClaimantName(): (claim: IdentityClaim) => string {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  return (claim) => (claim.claimant.name ? bilingual(claim.claimant.name).primary : (claim.claimant.email ?? t('stays.claims.theClaimant')));
}

/** Degrees as declared, one a line: level · university · graduation day. */
function DegreeLines({ degrees }: { degrees: Degree[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (degrees.length === 0) return <Typography.Text type="secondary">{t('stays.claims.noDegrees')}</Typography.Text>;
  return (
    <>
      {degrees.map((d) => (
        <Typography.Text key={`${d.level}-${d.graduatesOn}-${d.university}`}>
          {[t(`stays.levels.${d.level}`), d.university, formatDay(d.graduatesOn, locale)].join(' · ')}
        </Typography.Text>
      ))}
    </>
  );
}

/** The claimant: their name and address as the account gives them, and the degrees they declared. */
export function ClaimantText({ claim }: { claim: IdentityClaim }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const name = claim.claimant.name ? bilingual(claim.claimant.name) : null;
  return (
    <Flex vertical>
      {name ? (
        <Typography.Text strong>
          {name.primary} <Typography.Text type="secondary">{name.secondary}</Typography.Text>
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('stays.claims.noName')}</Typography.Text>
      )}
      <Typography.Text>{claim.claimant.email ?? t('stays.claims.noEmail')}</Typography.Text>
      <DegreeLines degrees={claim.claimant.degrees} />
    </Flex>
  );
}

/** The record claimed: name, birth date, masked resident identity number, degrees, whether another account uses it. */
export function RecordText({ claim }: { claim: IdentityClaim }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const { person } = claim;
  const name = bilingual(person.name);
  return (
    <Flex vertical>
      <Typography.Text strong>
        {name.primary} <Typography.Text type="secondary">{name.secondary}</Typography.Text>
      </Typography.Text>
      {person.bornOn && (
        <Typography.Text>{t('punct.labelledValue', { label: t('stays.claims.bornOn'), value: formatDay(person.bornOn, locale) })}</Typography.Text>
      )}
      {person.residentIdMasked && (
        <Typography.Text>
          {t('punct.labelled', { label: t('stays.claims.residentId') })}
          <Typography.Text code>{person.residentIdMasked}</Typography.Text>
        </Typography.Text>
      )}
      <DegreeLines degrees={person.degrees} />
      <Tag color={person.usedByAnotherAccount ? 'orange' : 'default'} style={{ width: 'fit-content', marginTop: 4 }}>
        {person.usedByAnotherAccount ? t('stays.claims.usedByAnother') : t('stays.claims.unused')}
      </Tag>
    </Flex>
  );
}

const statusColor: Record<IdentityClaim['status'], string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** A decided claim: approved or rejected, on which of the hub's days, and the note. */
export function DecisionText({ claim, timeZone }: { claim: IdentityClaim; timeZone: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Flex vertical align="start">
      <Tag color={statusColor[claim.status]}>{t(`stays.claims.statuses.${claim.status}`)}</Tag>
      {claim.decidedAt && (
        <Typography.Text type="secondary">{t('stays.claims.decidedOn', { date: formatMomentDayIn(claim.decidedAt, timeZone, locale) })}</Typography.Text>
      )}
      {claim.note && <Typography.Text>{claim.note}</Typography.Text>}
    </Flex>
  );
}
