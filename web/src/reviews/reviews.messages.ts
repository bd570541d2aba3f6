import type { reviewsZhCN } from './reviews.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type ReviewsMessages = Messages<typeof reviewsZhCN>;
