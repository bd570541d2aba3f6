import { Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BenefitFormulaJson } from '../../../../contracts/programs';
import { useLocale } from '../../i18n/locale-context';
import { MoneyInput } from '../../money/money-input';
import { benefitSummary } from '../benefit-summary';
import { noProgramWords } from '../program-words';
import { rentRulesFrom, type RentRow, type RentValues } from './rent-draft';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };
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
  return (
    <Flex vertical gap={8} data-testid="rent-editor">
      <Typography.Text strong>{t('programs.rent.title')}</Typography.Text>
      <Form.List name={['rent', 'rows']}>
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => {
              const n = name + 1;
              return (
                <Row gutter={8} key={key} data-rent-row={n}>
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
                  <Col xs={8} md={4} style={{ display: 'flex', alignItems: 'center' }}>
                    <Button danger size="small" onClick={() => remove(name)} disabled={items.length === 1}>
                      {t('programs.rent.remove', { n })}
                    </Button>
                  </Col>
                </Row>
              );
            })}
            <Flex gap={12} align="center" wrap>
              <Button
                onClick={() => {
                  const last = rows.at(-1);
                  const next = String(Number(last?.to ?? 0) + 1);
                  add({ from: next, to: next, share: '', when: last?.when ?? 'always' } satisfies RentRow);
                }}
              >
                {t('programs.rent.add')}
              </Button>
              <Typography.Text type="secondary">{t('programs.rent.hint')}</Typography.Text>
            </Flex>
          </>
        )}
      </Form.List>
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
          <Col xs={24} md={8}>
            <Form.Item label={t('programs.rent.condition')} name={['rent', 'condition']} rules={[{ required: true }]}>
              <Input style={mono} placeholder="facts.fundingRaised >= 500000000" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('programs.rent.withinMonths')} name={['rent', 'withinMonths']} rules={[{ required: true }]}>
              <Input inputMode="numeric" />
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
