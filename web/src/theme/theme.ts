import type { ThemeConfig } from 'antd';

/**
 * The house theme. Colours people read (text, links, primary buttons) reach at least 4.5:1
 * against white and antd's grey page (WCAG 2.1 AA): antd's #1677ff is 4.1:1 at 14 px.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9', // 6.0:1 on white
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3', // antd's derived #579df2 is 2.8:1
    colorLinkActive: '#002c8c',
    // A primary button keeps white text at >= 4.5:1 in every state: hovered (antd derives
    // #2e7ae6 from the primary, 4.2:1; the pointer stays on a button after a click), pressed,
    // and loading (antd fades it to 0.65 opacity, 3.1:1; the spinner says it is busy).
    colorPrimaryHover: '#003eb3', // 9.0:1
    colorPrimaryActive: '#002c8c', // 12.1:1
    opacityLoading: 1,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)', // #595959: 7.0:1
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)', // 6.2:1 (placeholders, descriptions)
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)', // 4.9:1
    colorTextDisabled: 'rgba(0, 0, 0, 0.45)',
    colorSuccess: '#237804', // 6.5:1
    colorWarning: '#ad4e00', // 5.9:1
    colorError: '#cf1322', // 5.4:1
    colorInfo: '#0958d9',
    borderRadius: 6,
    // Each page's title is its one h1, at the size antd gives an h2.
    fontSizeHeading1: 30,
  },
};

/** The house theme without motion: dialogs, menus and spinners appear and go at once (prefers-reduced-motion). */
export const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };
