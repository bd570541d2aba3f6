// API tokens of machine clients: made and revoked by hub admins, presented as `Authorization: Bearer`.
export { apiTokenRoutes } from './api-tokens.routes.js';
export { resolveBearer, type TokenCaller } from './resolve-token.js';
export { apiTokensPolicy } from './api-tokens.policies.js';
export { registerTokenSubject } from './token-subjects.js';
