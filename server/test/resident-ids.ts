import { residentIdCheckCharacter } from '../../contracts/resident-id.js';

/** A valid resident id (GB 11643, Hangzhou's Xihu district) born on the given day, with a sequence of our choosing. */
export function residentIdBornOn(born: string, sequence: number): string {
  const first17 = `330106${born.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}
