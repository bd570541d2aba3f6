import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { dreamTownRules, wuchangRules, type RentRules as FixtureRules } from '../../../../contracts/test-fixtures/rent-programs';
import { renderInApp } from '../../../test/render';
import { DraftLineError } from '../draft-line-error';
import { rentRulesFrom, rentValues, type RentRules, type RentValues } from './rent-draft';
import { RentEditor } from './rent-editor';

const full = { basisPoints: 10_000 };

/** Opens an antd Select by its label and picks the option with this title. */
async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const options = await screen.findAllByTitle(option);
  await userEvent.click(options.at(-1)!);
}

/** The rent rows' part of a stored formula (tranches, caps and stacking are the editor's other sections). */
function rentPart({ years, capPerSquareMetreMonth, capArea, areaPerPerson, extension }: FixtureRules): RentRules {
  return { years, capPerSquareMetreMonth, capArea, areaPerPerson, extension };
}
// The real rules, shared with the server's rent tests.
const wuchang = rentPart(wuchangRules);
const dreamTown = rentPart(dreamTownRules);

function Editor({ rent, onFinish }: { rent: RentValues; onFinish: (values: { rent: RentValues }) => void }) {
  return (
    <Form layout="vertical" initialValues={{ rent }} onFinish={onFinish}>
      <RentEditor />
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

describe('rent subsidy rows', () => {
  it('round-trips the real rules: Wuchang as two rows, Dream Town with its condition rows', () => {
    expect(rentValues(wuchang).rows).toEqual([
      { from: '1', to: '1', share: '100', when: 'always' },
      { from: '2', to: '3', share: '50', when: 'always' },
    ]);
    expect(rentRulesFrom(rentValues(wuchang))).toEqual(wuchang);
    expect(rentValues(dreamTown).rows).toEqual([
      { from: '1', to: '3', share: '100', when: 'always' },
      { from: '4', to: '5', share: '100', when: 'condition' },
    ]);
    expect(rentRulesFrom(rentValues(dreamTown))).toEqual(dreamTown);
  });

  it('names the row that leaves a gap, overlaps or puts a plain row after a condition row', () => {
    const at = (rows: RentValues['rows']) => {
      try {
        rentRulesFrom({ rows });
        return null;
      } catch (e) {
        return (e as DraftLineError).field;
      }
    };
    const row = (from: string, to: string, when: 'always' | 'condition' = 'always') => ({ from, to, share: '50', when });
    expect(at([row('1', '1'), row('3', '3')])).toBe('rent.rows.1.from');
    expect(at([row('1', '2'), row('2', '3')])).toBe('rent.rows.1.from');
    expect(at([row('1', '1'), row('2', '1')])).toBe('rent.rows.1.to');
    expect(at([row('1', '1'), row('2', '2', 'condition'), row('3', '3')])).toBe('rent.rows.2.when');
    expect(at([{ ...row('1', '1'), share: '120' }])).toBe('rent.rows.0.share');
    expect(at([row('1', '2'), row('3', '3', 'condition')])).toBeNull();
  });

  it('edits rows and caps, and says the subsidy in words as it is built', { timeout: 120_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(<Editor rent={rentValues(wuchang)} onFinish={onFinish} />, { locale: 'en-US' });
    const words = () => screen.getByRole('list', { name: 'As these periods stand, the subsidy is:' }).textContent;
    expect(words()).toContain('Lease year 1: 100% of the rent.');
    expect(words()).toContain('Lease year 3: 50% of the rent.');
    expect(words()).toContain('At most CNY 80 per m² per month.');

    fireEvent.change(screen.getByLabelText('Period 2 share of the rent (%)'), { target: { value: '40' } });
    fireEvent.change(screen.getByLabelText('Area cap (m²)'), { target: { value: '500' } });
    await vi.waitFor(() => expect(words()).toContain('Lease year 2: 40% of the rent.'));
    expect(words()).toContain('On at most 500 m².');

    await userEvent.click(screen.getByRole('button', { name: 'Add a period' }));
    expect((screen.getByLabelText('Period 3 from lease year') as HTMLInputElement).value).toBe('4');
    fireEvent.change(screen.getByLabelText('Period 3 share of the rent (%)'), { target: { value: '20' } });
    await vi.waitFor(() => expect(words()).toContain('Lease year 4: 20% of the rent.'));

    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(rentRulesFrom(onFinish.mock.calls[0]![0].rent)).toEqual({
      ...wuchang,
      years: [full, { basisPoints: 4_000 }, { basisPoints: 4_000 }, { basisPoints: 2_000 }],
      capArea: 500,
    });
  });

  it('shows the condition rows’ condition in Chinese', { timeout: 120_000 }, async () => {
    renderInApp(<Editor rent={rentValues(dreamTown)} onFinish={vi.fn()} />);
    // The seeded condition (has(facts.fundingRaised) && facts.fundingRaised >= 500000000) reads as one rule row.
    expect(screen.getByLabelText('第 1 行：条件').closest('.ant-select')?.textContent).toBe('累计融资');
    expect(screen.getByLabelText('第 1 行：值')).toHaveProperty('value', '5,000,000');
    const words = screen.getByRole('list', { name: '按当前各段，补贴为：' }).textContent;
    expect(words).toContain('租期第 3 年：补贴租金的 100%。');
    expect(words).toContain('若在 12 个月内满足“一年内融资500万元”，再补贴 2 年（100% / 100%）。');
    expect(words).toContain('每名在职人员 10 平方米。');
  });

  it('builds the extension condition as rule rows over the organisation’s facts, and refuses a condition with no row', { timeout: 120_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(<Editor rent={rentValues(wuchang)} onFinish={onFinish} />, { locale: 'en-US' });
    await pick('Period 2 applies', 'Once the extension condition holds');
    fireEvent.change(screen.getByLabelText('Condition name (Chinese)'), { target: { value: '融资500万元' } });
    fireEvent.change(screen.getByLabelText('Condition name (English)'), { target: { value: 'Raised CNY 5 m' } });
    fireEvent.change(screen.getByLabelText('Within months of the lease start'), { target: { value: '12' } });
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('Add at least one row.')).toBeTruthy();
    expect(onFinish).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Add a row' }));
    await pick('Row 1: Fact', 'Funding raised');
    await pick('Row 1: Comparison', 'at least');
    fireEvent.change(screen.getByLabelText('Row 1: Value'), { target: { value: '5000000' } });
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
    const rules = rentRulesFrom(onFinish.mock.calls[0]![0].rent);
    expect(rules.years).toEqual([full]);
    expect(rules.extension).toEqual({
      years: [{ basisPoints: 5_000 }, { basisPoints: 5_000 }],
      withinMonths: 12,
      criterion: {
        key: 'extension',
        name: { zh: '融资500万元', en: 'Raised CNY 5 m' },
        expression: 'facts.fundingRaised >= 500000000',
        reason: { zh: '条件尚未满足', en: 'The condition does not hold yet' },
      },
    });
  });
});
