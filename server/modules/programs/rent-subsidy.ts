import type { BenefitFormulaJson } from '../../../contracts/programs.js';

/**
 * The rent-subsidy engine: how much of one month's rent a rent-subsidy program pays, to
 * the fen. Pure and exact (bigint fen, areas in hundredths of a m², every division rounds
 * down). The spaces module calls it for each rent step of a lease.
 *
 *   subsidised area = min(area, capArea, staff × areaPerPerson)
 *   subsidy = min(rent × subsidised area / area × share of the lease year,
 *                 capPerSquareMetreMonth × subsidised area)
 *
 * Lease years past the formula's `years` pay the extension's shares once it was granted,
 * nothing otherwise.
 */
export type RentRules = Extract<BenefitFormulaJson, { type: 'rent' }>;
export type RentSubsidyInput = { areaCenti: bigint; staff: number | null; extended: boolean };

const BP = 10_000n;
const centi = (m2: number) => BigInt(Math.round(m2 * 100));
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** The share (basis points) of lease year `year` (0 = the first). */
export function rentShareOf(rules: RentRules, year: number, extended: boolean): number {
  if (year < rules.years.length) return rules.years[year]!.basisPoints;
  const later = year - rules.years.length;
  return extended && rules.extension && later < rules.extension.years.length ? rules.extension.years[later]!.basisPoints : 0;
}

/** How many lease years can carry a subsidy (with the extension when granted). */
export function subsidisedYears(rules: RentRules, extended: boolean): number {
  return rules.years.length + (extended && rules.extension ? rules.extension.years.length : 0);
}

/** The area the program pays for, in hundredths of a m². */
export function subsidisedAreaCenti(rules: RentRules, areaCenti: bigint, staff: number | null): bigint {
  let area = areaCenti;
  if (rules.capArea !== null) area = min(area, centi(rules.capArea));
  if (rules.areaPerPerson !== null) area = min(area, staff === null ? 0n : BigInt(staff) * centi(rules.areaPerPerson));
  return area;
}

/** The most the program pays of `monthlyRent` (fen, the whole lease's) in lease year `year`. */
export function maxMonthlySubsidy(rules: RentRules, input: RentSubsidyInput, year: number, monthlyRent: bigint): bigint {
  const share = BigInt(rentShareOf(rules, year, input.extended));
  if (share === 0n || input.areaCenti <= 0n || monthlyRent <= 0n) return 0n;
  const area = subsidisedAreaCenti(rules, input.areaCenti, input.staff);
  const byShare = (monthlyRent * area * share) / (input.areaCenti * BP);
  if (rules.capPerSquareMetreMonth === null) return byShare;
  return min(byShare, (BigInt(rules.capPerSquareMetreMonth) * area) / 100n);
}
