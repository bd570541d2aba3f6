import type { ruleBuilderZhCN } from './rule-builder.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type RuleBuilderMessages = Messages<typeof ruleBuilderZhCN>;
