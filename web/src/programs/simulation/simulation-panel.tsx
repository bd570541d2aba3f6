import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, InputNumber, Row, Statistic, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../../layout/item-list';
import { saveSimulation, simulateProgram, type Simulation, type SimulationInput } from '../../api/simulation.api';
import { EChart } from '../../ecosystem/echart';
import { FormFailure } from '../../forms/form-failure';
import { useFormMutation } from '../../forms/use-form-mutation';
import { useDistrictName } from '../../hubs/use-district-name';
import { useLocale } from '../../i18n/locale-context';
import { useBilingual } from '../../i18n/use-bilingual';
import { Money } from '../../money/money';
import { MoneyInput } from '../../money/money-input';
import { DraftLineError } from '../draft-line-error';
import { markDraftLine } from '../draft-line-field';
import { draftFromValues, type EditorValues } from '../program-draft';
import { SavedSimulations, savedSimulationsKey } from './saved-simulations';
import { groupBarsOption } from './simulation-chart';

type Values = { takeUp: number | null; claim?: string };
type Run = Values & { rules: SimulationInput['rules'] };

/**
 * The program editor's "Simulate" card: the rules as filled in, run over the hub's ecosystem; a
 * run may be kept with the program's version. Its own form on the one pattern (take-up and the
 * assumed claim), inside the editor's form, so it renders no <form> of its own; a line of the
 * rules that does not parse is marked in the editor, where it is.
 */
export function SimulationPanel({ hub, id, form }: { hub: string; id: string; form: FormInstance<EditorValues> }) {
  const { t } = useTranslation();
  const [simForm] = Form.useForm<Values>();
  const percentage = Form.useWatch('benefitType', form) === 'percentage';
  const run = useFormMutation({
    form: simForm,
    fieldFor: (path) => (path === 'takeUpBasisPoints' ? ['takeUp'] : path.startsWith('assumedAnswers') ? ['claim'] : null),
    mutationFn: async ({ rules, takeUp, claim }: Run) => {
      const field = rules.benefit.type === 'percentage' ? rules.benefit.of : undefined;
      const input: SimulationInput = { rules, takeUpBasisPoints: Math.round((takeUp ?? 0) * 100), assumedAnswers: field && claim ? { [field]: claim } : {} };
      return { input, sim: await simulateProgram(hub, id, input) };
    },
  });
  const simulate = (values: Values) => {
    try {
      run.submit({ ...values, rules: draftFromValues(form.getFieldsValue(true) as EditorValues).rules });
    } catch (error) {
      if (!(error instanceof DraftLineError)) throw error;
      markDraftLine(form, error, t);
    }
  };
  const shown = run.mutation.data;
  return (
    <Card title={t('programs.simulation.title')}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('programs.simulation.hint')}
        </Typography.Paragraph>
        <FormFailure failure={run.failure} />
        <Form<Values>
          name="simulation"
          component={false}
          form={simForm}
          layout="vertical"
          initialValues={{ takeUp: 100 }}
          onValuesChange={run.onValuesChange}
          onFinish={simulate}
        >
          <Flex gap={16} wrap align="end">
            <Form.Item name="takeUp" label={t('programs.simulation.takeUp')} style={{ marginBottom: 0 }}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            {percentage && (
              <Form.Item name="claim" label={t('programs.simulation.claim')} style={{ marginBottom: 0, minWidth: 200 }}>
                <MoneyInput />
              </Form.Item>
            )}
            {/* Not a submit button: the editor's <form> is the one around it. */}
            <Button type="primary" onClick={() => simForm.submit()} loading={run.submitting}>
              {t('programs.simulation.run')}
            </Button>
            {shown && <KeepRun key={run.mutation.submittedAt} hub={hub} id={id} input={shown.input} />}
          </Flex>
        </Form>
        {shown && <SimulationFigures sim={shown.sim} criteria={shown.input.rules.criteria} />}
        <SavedSimulations hub={hub} id={id} />
      </Flex>
    </Card>
  );
}

/** Keeping the run shown: the server runs it again with the same inputs and attaches it to the current version. A form of one button. */
function KeepRun({ hub, id, input }: { hub: string; id: string; input: SimulationInput }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, never>>();
  const keep = useFormMutation({
    form,
    mutationFn: () => saveSimulation(hub, id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSimulationsKey(hub, id) }),
  });
  const kept = keep.mutation.isSuccess;
  return (
    <Form name="keep-simulation" component={false} form={form} onFinish={keep.submit}>
      <Flex vertical gap={8}>
        <FormFailure failure={keep.failure} />
        <Button onClick={() => form.submit()} loading={keep.submitting} disabled={kept}>
          {kept ? t('programs.simulation.saved.kept') : t('programs.simulation.saved.keep')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The run's figures; `criteria` are the draft rules it ran, to name those left for the application by their names. */
function SimulationFigures({ sim, criteria }: { sim: Simulation; criteria: SimulationInput['rules']['criteria'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const listFormat = (words: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(words);
  // A criterion by its name in the page's language; its key only if the draft no longer has it (never expected).
  const criterionName = (key: string) => {
    const criterion = criteria.find((c) => c.key === key);
    return criterion ? bilingual(criterion.name).primary : key;
  };
  const label = (by: string, key: string) =>
    by === 'sector'
      ? key === 'none'
        ? t('programs.simulation.none')
        : t(`sector.${key}` as 'sector.ai')
      : key === 'unknown'
        ? t('programs.simulation.unknownSize')
        : key;
  const districtName = useDistrictName();
  const sectors = sim.breakdowns.find((b) => b.by === 'sector' || b.by === 'talentTier');
  const districts = sim.breakdowns.find((b) => b.by === 'district');
  const sizes = sim.breakdowns.find((b) => b.by === 'size' || b.by === 'degree');
  const names = (list: Simulation['gained']) =>
    list.sample.length ? listFormat(list.sample.map((s) => bilingual(s.name).primary)) : t('programs.simulation.none');
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('programs.simulation.qualify')} value={sim.draft.qualify} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('programs.simulation.qualifyCurrent')} value={sim.current.qualify} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('programs.simulation.cost')} valueRender={() => <Money value={sim.draft.cost} short />} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('programs.simulation.expected')} valueRender={() => <Money value={sim.expectedCost} short />} />
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('programs.simulation.budgetLeft')}>{sim.budgetLeft === null ? '—' : <Money value={sim.budgetLeft} />}</Descriptions.Item>
        <Descriptions.Item label={t('programs.simulation.shareOfLeft')}>
          {sim.shareOfBudgetLeftBasisPoints === null ? t('programs.simulation.noBudget') : `${(sim.shareOfBudgetLeftBasisPoints / 100).toFixed(1)}%`}
        </Descriptions.Item>
        {sim.amounts && (
          <Descriptions.Item label={t('programs.simulation.perAward')} span="filled">
            <Money value={sim.amounts.min} /> / <Money value={sim.amounts.median} /> / <Money value={sim.amounts.max} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {sim.atApplication.length > 0 && (
        <Alert type="info" showIcon title={t('programs.simulation.atApplication', { keys: listFormat(sim.atApplication.map(criterionName)) })} />
      )}
      <Row gutter={[16, 16]}>
        {sectors && sectors.rows.length > 0 && (
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('programs.simulation.chart')}</Typography.Title>
            <EChart
              option={groupBarsOption(
                sectors.rows.slice(0, 12).map((r) => ({ label: label(sectors.by, r.key), qualify: r.qualify })),
                t('programs.simulation.qualify'),
              )}
              height={Math.max(160, Math.min(12, sectors.rows.length) * 28 + 24)}
              label={t('programs.simulation.chart')}
            />
          </Col>
        )}
        {sizes && sizes.rows.length > 0 && (
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('programs.simulation.chartBySize')}</Typography.Title>
            <EChart
              option={groupBarsOption(
                sizes.rows.map((r) => ({ label: label(sizes.by, r.key), qualify: r.qualify })),
                t('programs.simulation.qualify'),
              )}
              height={Math.max(160, sizes.rows.length * 28 + 24)}
              label={t('programs.simulation.chartBySize')}
            />
          </Col>
        )}
        {districts && districts.rows.length > 0 && (
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('programs.simulation.chartByDistrict')}</Typography.Title>
            <EChart
              option={groupBarsOption(
                districts.rows.map((r) => ({ label: r.key === 'none' ? t('programs.simulation.noDistrict') : districtName(r.key), qualify: r.qualify })),
                t('programs.simulation.qualify'),
              )}
              height={Math.max(160, districts.rows.length * 28 + 24)}
              label={t('programs.simulation.chartByDistrict')}
            />
          </Col>
        )}
      </Row>
      <ItemList
        size="small"
        header={t('programs.simulation.gained', { count: sim.gained.count })}
        items={[names(sim.gained)]}
        renderItem={(text) => <ListItem>{text}</ListItem>}
      />
      <ItemList
        size="small"
        header={t('programs.simulation.lost', { count: sim.lost.count })}
        items={[names(sim.lost)]}
        renderItem={(text) => <ListItem>{text}</ListItem>}
      />
    </Flex>
  );
}
