import { act, screen } from '@testing-library/react';
import { theme as antdTheme } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test/render';

/** A media query list whose answer the test changes, as a system setting would. */
function stubReducedMotion(initially: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    matches: initially,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', (query: string) => ({ ...media, matches: query === '(prefers-reduced-motion: reduce)' && media.matches }));
  return (reduce: boolean) => {
    media.matches = reduce;
    for (const listener of listeners) listener();
  };
}

function Motion() {
  const { token } = antdTheme.useToken();
  return <output>{token.motion ? 'moving' : 'still'}</output>;
}

describe('the app for one who asked for less motion', () => {
  it('turns antd’s motion off, and on again when the system setting changes', () => {
    const setReduced = stubReducedMotion(true);
    renderInApp(<Motion />);
    expect(screen.getByRole('status').textContent).toBe('still');
    act(() => setReduced(false));
    expect(screen.getByRole('status').textContent).toBe('moving');
  });

  it('keeps antd’s motion for everyone else', () => {
    stubReducedMotion(false);
    renderInApp(<Motion />);
    expect(screen.getByRole('status').textContent).toBe('moving');
  });
});
