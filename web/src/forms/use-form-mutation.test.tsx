import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import { ApiRequestError } from '../api/api-request-error';
import { FormFailure } from './form-failure';
import { useFormMutation } from './use-form-mutation';

type Values = { amount: string };

/** A form on the one pattern whose write needs an Idempotency-Key; `send` stands in for the API call. */
function PayForm({ send }: { send: (values: Values, key: string) => Promise<unknown> }) {
  const [form] = Form.useForm<Values>();
  const pay = useFormMutation({ form, idempotent: true, fields: ['amount'], mutationFn: send });
  return (
    <Form<Values> form={form} onValuesChange={pay.onValuesChange} onFinish={pay.submit} initialValues={{ amount: '100' }}>
      <FormFailure failure={pay.failure} />
      <Form.Item name="amount" label="金额">
        <Input />
      </Form.Item>
      <Button htmlType="submit">Pay</Button>
    </Form>
  );
}

const unavailable = () => new ApiRequestError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' });
const pay = () => userEvent.click(screen.getByRole('button', { name: 'Pay' }));

describe('useFormMutation (the one form pattern) with idempotent: true', () => {
  it('sends the same key when the same values are sent again after a failure', async () => {
    const send = vi.fn().mockRejectedValueOnce(unavailable()).mockResolvedValueOnce({});
    renderInApp(<PayForm send={send} />);
    await pay();
    expect(await screen.findByRole('alert')).toBeTruthy();
    await pay();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    const [first, retry] = send.mock.calls.map((call) => call[1] as string);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
  });

  it('makes a new key and clears the failure once the values change', async () => {
    const send = vi.fn().mockRejectedValueOnce(unavailable()).mockResolvedValueOnce({});
    renderInApp(<PayForm send={send} />);
    await pay();
    expect(await screen.findByRole('alert')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('金额'), '0');
    expect(screen.queryByRole('alert')).toBeNull();
    await pay();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[1]![0]).toEqual({ amount: '1000' });
    expect(send.mock.calls[1]![1]).not.toBe(send.mock.calls[0]![1]);
  });

  it('makes a new key after a success, so the next write is a new one', async () => {
    const send = vi.fn().mockResolvedValue({});
    renderInApp(<PayForm send={send} />);
    await pay();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await pay();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[1]![1]).not.toBe(send.mock.calls[0]![1]);
  });

  it('sends one write at a time: a second submit before the first answer sends nothing', async () => {
    let answer = () => {};
    const send = vi.fn(() => new Promise((resolve) => (answer = () => resolve({}))));
    renderInApp(<PayForm send={send} />);
    await userEvent.dblClick(screen.getByRole('button', { name: 'Pay' }));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    // Enter in the field submits the form again while the write is in flight.
    await userEvent.type(screen.getByLabelText('金额'), '{Enter}');
    answer();
    await pay();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls.map((call) => (call as unknown[])[0])).toEqual([{ amount: '100' }, { amount: '100' }]);
  });
});
