import type { Resources } from './fair-share.js';

/** What the admission engine takes (a snapshot) and gives back (decisions): its contract with the compute service. */
export type Flavor = { id: string; domestic: boolean; cpuPerGpu: number; memoryPerGpu: number };
export type FlavorQuota = { nominal: number; borrowingLimit: number | null; lendingLimit: number | null; gpuHoursLeft: number };
export type Queue = { id: string; cohortId: string | null; weight: number; quotas: Record<string, FlavorQuota>; history: Resources };
export type Workload = {
  id: string;
  queueId: string;
  flavorId: string;
  gpus: number;
  cpus: number;
  memory: number;
  start: number;
  end: number;
  borrowed: boolean;
  priority: number;
};
export type Request = {
  id: string;
  queueId: string;
  /** A flavor id, or 'any_domestic' for any domestic flavor the queue has quota for. */
  flavor: string;
  gpus: number;
  cpus?: number;
  memory?: number;
  hours: number;
  earliest: number;
  /** The hour by which the work must be done (exclusive end). */
  deadline: number;
  priority: number;
  submitted: number;
};
export type Snapshot = {
  now: number;
  horizon: number;
  lookaheadSlots: number;
  noticeSlots: number;
  guardSlots: number;
  flavors: Flavor[];
  /** GPUs per flavor per slot, index 0 = `now`. */
  capacity: Record<string, number[]>;
  queues: Queue[];
  workloads: Workload[];
  pending: Request[];
};
export type RefusalCode = 'QUOTA_EXCEEDED' | 'NO_CAPACITY' | 'FLAVOR_UNKNOWN' | 'DEADLINE_PASSED';
export type Decision =
  | {
      kind: 'admit';
      requestId: string;
      queueId: string;
      flavorId: string;
      gpus: number;
      cpus: number;
      memory: number;
      start: number;
      end: number;
      borrowed: boolean;
    }
  | { kind: 'refuse'; requestId: string; code: RefusalCode }
  | { kind: 'wait'; requestId: string; expectedStart: number | null }
  | { kind: 'preempt'; workloadId: string; end: number }
  | { kind: 'requeue'; workloadId: string };
