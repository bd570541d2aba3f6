import type { staysZhCN } from './stays.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type StaysMessages = Messages<typeof staysZhCN>;
