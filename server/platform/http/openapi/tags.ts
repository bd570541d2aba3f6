/**
 * The document's tag list: every operation's tags must be here (Spectral and the contract
 * test check). A tag no operation uses is left out of the document.
 */
export const apiTags: Record<string, string> = {
  system: 'Health of the server and its database.',
  auth: 'Signing in and out, and the current session (better-auth, cookie `dragongate.session_token`).',
  account: 'The signed-in person: who they are and their roles in each hub.',
  hubs: 'The cities (hubs) this deployment runs.',
  organizations: 'Organisations of a hub: the register, members, and the public register.',
  people: 'People of a hub: founders, graduates, researchers (staff only).',
  relations: 'Who founded, works at, studied at or invested in which organisation.',
  facts: 'Dated, sourced facts about organisations (valuations, revenue, headcount).',
  insights: 'Search, graphs, the talent pipeline, dragons and hub comparison.',
  'ecosystem exchange': 'A whole ecosystem in and out as XLSX or CSV files.',
  budget: 'Fiscal years, the envelope, budget lines and the ledger.',
  programs: 'Incentive programs, applications to them, and matching.',
  reviews: 'The reviewed workflow: reviewers, reviews, decisions, appeals.',
  awards: 'Awards in tranches, milestone reports, social insurance and claw-backs.',
  talent: 'Graduate standing, talent classes A-E, assessments and signed talent cards.',
  stays: 'Free stays for job-seeking graduates: stations, bookings, waitlist, front desk.',
  spaces: 'Office space: buildings, units, holds and leases with rent subsidies.',
  compute: 'GPU compute: pools, vouchers, reservations and usage.',
  staff: 'Staff of a hub and their roles.',
  'api-tokens': 'API tokens for machine clients (hub admins manage them; clients send them as Bearer).',
  obligations: 'Checks that awardees keep their obligations; findings, appeals and recovery of money.',
  'open data': 'What the hub publishes: awards as 360Giving open data, public awards, the public budget, the notice board (公示) and objections to it.',
  files: 'Uploaded files (evidence, attachments).',
  notifications: 'In-app notifications of the signed-in person.',
};
