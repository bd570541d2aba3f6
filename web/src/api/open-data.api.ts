import type { Locale } from '../../../contracts/error-messages';
import { answer, api, type BodyOf } from './client';
import type { components } from './openapi';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Objection = components['schemas']['Objection'];
export type PublicAward = components['schemas']['PublicAward'];
export type PublicBudget = components['schemas']['PublicBudget'];
export type PublicNotice = components['schemas']['PublicNotice'];
export type ObjectionInput = BodyOf<'/api/hubs/{hub}/public/notices/{number}/objections', 'post'>;

const hubPath = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}`;
const inHub = (hub: string) => ({ path: { hub } });

export const getPublicBudget = (hub: string, year?: number) => answer(api.GET('/api/hubs/{hub}/public/budget', { params: { ...inHub(hub), query: { year } } }));
export const listPublicAwards = (hub: string, next?: string) =>
  answer(api.GET('/api/hubs/{hub}/public/awards', { params: { ...inHub(hub), query: { next } } }));
export const listPublicNotices = (hub: string, next?: string) =>
  answer(api.GET('/api/hubs/{hub}/public/notices', { params: { ...inHub(hub), query: { next } } }));
export const lodgeObjection = (hub: string, number: string, body: ObjectionInput) =>
  answer(api.POST('/api/hubs/{hub}/public/notices/{number}/objections', { params: { path: { hub, number } }, body }));
export const listObjections = (hub: string, next?: string) =>
  answer(api.GET('/api/hubs/{hub}/objections', { params: { ...inHub(hub), query: { next, status: 'open' } } }));
export const resolveObjection = (hub: string, id: string, body: BodyOf<'/api/hubs/{hub}/objections/{id}/resolution', 'post'>, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/objections/{id}/resolution', { params: { path: { hub, id }, header: { 'idempotency-key': idempotencyKey } }, body }));

/** Download links (plain links: the browser saves the file), in the page's language (`lang`), not the browser's. */
export const downloads = (hub: string, year: number | null, lang: Locale) => ({
  budgetCsv: `${hubPath(hub)}/public/budget/export?format=csv${year ? `&year=${year}` : ''}&lang=${lang}`,
  budgetXlsx: `${hubPath(hub)}/public/budget/export?format=xlsx${year ? `&year=${year}` : ''}&lang=${lang}`,
  grantsJson: `${hubPath(hub)}/open-data?format=360giving&lang=${lang}`,
  grantsCsv: `${hubPath(hub)}/open-data?format=csv&lang=${lang}`,
  grantsXlsx: `${hubPath(hub)}/open-data?format=xlsx&lang=${lang}`,
});
