import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Col, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';
import { RowList } from './row-list';

type Item = { key: string; name: string };

function Rows({ items, onFinish, min, max }: { items: Item[]; onFinish: (values: { items: Item[] }) => void; min?: number; max?: number }) {
  const [form] = Form.useForm<{ items: Item[] }>();
  return (
    <Form form={form} layout="vertical" initialValues={{ items }} onFinish={onFinish}>
      <RowList
        name="items"
        kind="item"
        title="Items"
        hint="One item a row."
        empty="No items yet."
        min={min}
        max={max}
        removeLabel={(n) => `Remove item ${n}`}
        addLabel="Add an item"
        newRow={(): Item => ({ key: `item_${(form.getFieldValue('items') ?? []).length + 1}`, name: '' })}
      >
        {({ name, n }) => (
          <>
            <Form.Item name={[name, 'key']} hidden>
              <Input />
            </Form.Item>
            <Col xs={24}>
              <Form.Item label={`Item ${n}`} name={[name, 'name']}>
                <Input />
              </Form.Item>
            </Col>
          </>
        )}
      </RowList>
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

const rows = () => document.querySelectorAll('[data-item-row]');

describe('RowList', () => {
  it('numbers its rows, adds a row made when the button is pressed, and removes the row asked for', { timeout: 60_000 }, async () => {
    const onFinish = vi.fn();
    renderInApp(<Rows items={[{ key: 'item_1', name: 'first' }]} onFinish={onFinish} />, { locale: 'en-US' });
    expect(screen.getByText('Items')).toBeTruthy();
    expect(screen.getByText('One item a row.')).toBeTruthy();
    expect(screen.queryByText('No items yet.')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Add an item' }));
    fireEvent.change(screen.getByLabelText('Item 2'), { target: { value: 'second' } });
    await userEvent.click(screen.getByRole('button', { name: 'Add an item' }));
    fireEvent.change(screen.getByLabelText('Item 3'), { target: { value: 'third' } });
    expect([...rows()].map((row) => row.getAttribute('data-item-row'))).toEqual(['1', '2', '3']);

    await userEvent.click(within(rows()[1] as HTMLElement).getByRole('button', { name: 'Remove item 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0]![0].items).toEqual([
      { key: 'item_1', name: 'first' },
      { key: 'item_3', name: 'third' },
    ]);
    expect(screen.getByLabelText('Item 2')).toHaveProperty('value', 'third');
  });

  it('says when it is empty, and keeps to its fewest and most rows', { timeout: 60_000 }, async () => {
    renderInApp(<Rows items={[]} onFinish={vi.fn()} min={1} max={2} />, { locale: 'en-US' });
    expect(screen.getByText('No items yet.')).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add an item' });
    await userEvent.click(add);
    expect(screen.queryByText('No items yet.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove item 1' })).toHaveProperty('disabled', true);
    await userEvent.click(add);
    expect(rows()).toHaveLength(2);
    expect(add).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Remove item 1' })).toHaveProperty('disabled', false);
    await userEvent.click(screen.getByRole('button', { name: 'Remove item 2' }));
    expect(add).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Remove item 1' })).toHaveProperty('disabled', true);
  });
});
