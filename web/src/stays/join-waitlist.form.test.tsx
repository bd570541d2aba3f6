import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { WaitlistEntry } from '../api/stays.api';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { JoinWaitlistForm } from './join-waitlist.form';

const stationId = '01a2373f-0000-7000-8000-0000000000b0';
const first: [Dayjs, Dayjs] = [dayjs('2099-06-01'), dayjs('2099-06-03')];
const later: [Dayjs, Dayjs] = [dayjs('2099-07-01'), dayjs('2099-07-04')];
const entry = {
  id: '01a2373f-0000-7000-8000-0000000000b1',
  stationId,
  startsOn: '2099-06-01',
  endsOn: '2099-06-03',
  status: 'waiting',
  position: 2,
  offer: null,
} as WaitlistEntry;

/** The form for one station, under a search whose dates a button moves (as a new search does). */
function Search({ onDone }: { onDone: () => Promise<unknown> }) {
  const [range, setRange] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setRange(later)}>
        later
      </button>
      <JoinWaitlistForm hub="hangzhou" stationId={stationId} range={range} onDone={onDone} />
    </>
  );
}

function renderForm(reply: (request: SeenRequest, n: number) => { status: number; body?: unknown }) {
  let n = 0;
  const seen = fakeServer((request) => (request.method === 'POST' ? reply(request, ++n) : { status: 404 }));
  const onDone = vi.fn(async () => undefined);
  renderInApp(<Search onDone={onDone} />, { locale: 'en-US' });
  const posts = () => seen.filter((r) => r.method === 'POST');
  const join = async (count: number) => {
    await userEvent.click(screen.getByRole('button', { name: 'Join the waitlist' }));
    await vi.waitFor(() => expect(posts()).toHaveLength(count));
  };
  return { posts, onDone, join };
}
const failed = { status: 500, body: { error: { code: 'INTERNAL', message: 'x' } } };
const keyOf = (r: SeenRequest) => r.headers.get('idempotency-key');

describe('JoinWaitlistForm: waiting for a bed, once per act', () => {
  it('sends the station and dates with an Idempotency-Key', async () => {
    const { posts, onDone, join } = renderForm(() => ({ status: 201, body: entry }));
    await join(1);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const [sent] = posts();
    expect(sent!.path).toBe('/api/hubs/hangzhou/stays/waitlist');
    expect(sent!.body).toEqual({ stationId, startsOn: '2099-06-01', endsOn: '2099-06-03' });
    expect(keyOf(sent!)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the same key on a retry after a failure, and a new one after it succeeded', async () => {
    const { posts, onDone, join } = renderForm((_, n) => (n === 1 ? failed : { status: 201, body: entry }));
    await join(1);
    await screen.findByRole('alert');
    await join(2);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    await join(3);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));
    const keys = posts().map(keyOf);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('sends a new key for other dates after a failure (another body is another act), without the old refusal', async () => {
    const { posts, join } = renderForm(() => failed);
    await join(1);
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'later' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await join(2);
    const [one, two] = posts();
    expect(two!.body).toEqual({ stationId, startsOn: '2099-07-01', endsOn: '2099-07-04' });
    expect(keyOf(two!)).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyOf(two!)).not.toBe(keyOf(one!));
  });
});
