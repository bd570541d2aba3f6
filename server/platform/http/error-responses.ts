import { apiErrorSchema } from '../../../contracts/errors.js';

/** The error answers any API route may give, all in the one error shape (for OpenAPI and serialisation). */
export const errorResponses = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
  410: apiErrorSchema,
  422: apiErrorSchema,
  429: apiErrorSchema,
};
