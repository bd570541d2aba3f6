import { Button, Card, Col, Descriptions, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Program } from '../api/programs.api';
import { useMe } from '../auth/use-me';
import { useCapabilities } from '../auth/use-capabilities';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageLoading, PartError } from '../layout/page-states';
import { MyMatchesCard } from './matches.card';
import { budgetLeftText } from './program-format';
import { formatDay } from '../i18n/format-date';
import { ProgramTags } from './program-tags';
import { usePrograms } from './use-programs';

/** The hub's program catalog: what each gives, to whom, the window and the budget left. */
export function ProgramsCatalogPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const capabilities = useCapabilities(hub).data;
  const canEdit = capabilities?.actions.programs.create ?? false;
  // Staff who read the hub's applications apply seldom: no empty "for you" panel above the catalogue.
  const staff = capabilities?.actions.applications.listAll ?? false;
  const programs = usePrograms(hub);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={1} style={{ margin: 0 }}>
            {t('programs.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('programs.intro')}</Typography.Text>
        </div>
        <Flex gap={8} wrap>
          <Link to={`/hubs/${hub}/open`}>
            <Button>{t('open.link')}</Button>
          </Link>
          {canEdit && (
            <Link to={`/hubs/${hub}/programs/new`}>
              <Button type="primary">{t('programs.newProgram')}</Button>
            </Link>
          )}
        </Flex>
      </Flex>
      {me.data && <MyMatchesCard hub={hub} hideWhenNone={staff} />}
      {programs.isPending ? (
        <PageLoading />
      ) : programs.isError ? (
        <PartError error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.items.length === 0 ? (
        <Card>
          <Empty description={t('programs.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {programs.data.items.map((program) => (
            <Col key={program.id} xs={24} md={12} xl={8}>
              <ProgramCard
                hub={hub}
                program={program}
                sharing={programs.data.items.filter((p) => p.id !== program.id && p.budgetLine === program.budgetLine).length}
              />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}

/** A program's card; `sharing`: how many other listed programs spend the same budget line (their budget left is one sum). */
function ProgramCard({ hub, program, sharing }: { hub: string; program: Program; sharing: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const name = bilingual(program.name);
  const left = budgetLeftText(program, locale);
  return (
    <Card
      title={
        <Link to={`/hubs/${hub}/programs/${program.id}`} style={{ whiteSpace: 'normal' }}>
          {name.primary}
        </Link>
      }
      style={{ height: '100%' }}
      aria-label={name.primary}
    >
      <div style={{ marginBottom: 12 }}>
        <ProgramTags program={program} />
      </div>
      {/* Keyed by language: antd keeps a cut-short text's first aria-label across a change of its text. */}
      <Typography.Paragraph key={locale} type="secondary" ellipsis={{ rows: 4, expandable: true, symbol: '…' }}>
        {bilingual(program.description).primary}
      </Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('programs.window')}>
          {t('programs.windowValue', { from: formatDay(program.window.opensOn, locale), to: formatDay(program.window.closesOn, locale) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('programs.budgetLeft')}>
          {left === null ? t('programs.budgetUnknown') : sharing > 0 ? t('programs.budgetShared', { left, count: sharing }) : left}
        </Descriptions.Item>
        <Descriptions.Item label={t('programs.whoQualifies')}>
          {program.criteria.length === 0 ? (
            t('programs.noConditions')
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {program.criteria.map((c) => (
                <li key={c.key}>{bilingual(c.name).primary}</li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Link to={`/hubs/${hub}/programs/${program.id}`}>
        <Button>{t('programs.open')}</Button>
      </Link>
    </Card>
  );
}
