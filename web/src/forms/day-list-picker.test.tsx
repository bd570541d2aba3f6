import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import { DayListPicker } from './day-list-picker';

function Days({ onFinish }: { onFinish: (values: { days: Dayjs[] }) => void }) {
  return (
    <Form initialValues={{ days: [dayjs('2026-10-02')] }} onFinish={onFinish}>
      <Form.Item label="Days off" name="days">
        <DayListPicker />
      </Form.Item>
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

const picked = () => [...document.querySelectorAll<HTMLElement>('[data-day]')].map((e) => e.dataset.day);

describe('DayListPicker', () => {
  it('is worked from the keyboard: a day typed is added in order, typed again it is removed, and Enter never sends the form', { timeout: 60_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(<Days onFinish={onFinish} />, { locale: 'en-US' });
    await userEvent.tab();
    const input = screen.getByLabelText('Days off');
    expect(document.activeElement).toBe(input);
    await userEvent.type(input, '2026-10-01{enter}');
    expect(picked()).toEqual(['2026-10-01', '2026-10-02']);
    await userEvent.type(input, '2026-10-02{enter}');
    expect(picked()).toEqual(['2026-10-01']);
    expect(onFinish).not.toHaveBeenCalled();

    // Each day is a button naming the day it removes, in the page's language.
    await userEvent.type(input, '2026-10-07{enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Oct 1, 2026' }));
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0]![0].days.map((d: Dayjs) => d.format('YYYY-MM-DD'))).toEqual(['2026-10-07']);
  });

  it('names the days in Chinese on a Chinese page', () => {
    renderInApp(<Days onFinish={vi.fn()} />, { locale: 'zh-CN' });
    expect(screen.getByRole('button', { name: '移除2026年10月2日' })).toBeTruthy();
  });
});
