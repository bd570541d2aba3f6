import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { CatalogueDrawer } from './catalogue.drawer';

const catalogue = [{ tier: 'A', name: { zh: '顶尖人才', en: 'Top talent' }, conditions: [{ key: 'nobel', zh: '诺贝尔奖获得者', en: 'Nobel laureate' }] }];

describe('CatalogueDrawer (the talent classes)', () => {
  it('edits the catalogue only: key rotation lives on the hub’s security page, even for whom the server lets rotate', async () => {
    fakeServerWith(capabilitiesWith({ talent: { read: true, editCatalogue: true, rotateKeys: true } }, ['security_admin']), ({ path }) =>
      path === '/api/hubs/hangzhou/talent/catalogue' ? { status: 200, body: catalogue } : undefined,
    );
    renderInApp(
      <>
        <CatalogueDrawer hub="hangzhou" open onClose={() => {}} />
        <CapabilitiesLoaded hub="hangzhou" />
      </>,
    );
    await screen.findByText('capabilities loaded', undefined, loading);
    expect(await screen.findByDisplayValue('诺贝尔奖获得者', undefined, loading)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /更换人才卡签名密钥/ })).toBeNull();
  });
});
