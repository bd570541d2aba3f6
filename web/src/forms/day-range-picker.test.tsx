import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import { DayRangePicker } from './day-range-picker';

type Values = { first?: [Dayjs, Dayjs]; second?: [Dayjs, Dayjs] };

/** Two ranges on one form, as a station's closed days are: each of the four boxes must have a name of its own. */
function TwoRanges({ onFinish }: { onFinish: (values: Values) => void }) {
  return (
    <Form<Values> onFinish={onFinish}>
      <Form.Item label="Closed days 1" name="first">
        <DayRangePicker label="Closed days 1" endLabel="Reopening day" />
      </Form.Item>
      <Form.Item label="Closed days 2" name="second">
        <DayRangePicker label="Closed days 2" endLabel="Reopening day" />
      </Form.Item>
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

describe('DayRangePicker', () => {
  it('names both boxes of each range, so each day is typed where it is asked', { timeout: 60_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(<TwoRanges onFinish={onFinish} />, { locale: 'en-US' });
    const starts = [screen.getByLabelText('Closed days 1'), screen.getByLabelText('Closed days 2')];
    const ends = [screen.getByLabelText('Closed days 1: Reopening day'), screen.getByLabelText('Closed days 2: Reopening day')];
    expect(new Set([...starts, ...ends]).size).toBe(4);
    await userEvent.type(starts[1]!, '2026-12-24{enter}');
    await userEvent.type(ends[1]!, '2026-12-27{enter}');
    // Enter took each day and sent nothing: the form goes when it is sent.
    expect(onFinish).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    const values = onFinish.mock.calls[0]![0] as Values;
    expect(values.first).toBeUndefined();
    expect(values.second?.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-12-24', '2026-12-27']);
  });

  it('outside a form names the first box by the field, and speaks the page’s language', () => {
    renderInApp(<DayRangePicker label="日期" endLabel="最后一天" />, { locale: 'zh-CN' });
    expect(screen.getByLabelText('日期')).toHaveProperty('placeholder', '开始日期');
    expect(screen.getByLabelText('日期：最后一天')).toHaveProperty('placeholder', '结束日期');
  });
});
