import type { accountZhCN } from './account.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type AccountMessages = Messages<typeof accountZhCN>;
