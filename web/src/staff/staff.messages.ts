import type { staffZhCN } from './staff.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type StaffMessages = Messages<typeof staffZhCN>;
