import { render, screen } from '@testing-library/react';
import { Tag } from 'antd';
import { describe, expect, it } from 'vitest';
import { ShortRef, wrappingTagStyle } from './short-ref';

describe('short references and long tags', () => {
  it('a reference number never breaks at its hyphens', () => {
    render(<ShortRef data-testid="ref">HZ-2026-000003</ShortRef>);
    expect(screen.getByTestId('ref').style.whiteSpace).toBe('nowrap');
  });

  it('a long tag wraps inside its card instead of running past it', () => {
    render(<Tag style={wrappingTagStyle}>With a rent subsidy: Startup rent subsidy (demo)</Tag>);
    const tag = screen.getByText(/With a rent subsidy/);
    expect(tag.style.whiteSpace).toBe('normal');
    expect(tag.style.height).toBe('auto');
  });
});
