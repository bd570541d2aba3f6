import { theme as antdTheme } from 'antd';
import { describe, expect, it } from 'vitest';
import { theme } from './theme';

/** WCAG 2.1 contrast of two opaque sRGB colours (#rrggbb). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const hex = color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join('')}` : color;
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** A colour seen through an opacity over a white page. */
const overWhite = (hex: string, opacity: number) =>
  `#${[1, 3, 5]
    .map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * opacity + 255 * (1 - opacity)))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;

describe('the house theme', () => {
  // The tokens antd derives from ours: what a primary button is painted with.
  const token = antdTheme.getDesignToken(theme);

  it('keeps a primary button’s white text at 4.5:1 or more at rest, hovered, pressed and loading', () => {
    for (const [state, background] of [
      ['rest', token.colorPrimary],
      ['hovered', token.colorPrimaryHover],
      ['pressed', token.colorPrimaryActive],
      ['loading', overWhite(token.colorPrimary, token.opacityLoading)],
    ] as const) {
      expect(contrast(token.colorTextLightSolid, background), `${state}: ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps links readable on white, also hovered', () => {
    expect(contrast(token.colorLink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorLinkHover, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorLinkActive, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
