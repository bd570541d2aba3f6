import type { programsZhCN } from './programs.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type ProgramsMessages = Messages<typeof programsZhCN>;
