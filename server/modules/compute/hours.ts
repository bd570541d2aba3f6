/** Compute plans in whole UTC hours: slot n is [n h, n+1 h) since the epoch. */
export const HOUR_MS = 3_600_000;
export const hourOf = (d: Date) => Math.floor(d.getTime() / HOUR_MS);
export const hourCeil = (d: Date) => Math.ceil(d.getTime() / HOUR_MS);
export const dateOfHour = (h: number) => new Date(h * HOUR_MS);
