import type { BilingualName } from '../../../contracts/common';

/** An account whose balance is shown: its id and its name in both languages. */
export type ShownAccount = { id: string; name: BilingualName };
