import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import { MoneyField } from './money-field';
import { withSeparators } from './money-input';

function AmountForm({ onFinish, max }: { onFinish: (values: { amount: string }) => void; max?: string }) {
  return (
    <Form layout="vertical" onFinish={onFinish}>
      <MoneyField name="amount" label="金额" max={max ?? null} />
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

describe('MoneyInput', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(withSeparators('1234567.567')).toBe('1,234,567.56');
    expect(withSeparators('00012a3')).toBe('123');
    expect(withSeparators('.5')).toBe('0.5');
  });

  it('keeps text that is not an amount as typed when asked, still grouping an amount', () => {
    expect(withSeparators('abc', 'CNY', true)).toBe('abc');
    expect(withSeparators('-5', 'CNY', true)).toBe('-5');
    expect(withSeparators('1.2.3', 'CNY', true)).toBe('1.2.3');
    expect(withSeparators('¥1234567.567', 'CNY', true)).toBe('1,234,567.56');
    expect(withSeparators('1,234', 'CNY', true)).toBe('1,234');
  });

  it('adds separators as you type and reads the amount back in 万/亿', async () => {
    const onFinish = vi.fn();
    renderInApp(<AmountForm onFinish={onFinish} />);
    const input = screen.getByLabelText('金额');
    await userEvent.type(input, '250000000');
    expect(input).toHaveProperty('value', '250,000,000');
    expect(screen.getByRole('status').textContent).toBe('即 2.5亿元');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledWith({ amount: '250,000,000' }));
  });

  it('reads back in English with k / m / bn', async () => {
    renderInApp(<AmountForm onFinish={() => undefined} />, { locale: 'en-US' });
    await userEvent.type(screen.getByLabelText('金额'), '8000000');
    expect(screen.getByRole('status').textContent).toBe('That is CNY 8m');
  });

  it('refuses an empty amount and one over the limit, in the user language', async () => {
    const onFinish = vi.fn();
    renderInApp(<AmountForm onFinish={onFinish} max="100000000" />);
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('此项必填。')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('金额'), '2000000');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('超过上限 100万元。')).toBeTruthy();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it.each([
    ['zh-CN', '此项必填。', '请输入正数金额（元），最多两位小数。'],
    ['en-US', 'This field is required.', 'Enter a positive amount in yuan with at most two decimals.'],
  ] as const)('says typed text that is not an amount is not valid, and only an empty field is required (%s)', async (locale, required, invalid) => {
    const onFinish = vi.fn();
    renderInApp(<AmountForm onFinish={onFinish} />, { locale });
    const input = screen.getByLabelText('金额');
    await userEvent.type(input, 'abc');
    expect(input).toHaveProperty('value', 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    const item = input.closest('.ant-form-item')!;
    await vi.waitFor(() => expect(item.querySelector('.ant-form-item-explain')?.textContent).toBeTruthy());
    const said = item.querySelector('.ant-form-item-explain')!.textContent!;
    expect(said).toBe(invalid);
    await userEvent.clear(input);
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(item.querySelector('.ant-form-item-explain')?.textContent).toBe(required));
    expect(onFinish).not.toHaveBeenCalled();
  });
});
