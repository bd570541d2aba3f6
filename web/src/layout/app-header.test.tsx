import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AppHeader } from './app-header';

describe('AppHeader', () => {
  it.each([
    ['zh-CN', '龙门', '龙门：全部枢纽'],
    ['en-US', 'Dragon Gate', 'Dragon Gate: all hubs'],
  ] as const)('names the brand link starting with the brand it shows, then where it leads (%s)', async (locale, brand, name) => {
    fakeServer(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'unauthenticated' } } }));
    renderInApp(<AppHeader />, { locale });
    const link = await screen.findByRole('link', { name });
    expect(link.textContent).toBe(brand);
    expect(link.getAttribute('href')).toBe('/');
  });
});
