import type { dashboardZhCN } from './dashboard.zh-CN';

export type DashboardMessages = { [K in keyof typeof dashboardZhCN]: string };
