// The talent module's public face: graduate standing (stays ask it), tiers and talent cards.
export { graduateStanding, verifyGraduate, DEFAULT_GRADUATE_RULES } from './graduate.service.js';
export type { GraduateRules, GraduateStanding, Reason as GraduateReason } from './graduate-eligibility.js';
