import type { spacesZhCN } from './spaces.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type SpacesMessages = Messages<typeof spacesZhCN>;
