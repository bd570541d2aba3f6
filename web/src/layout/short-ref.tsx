import type { ComponentProps, CSSProperties } from 'react';

/** A short reference people quote ("HZ-2026-000003", "H-UKDH5DD") never breaks at its hyphens, however narrow the cell. */
export const shortRefStyle: CSSProperties = { whiteSpace: 'nowrap' };

/** A reference number in running text or a table cell, kept on one line. */
export function ShortRef({ style, ...props }: ComponentProps<'span'>) {
  return <span className="short-ref" {...props} style={{ ...shortRefStyle, ...style }} />;
}

/**
 * An antd Tag is one line by default: on a phone a long one ("With a rent subsidy: …") runs
 * past its card. This style lets it wrap inside the card instead.
 */
export const wrappingTagStyle: CSSProperties = { whiteSpace: 'normal', height: 'auto', maxWidth: '100%' };
