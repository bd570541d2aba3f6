import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import { DayPicker } from './day-picker';

function Day({ value, onFinish }: { value?: string; onFinish: (values: { day: string }) => void }) {
  return (
    <Form initialValues={{ day: value }} onFinish={onFinish}>
      <Form.Item label="Day" name="day">
        <DayPicker />
      </Form.Item>
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

describe('DayPicker', () => {
  it('shows the API’s day and gives back the day picked as YYYY-MM-DD', { timeout: 60_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(<Day value="2026-10-01" onFinish={onFinish} />, { locale: 'en-US' });
    const input = screen.getByLabelText('Day');
    expect(input).toHaveProperty('value', '2026-10-01');
    await userEvent.clear(input);
    await userEvent.type(input, '2026-10-15{enter}');
    // Enter took the day and sent nothing: the form goes when it is sent.
    expect(onFinish).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish).toHaveBeenCalledWith({ day: '2026-10-15' });
  });

  it('speaks the page’s language, not the browser’s', () => {
    renderInApp(<Day onFinish={vi.fn()} />, { locale: 'zh-CN' });
    expect(screen.getByLabelText('Day')).toHaveProperty('placeholder', '请选择日期');
  });
});
