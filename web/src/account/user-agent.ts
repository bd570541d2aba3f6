/** The browsers and systems a session's device is named by (account.browsers.*, account.systems.*). */
export type Browser = 'wechat' | 'edge' | 'opera' | 'qq' | 'uc' | 'huawei' | 'firefox' | 'chrome' | 'safari';
export type System = 'harmonyos' | 'windows' | 'iphone' | 'ipad' | 'ios' | 'android' | 'chromeos' | 'macos' | 'linux';

// First match wins: apps and browsers built on Chrome or Safari name those too, so they come first.
const browsers: [Browser, RegExp][] = [
  ['wechat', /MicroMessenger|WindowsWechat/i],
  ['edge', /\bEdg(?:e|A|iOS)?\//],
  ['opera', /\bOPR\/|\bOpera\b|\bOPiOS\//],
  ['qq', /\bM?QQBrowser\//],
  ['uc', /\bUCBrowser\/|\bUCWEB/],
  ['huawei', /\bHuaweiBrowser\//],
  ['firefox', /\bFirefox\/|\bFxiOS\//],
  ['chrome', /\b(?:Headless)?Chrome\/|\bCriOS\/|\bChromium\//],
  ['safari', /\bVersion\/[\d.]+.*\bSafari\/|\bMobile\/\w+ Safari\//],
];

// iPhones and iPads say "like Mac OS X", and HarmonyOS phones and most Android ones "Linux": the narrower first.
const systems: [System, RegExp][] = [
  ['harmonyos', /HarmonyOS|OpenHarmony|\bArkWeb\//],
  ['windows', /\bWindows\b/],
  ['iphone', /\biPhone\b/],
  ['ipad', /\biPad\b/],
  ['ios', /\biPod\b|\biOS\b/],
  ['android', /\bAndroid\b/],
  ['chromeos', /\bCrOS\b/],
  ['macos', /\bMacintosh\b|\bMac OS X\b/],
  ['linux', /\bLinux\b|\bX11\b/],
];

/** The browser and system a session's user-agent string names; null where it names none this app knows. */
export function readUserAgent(userAgent: string | null | undefined): { browser: Browser | null; system: System | null } {
  const text = userAgent ?? '';
  return {
    browser: browsers.find(([, pattern]) => pattern.test(text))?.[0] ?? null,
    system: systems.find(([, pattern]) => pattern.test(text))?.[0] ?? null,
  };
}
