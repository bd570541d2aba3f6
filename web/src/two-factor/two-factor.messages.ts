import type { twoFactorZhCN } from './two-factor.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type TwoFactorMessages = Messages<typeof twoFactorZhCN>;
