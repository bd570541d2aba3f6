import { z } from 'zod';

/** What every money field says in the contract. */
export const FEN_DESCRIPTION = 'Money in fen (CNY minor units; 100 fen = 1 yuan) as a decimal string, never a float';

const described = (note: string | undefined) => (note ? `${note}. ${FEN_DESCRIPTION}` : FEN_DESCRIPTION);

/**
 * Money in JSON, one way everywhere: a whole number of fen as a decimal string (bigint in
 * code, `bigint` in the database). Each helper carries the description into the OpenAPI
 * document; pass a note for what this amount is. The contract test refuses a digits-only
 * string that does not say it is fen.
 */
export const fenAmount = (note?: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,17}$/, 'a positive whole number of fen')
    .meta({ description: described(note) });
/** Zero or more fen (results, totals, caps shown back). */
export const fenValue = (note?: string) =>
  z
    .string()
    .regex(/^\d{1,19}$/)
    .meta({ description: described(note) });
/** A balance that may be negative (ledger totals). */
export const fenBalance = (note?: string) =>
  z
    .string()
    .regex(/^-?\d{1,19}$/)
    .meta({ description: described(note) });
