import type { openZhCN } from './open.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type OpenMessages = Messages<typeof openZhCN>;
