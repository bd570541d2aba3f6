import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { uploadComputeUsage } from './compute.api';
import { importEcosystem } from './ecosystem-transfer.api';
import { listPeople } from './people.api';

describe('the generated API client', () => {
  it('leaves empty filters out of the query, as a cleared search box means no filter', async () => {
    const seen = fakeServer(() => ({ status: 200, body: { items: [], next: null } }));
    await listPeople('hangzhou', { q: '', university: '', role: undefined, limit: 50 });
    await listPeople('hangzhou', { q: '王', role: 'founder' });
    expect(seen.map((r) => r.path)).toEqual(['/api/hubs/hangzhou/people?limit=50', `/api/hubs/hangzhou/people?q=${encodeURIComponent('王')}&role=founder`]);
  });

  it('sends an upload as the raw body with its media type, not as JSON', async () => {
    const seen = fakeServer(() => ({ status: 200, body: { results: [] } }));
    const csv = 'record_id,organization\nr1,acme\n';
    await uploadComputeUsage('hangzhou', 'p-1', new File([csv], 'usage.csv', { type: 'text/csv' }), 'key-1');
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/hubs/hangzhou/compute/usage/upload?providerId=p-1&format=csv', body: csv });
    expect(seen[0]!.headers.get('content-type')).toBe('text/csv');
    expect(seen[0]!.headers.get('idempotency-key')).toBe('key-1');
  });

  it('names the media type of an import file from the chosen format', async () => {
    const seen = fakeServer(() => ({ status: 200, body: { written: {}, errors: [], errorCount: 0, rejected: 0 } }));
    await importEcosystem('hangzhou', new Blob(['table,name\n']), { format: 'csv', partial: true, dryRun: false });
    expect(seen[0]).toMatchObject({ path: '/api/hubs/hangzhou/ecosystem/import?format=csv&partial=true&dryRun=false', body: 'table,name\n' });
    expect(seen[0]!.headers.get('content-type')).toBe('text/csv');
  });
});
