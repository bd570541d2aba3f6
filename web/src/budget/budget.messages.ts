import type { budgetZhCN } from './budget.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type BudgetMessages = Messages<typeof budgetZhCN>;
