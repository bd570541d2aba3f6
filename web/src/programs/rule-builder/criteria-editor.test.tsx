import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../../contracts/error-messages';
import { checkCriteria } from '../../../../server/modules/programs/eligibility';
import { renderInApp } from '../../../test/render';
import type { CriterionValues } from './criteria-draft';
import { CriteriaEditor } from './criteria-editor';

/** The server's own check (the real CEL compiler), called as the route calls it. */
const realCheck = vi.fn(async (_hub: string, rules: Parameters<typeof checkCriteria>[0]) => checkCriteria(rules));

function Editor({ criteria = [], onFinish = () => undefined }: { criteria?: Partial<CriterionValues>[]; onFinish?: (values: unknown) => void }) {
  return (
    <Form layout="vertical" initialValues={{ applicantType: 'organization', criteria }} onFinish={onFinish}>
      <Form.Item name="applicantType" hidden>
        <Input />
      </Form.Item>
      <CriteriaEditor hub="test" check={realCheck} />
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

const cel = () => document.querySelector('[data-rule-cel]')?.textContent;
const words = () => document.querySelector('[data-rule-words]')?.textContent;

/** Opens an antd Select by its label and picks the option with this title. */
async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const options = await screen.findAllByTitle(option);
  await userEvent.click(options.at(-1)!);
}

function render(ui: React.ReactElement, locale: Locale = 'zh-CN') {
  return renderInApp(ui, { locale });
}

describe('the rule builder', () => {
  it('writes CEL from rows, says the rule in words and names the criterion after it', { timeout: 120_000 }, async () => {
    const onFinish = vi.fn();
    render(<Editor onFinish={onFinish} />);
    await userEvent.click(screen.getByRole('button', { name: '添加条件' }));
    await userEvent.click(screen.getByRole('button', { name: '添加一行' }));
    await pick('第 1 行：条件', '员工人数');
    await pick('第 1 行：比较', '少于');
    fireEvent.change(screen.getByLabelText('第 1 行：值'), { target: { value: '300' } });
    expect(cel()).toBe('applicant.headcount < 300');
    expect(words()).toBe('规则原文：员工人数少于300人。');

    await userEvent.click(screen.getByRole('button', { name: '添加一行' }));
    await pick('第 2 行：条件', '所属行业');
    await pick('第 2 行：可选值', '人工智能');
    await pick('第 2 行：可选值', '机器人');
    expect(cel()).toBe('applicant.headcount < 300 && applicant.sectors.exists(x, x in ["ai", "robotics"])');
    expect(screen.getByLabelText('第 1 个条件的中文名称')).toHaveProperty('value', '员工人数少于300人，且所属行业包括人工智能或机器人。');
    expect(screen.getByLabelText('第 1 个条件的英文名称')).toHaveProperty('value', 'It has fewer than 300 employees and it works in AI or robotics.');
    expect(await screen.findByText('规则检查通过。')).toBeTruthy();
    await vi.waitFor(() =>
      expect(realCheck).toHaveBeenLastCalledWith('test', {
        applicantType: 'organization',
        form: [],
        criteria: [{ key: 'rule_1', expression: 'applicant.headcount < 300 && applicant.sectors.exists(x, x in ["ai", "robotics"])' }],
      }),
    );
  });

  it('reads CEL back into rows, in English too, and keeps CEL it cannot show as CEL', async () => {
    render(
      <Editor
        criteria={[
          { key: 'young', rule: { mode: 'cel', expression: 'applicant.kind in ["startup", "company"] || applicant.ageYears <= 5' } },
          { key: 'voucher', rule: { mode: 'cel', expression: 'awards.map(a, a.amount).sum() < 800000000' } },
        ]}
      />,
      'en-US',
    );
    const [young, voucher] = [...document.querySelectorAll<HTMLElement>('[data-criterion-card]')];
    expect(within(voucher!).getByText('This rule is written in a way rows cannot show; edit it as rule text.')).toBeTruthy();
    expect(within(voucher!).getByTitle('Rows').closest('label')?.className).toMatch(/disabled/);
    await userEvent.click(within(young!).getByText('Rows'));
    expect(within(young!).getByLabelText('Row 1: Fact').closest('.ant-select')?.textContent).toBe('Kind of organisation');
    expect(within(young!).getByLabelText('Row 2: Value')).toHaveProperty('value', '5');
    expect(within(young!).getByText('At least one row holds')).toBeTruthy();
    expect(within(young!).getByText(/^It is a startup or a company or it is at most 5 years old\.$/)).toBeTruthy();
  });

  it('flags a value that does not fit, an incomplete row on save, and CEL the compiler refuses', async () => {
    const onFinish = vi.fn();
    render(<Editor criteria={[{ key: 'bad', nameZh: '年份', nameEn: 'Year', reasonZh: '不', reasonEn: 'No' }]} onFinish={onFinish} />);
    await userEvent.click(screen.getByRole('button', { name: '添加一行' }));
    await pick('第 1 行：条件', '成立年份');
    fireEvent.change(screen.getByLabelText('第 1 行：值'), { target: { value: '20x' } });
    expect(screen.getByLabelText('第 1 行：值').closest('.ant-input-status-error, .ant-input-affix-wrapper-status-error')).toBeTruthy();
    expect(await screen.findByText('第 1 行未填写完整或取值不对。')).toBeTruthy();
    expect(cel()).toBeUndefined();
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(onFinish).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTitle('规则文本'));
    const code = screen.getByRole('textbox', { name: '规则文本' });
    fireEvent.change(code, { target: { value: 'applicant.headcount < ' } });
    expect(await screen.findByText(/^第 1 行第 \d+ 列：/, undefined, { timeout: 3000 })).toBeTruthy();
    fireEvent.change(code, { target: { value: 'applicant.headcount < 300' } });
    await vi.waitFor(() => expect(screen.queryByText(/^第 1 行第 \d+ 列：/)).toBeNull(), { timeout: 3000 });
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
  });

  it('takes a day with the app’s day picker, in the page’s language, never the browser’s date box', { timeout: 60_000 }, async () => {
    render(<Editor />, 'en-US');
    await userEvent.click(screen.getByRole('button', { name: 'Add criterion' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a row' }));
    await pick('Row 1: Fact', 'Date founded');
    const value = screen.getByLabelText('Row 1: Value');
    expect(value.getAttribute('type')).not.toBe('date');
    expect(value.closest('.ant-picker')).toBeTruthy();
    expect(value).toHaveProperty('placeholder', 'Select date');
    await userEvent.type(value, '2020-01-01{enter}');
    await vi.waitFor(() => expect(cel()).toBe('applicant.foundedOn < timestamp("2020-01-01T00:00:00Z")'));
  });
});
