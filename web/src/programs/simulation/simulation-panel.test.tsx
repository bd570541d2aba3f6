import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, type SeenRequest, validationFailed } from '../../../test/fake-server';
import { renderInApp } from '../../../test/render';
import type { SavedSimulation, Simulation } from '../../api/simulation.api';
import { formatMoney } from '../../money/format-money';
import { emptyValues, type EditorValues } from '../program-draft';
import type { RubricRow } from '../review-draft';
import { SimulationPanel } from './simulation-panel';

// happy-dom has no canvas: the chart stands in as its labelled figure.
vi.mock('../../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const PROGRAM = '01a2373f-0000-7000-8000-000000000001';
/** What all who qualify would cost: 12 awards of 50,000 yuan. */
const COST = 60_000_000n;

/** The server's answer: the expected cost is the cost under the take-up rate sent. */
function simulationFor(takeUpBasisPoints: number): Simulation {
  return {
    program: PROGRAM,
    version: 3,
    applicantType: 'organization',
    evaluated: 40,
    draft: { qualify: 12, cost: COST.toString() },
    current: { qualify: 10, cost: '50000000' },
    takeUpBasisPoints,
    expectedCost: ((COST * BigInt(takeUpBasisPoints)) / 10_000n).toString(),
    budgetLeft: '200000000',
    shareOfBudgetLeftBasisPoints: Number((COST * BigInt(takeUpBasisPoints)) / 200_000_000n),
    amounts: { min: '5000000', median: '5000000', max: '5000000' },
    breakdowns: [{ by: 'sector', rows: [{ key: 'ai', qualify: 12, cost: COST.toString() }] }],
    gained: { count: 2, sample: [{ id: '01a2373f-0000-7000-8000-000000000002', name: { zh: '深度求索', en: 'DeepSeek' } }] },
    lost: { count: 0, sample: [] },
    atApplication: [],
  };
}

const kept: SavedSimulation = {
  id: '01a2373f-0000-7000-8000-000000000009',
  program: PROGRAM,
  version: 2,
  sameRules: false,
  takeUpBasisPoints: 2500,
  runBy: '王芳',
  runAt: '2026-05-04T06:30:00Z',
  result: simulationFor(2500),
};

function server(saved: SavedSimulation[]) {
  return fakeServer((r: SeenRequest) => {
    if (r.method === 'POST' && r.path.endsWith('/simulation'))
      return { status: 200, body: simulationFor((r.body as { takeUpBasisPoints: number }).takeUpBasisPoints) };
    if (r.method === 'GET' && r.path.includes('/simulations')) return { status: 200, body: { items: saved, next: null } };
    if (r.method === 'POST' && r.path.endsWith('/simulations')) {
      const run = { ...kept, id: '01a2373f-0000-7000-8000-00000000000a', version: 3, sameRules: true, takeUpBasisPoints: 5000, result: simulationFor(5000) };
      saved.unshift(run);
      return { status: 201, body: run };
    }
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
}

/** Two draft criteria that read the application form, so the run leaves them for the application. */
const formCriteria: EditorValues['criteria'] = [
  {
    key: 'has_revenue',
    nameZh: '有营业收入',
    nameEn: 'Has revenue',
    rule: { mode: 'cel', expression: 'answers.revenue > 0' },
    reasonZh: '无营业收入',
    reasonEn: 'No revenue',
  },
  {
    key: 'ai_sector',
    nameZh: '属于人工智能行业',
    nameEn: 'Works in AI',
    rule: { mode: 'cel', expression: "answers.sector == 'ai'" },
    reasonZh: '不属于人工智能行业',
    reasonEn: 'Not in AI',
  },
];

/** The editor around the panel; `review` makes it a reviewed program with that rubric (its first weight a field of the editor). */
function Editor({ review, criteria = [] }: { review?: { rubric: RubricRow[] }; criteria?: EditorValues['criteria'] }) {
  const [form] = Form.useForm<EditorValues>();
  const initial = { ...emptyValues(2026), amount: '50000', criteria };
  return (
    <Form form={form} initialValues={review ? { ...initial, mode: 'reviewed', review: { ...initial.review, ...review } } : initial}>
      <Form.Item name="benefitType" hidden>
        <input />
      </Form.Item>
      {review && (
        <Form.Item name={['review', 'rubric', 0, 'weight']} label="Weight of criterion 1">
          <input />
        </Form.Item>
      )}
      <SimulationPanel hub="suzhou" id={PROGRAM} form={form} />
    </Form>
  );
}

const statistic = (title: string) => screen.getByText(title).closest('.ant-statistic')!.textContent!;

describe('SimulationPanel', () => {
  it('shows the figures in the one money format, and the take-up rate changes the expected cost (Chinese)', async () => {
    const seen = server([kept]);
    renderInApp(<Editor />);
    // A run kept earlier, with its version, who ran it and when.
    const list = await screen.findByText('第 2 版');
    const item = list.closest('li')!;
    expect(item.textContent).toContain('含未保存的修改');
    expect(item.textContent).toContain('王芳');
    expect(item.textContent).toContain(`申请比例 25%，符合 12 家，预计花费 ${formatMoney('15000000', 'zh-CN')}`);

    await userEvent.click(screen.getByRole('button', { name: '测 算' }));
    await screen.findByText('符合条件');
    expect(seen.find((r) => r.path.endsWith('/simulation'))!.body).toMatchObject({
      takeUpBasisPoints: 10000,
      rules: { benefit: { type: 'fixed', amount: '5000000' } },
    });
    expect(statistic('全部申请的花费')).toContain('60万元');
    expect(statistic('按申请比例的预计花费')).toContain('60万元');
    expect(screen.getByText('占剩余预算').closest('tr')!.textContent).toContain('30.0%');

    const takeUp = screen.getByLabelText('预计申请比例（%）');
    await userEvent.clear(takeUp);
    await userEvent.type(takeUp, '50');
    await userEvent.click(screen.getByRole('button', { name: '测 算' }));
    await vi.waitFor(() => expect(statistic('按申请比例的预计花费')).toContain('30万元'));
    expect(seen.filter((r) => r.path.endsWith('/simulation')).at(-1)!.body).toMatchObject({ takeUpBasisPoints: 5000 });
    expect(statistic('全部申请的花费')).toContain('60万元');
    expect(screen.getByText('占剩余预算').closest('tr')!.textContent).toContain('15.0%');
  });

  it('keeps the run shown, with the same inputs, and lists it (English)', async () => {
    const seen = server([kept]);
    renderInApp(<Editor />, { locale: 'en-US' });
    const takeUp = screen.getByLabelText('Expected take-up (%)');
    await userEvent.clear(takeUp);
    await userEvent.type(takeUp, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    await vi.waitFor(() => expect(statistic('Expected cost at this take-up')).toContain('CNY 300k'));
    expect(statistic('Cost if all apply')).toContain('CNY 600k');

    await userEvent.click(screen.getByRole('button', { name: 'Keep this simulation' }));
    await screen.findByRole('button', { name: 'Kept' });
    const run = seen.find((r) => r.path.endsWith('/simulation'))!.body;
    expect(seen.find((r) => r.method === 'POST' && r.path.endsWith('/simulations'))!.body).toEqual(run);
    const latest = await screen.findByText('Version 3');
    expect(within(latest.closest('li')!).queryByText('with unsaved edits')).toBeNull();
    expect(latest.closest('li')!.textContent).toContain(`Take-up 50%, 12 qualify, expected cost ${formatMoney('30000000', 'en-US')}`);
  });

  it.each([
    ['zh-CN', '预计申请比例（%）', '测 算', '数值太大。'],
    ['en-US', 'Expected take-up (%)', 'Simulate', 'Too large.'],
  ] as const)('shows the server’s refusal of the take-up under the take-up, not as an alert (%s)', async (locale, label, run, text) => {
    fakeServer((r: SeenRequest) => (r.method === 'POST' ? validationFailed('takeUpBasisPoints', 'TOO_BIG') : { status: 200, body: { items: [], next: null } }));
    renderInApp(<Editor />, { locale });
    await userEvent.click(screen.getByRole('button', { name: run }));
    await vi.waitFor(() => expect(screen.getByLabelText(label).closest('.ant-form-item')!.textContent).toContain(text));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks a row of the rules whose number is not whole in the editor, and sends nothing', async () => {
    const seen = server([]);
    renderInApp(<Editor review={{ rubric: [{ key: 'overall', zh: '总体', en: 'Overall', weight: 'heavy', scale: '5' }] }} />, { locale: 'en-US' });
    await userEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    await vi.waitFor(() =>
      expect(screen.getByLabelText('Weight of criterion 1').closest('.ant-form-item')!.textContent).toContain('Line 1 is not in the expected shape.'),
    );
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('shows a refusal to keep the run above its button', async () => {
    const seen = fakeServer((r: SeenRequest) => {
      if (r.method === 'POST' && r.path.endsWith('/simulation')) return { status: 200, body: simulationFor(10_000) };
      if (r.method === 'POST') return { status: 403, body: { error: { code: 'FORBIDDEN', message: 'x' } } };
      return { status: 200, body: { items: [], next: null } };
    });
    renderInApp(<Editor />, { locale: 'en-US' });
    await userEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Keep this simulation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You are not allowed to do this.');
    expect(seen.filter((r) => r.method === 'POST' && r.path.endsWith('/simulations'))).toHaveLength(1);
  });

  it.each([
    ['zh-CN', '测 算', '读取申请表的条件要等到申请时才能判断，本次未计入：有营业收入和属于人工智能行业', '深度求索和智谱'],
    [
      'en-US',
      'Simulate',
      'Criteria that read the application form are decided when someone applies, so they were left out: Has revenue and Works in AI',
      'DeepSeek and Zhipu',
    ],
  ] as const)(
    'names the criteria left for the application and the companies gained in the page’s language, joined as its lists are (%s)',
    async (locale, run, left, gained) => {
      fakeServer((r: SeenRequest) => {
        if (r.method === 'POST' && r.path.endsWith('/simulation'))
          return {
            status: 200,
            body: {
              ...simulationFor(10_000),
              atApplication: ['has_revenue', 'ai_sector'],
              gained: {
                count: 2,
                sample: [
                  { id: '01a2373f-0000-7000-8000-000000000002', name: { zh: '深度求索', en: 'DeepSeek' } },
                  { id: '01a2373f-0000-7000-8000-000000000003', name: { zh: '智谱', en: 'Zhipu' } },
                ],
              },
            },
          };
        return { status: 200, body: { items: [], next: null } };
      });
      renderInApp(<Editor criteria={formCriteria} />, { locale });
      await userEvent.click(screen.getByRole('button', { name: run }));
      expect(await screen.findByText(left)).toBeTruthy();
      expect(screen.getByText(gained)).toBeTruthy();
      expect(document.body.textContent).not.toMatch(/has_revenue|ai_sector/);
    },
  );
});
