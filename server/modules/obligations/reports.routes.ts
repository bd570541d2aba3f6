import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { outcomeReportListSchema, outcomeReportSchema, submitOutcomeReportInputSchema } from '../../../contracts/obligations.js';
import { cursorQuerySchema } from '../../../contracts/pagination.js';
import { withTransaction } from '../../db/transaction.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { fileContentRead, fileDownloadResponse, sendFile } from '../../platform/files/index.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { listOutcomeReports, readOutcomeReportFile, submitOutcomeReport } from './reports.service.js';
import { isoDate } from '../../../contracts/dates.js';

const tags = ['obligations'];
const awardParams = hubParamsSchema.extend({ id: z.uuid() });
const reportParams = awardParams.extend({
  key: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/),
  dueOn: isoDate(),
});
const reportFileParams = reportParams.extend({ fileId: z.uuid() });

/** Outcome reports an award owes: the awardee submits them, staff read them. */
export const outcomeReportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/applications/:id/outcome-reports',
      {
        schema: {
          operationId: 'listOutcomeReports',
          summary: 'The outcome reports an award owes, with their due dates and what was submitted',
          description: 'The awardee and hub staff; anyone else gets 404. Empty until the daily check has recorded the award’s obligations.',
          tags,
          params: awardParams,
          querystring: cursorQuerySchema,
          response: { 200: outcomeReportListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return listOutcomeReports(deps.db, scope, request.params.id, request.query);
      },
    );

    app.post(
      '/api/hubs/:hub/applications/:id/outcome-reports/:key/:dueOn',
      {
        schema: {
          operationId: 'submitOutcomeReport',
          summary: 'The awardee submits one outcome report, once',
          description:
            'What the award achieved, dated figures (headcount, revenue, funding raised) and files the awardee uploaded in this hub (`uploadFile`; any other file id is 400 FILE_NOT_FOUND at its index, a file of a type reports do not carry 400 WRONG_FILE_TYPE). A second submission is 409 REPORT_SUBMITTED.',
          tags,
          params: reportParams,
          body: submitOutcomeReportInputSchema,
          response: { 200: outcomeReportSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id, key, dueOn } = request.params;
        return withTransaction(deps.db, (tx) => submitOutcomeReport(tx, scope, id, { obligationKey: key, dueOn }, request.body));
      },
    );

    app.get(
      '/api/hubs/:hub/applications/:id/outcome-reports/:key/:dueOn/files/:fileId',
      {
        schema: {
          operationId: 'downloadOutcomeReportFile',
          summary: 'Download a file an outcome report carries: whoever may read the award’s reports',
          description:
            'The awardee (any member of the applicant organisation) and hub staff, as `listOutcomeReports`; anyone else gets 404, and so does a file the report does not carry. The bytes with the media type found in the content.',
          tags,
          params: reportFileParams,
          response: { 200: fileDownloadResponse(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id, key, dueOn, fileId } = request.params;
        const file = await auditedRead(deps.db, scope, fileContentRead(fileId), (tx) =>
          readOutcomeReportFile(tx, scope, id, { obligationKey: key, dueOn }, fileId),
        );
        return sendFile(reply, file);
      },
    );
  };
