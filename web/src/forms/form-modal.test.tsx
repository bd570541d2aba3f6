import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { errorFromBody } from '../api/http';
import { FormModal } from './form-modal';
import { useFormMutation } from './use-form-mutation';

type Subject = { id: string; note: string };
type Values = { note: string };

/** A dialog on FormModal kept mounted by its parent and shown for one subject at a time, as the app's dialogs with `open` are. */
function NoteModal({ subject, onClose }: { subject: Subject | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useFormMutation({
    form,
    idempotent: true,
    fields: ['note'],
    mutationFn: async (v: Values, key: string) => {
      const response = await fetch(`/api/notes/${subject!.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(v),
      });
      if (!response.ok) throw errorFromBody(response, await response.json());
    },
    onSuccess: onClose,
  });
  return (
    <FormModal
      title="Note"
      open={subject !== null}
      onClose={onClose}
      form={form}
      mutation={save}
      name="note"
      initialValues={{ note: subject?.note ?? '' }}
      okText="Save"
    >
      <Form.Item name="note" label="Note text">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

const subjects: Record<string, Subject> = { new: { id: 'n', note: '' }, a: { id: 'a', note: 'about A' }, b: { id: 'b', note: 'about B' } };

function Host() {
  const [subject, setSubject] = useState<Subject | null>(null);
  return (
    <>
      {Object.entries(subjects).map(([name, s]) => (
        <Button key={name} onClick={() => setSubject(s)}>{`Open ${name}`}</Button>
      ))}
      <NoteModal subject={subject} onClose={() => setSubject(null)} />
    </>
  );
}

const unavailable = { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } } };

/** Answers the writes in turn (the last one again once they run out). */
function server(...replies: { status: number; body?: unknown }[]) {
  let i = 0;
  return fakeServer((_request: SeenRequest) => replies[Math.min(i++, replies.length - 1)]!);
}

async function open(name: string) {
  await userEvent.click(screen.getByRole('button', { name: `Open ${name}` }));
  return screen.findByRole('dialog');
}
const field = (dialog: HTMLElement) => within(dialog).getByLabelText<HTMLInputElement>('Note text');
const save = (dialog: HTMLElement) => userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
const cancel = (dialog: HTMLElement) => userEvent.click(within(dialog).getByRole('button', { name: /^(取\s*消|Cancel)$/ }));
/** Closed, and the close finished (its afterClose ran, its form unmounted). */
const closed = () => vi.waitFor(() => expect(screen.queryByLabelText('Note text')).toBeNull());

describe('FormModal: a dialog with a form always opens fresh', () => {
  // Without antd's motion (as for one who asked for less), a dialog closes at once in happy-dom: afterClose runs, its body unmounts.
  beforeEach(() =>
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
      addEventListener() {},
      removeEventListener() {},
    })),
  );

  it('after a server failure and Cancel, opens again with empty fields and no failure', async () => {
    server(unavailable);
    renderInApp(<Host />);
    let dialog = await open('new');
    await userEvent.type(field(dialog), 'a draft');
    await save(dialog);
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    await cancel(dialog);
    await closed();

    dialog = await open('new');
    expect(field(dialog).value).toBe('');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('after a successful save, opens again empty', async () => {
    const seen = server({ status: 201, body: {} });
    renderInApp(<Host />);
    let dialog = await open('new');
    await userEvent.type(field(dialog), 'sent once');
    await save(dialog);
    await closed();
    expect(seen.map((r) => r.body)).toEqual([{ note: 'sent once' }]);

    dialog = await open('new');
    expect(field(dialog).value).toBe('');
  });

  it('opened for A, then for B, shows B’s initial values (not A’s, nor what was typed for A)', async () => {
    server(unavailable);
    renderInApp(<Host />);
    let dialog = await open('a');
    expect(field(dialog).value).toBe('about A');
    await userEvent.type(field(dialog), ' and more');
    await cancel(dialog);
    await closed();

    dialog = await open('b');
    expect(field(dialog).value).toBe('about B');
  });

  it('a retry of the same values sends the same Idempotency-Key; after Cancel, the same values opened again get a new one', async () => {
    const seen = server(unavailable);
    renderInApp(<Host />);
    // Subject A's note is there on opening, so it is sent again without a keystroke (which would make a new key by itself).
    let dialog = await open('a');
    await save(dialog);
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    await save(dialog);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    await cancel(dialog);
    await closed();

    dialog = await open('a');
    await save(dialog);
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    const [first, retry, afterReopen] = seen.map((r) => r.headers.get('idempotency-key'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
    expect(afterReopen).toMatch(/^[0-9a-f-]{36}$/);
    expect(afterReopen).not.toBe(first);
    expect(seen.map((r) => r.body)).toEqual([{ note: 'about A' }, { note: 'about A' }, { note: 'about A' }]);
  });
});
