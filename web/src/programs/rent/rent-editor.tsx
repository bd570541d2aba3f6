import { Col, Flex, Form, Input, Row, Select, Typography, type FormRule } from 'antd';
import { RowList } from '../../forms/row-list';
import { useTranslation } from 'react-i18next';
import type { BenefitFormulaJson } from '../../../../contracts/programs';
import { useLocale } from '../../i18n/locale-context';
import { MoneyInput } from '../../money/money-input';
import { benefitSummary } from '../benefit-summary';
import { noProgramWords } from '../program-words';
import { RuleBuilder, ruleProblem } from '../rule-builder/rule-builder';
import type { RuleValue } from '../rule-builder/criteria-draft';
import { rentConditionFacts, rentRulesFrom, type RentRow, type RentValues } from './rent-draft';

const common = { tranches: [], coFunding: null, caps: { perApplicantPerYear: null }, stacking: null };

/** The subsidy the rows make, in words (the same sentences as the program's page), or nothing while a row does not fit. */
function useRentInWords(values: RentValues | undefined): string[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  try {
    const rules = rentRulesFrom(values);
    if (rules.years.length === 0) return [];
    const formula = { ...common, type: 'rent', ...rules } as BenefitFormulaJson;
    return benefitSummary(formula, noProgramWords, t, locale).slice(0, -1);
  } catch {
    return [];
  }
}

/**
 * A rent-subsidy formula as rows (lease years from–to, share of the rent, always or once
 * the extension condition holds), its caps and the condition, with the subsidy in words.
 */
export function RentEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rent = Form.useWatch('rent', { form, preserve: true }) as RentValues | undefined;
  const rows = rent?.rows ?? [];
  const conditional = rows.some((r) => r?.when === 'condition');
  const words = useRentInWords(rent);
  const { locale } = useLocale();
  const conditionRule: FormRule = {
    validator: async (_, value: RuleValue | undefined) => {
      const problem = ruleProblem(value, rentConditionFacts, t, locale);
      if (problem) throw new Error(problem);
    },
  };
  return (
    <Flex vertical gap={8} data-testid="rent-editor">
      <Typography.Text strong>{t('programs.rent.title')}</Typography.Text>
      <RowList
        name={['rent', 'rows']}
        kind="rent"
        min={1}
        removeCol={{ xs: 8, md: 4 }}
        removeLabel={(n) => t('programs.rent.remove', { n })}
        addLabel={t('programs.rent.add')}
        newRow={(): RentRow => {
          const last = rows.at(-1);
          const next = String(Number(last?.to ?? 0) + 1);
          return { from: next, to: next, share: '', when: last?.when ?? 'always' };
        }}
        footer={<Typography.Text type="secondary">{t('programs.rent.hint')}</Typography.Text>}
      >
        {({ name, n }) => (
          <>
            <Col xs={8} md={4}>
              <Form.Item label={t('programs.rent.from', { n })} name={[name, 'from']} rules={[{ required: true }]}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item label={t('programs.rent.to', { n })} name={[name, 'to']} rules={[{ required: true }]}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={8} md={5}>
              <Form.Item label={t('programs.rent.share', { n })} name={[name, 'share']} rules={[{ required: true }]}>
                <Input inputMode="decimal" suffix="%" />
              </Form.Item>
            </Col>
            <Col xs={16} md={7}>
              <Form.Item label={t('programs.rent.when', { n })} name={[name, 'when']}>
                <Select options={(['always', 'condition'] as const).map((w) => ({ value: w, label: t(`programs.rent.whens.${w}`) }))} />
              </Form.Item>
            </Col>
          </>
        )}
      </RowList>
      <Row gutter={8}>
        <Col xs={12} md={8}>
          <Form.Item label={t('programs.rent.capPerM2')} name={['rent', 'capPerM2']}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('programs.rent.capArea')} name={['rent', 'capArea']}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('programs.rent.areaPerPerson')} name={['rent', 'areaPerPerson']}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      {conditional && (
        <Row gutter={8}>
          <Col xs={12} md={6}>
            <Form.Item label={t('programs.rent.conditionZh')} name={['rent', 'conditionZh']} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('programs.rent.conditionEn')} name={['rent', 'conditionEn']} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('programs.rent.withinMonths')} name={['rent', 'withinMonths']} rules={[{ required: true }]}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('programs.rent.condition')} name={['rent', 'condition']} rules={[conditionRule]}>
              <RuleBuilder facts={rentConditionFacts} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {words.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('programs.rent.inWords')}</Typography.Text>
          <ul aria-label={t('programs.rent.inWords')} style={{ paddingInlineStart: 20, marginTop: 4 }}>
            {words.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </Flex>
  );
}
