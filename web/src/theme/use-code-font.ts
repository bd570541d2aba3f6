import { theme } from 'antd';
import type { CSSProperties } from 'react';

/** The style for text people type or read character by character (rule text, codes, recorded values): the theme's code font. */
export function useCodeFont(): CSSProperties {
  const { token } = theme.useToken();
  return { fontFamily: token.fontFamilyCode };
}
