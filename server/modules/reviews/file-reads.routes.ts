import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { fileContentRead, fileDownloadResponse, sendFile } from '../../platform/files/index.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { readApplicationFile, readMilestoneReportFile } from './file-reads.service.js';

const fileParams = hubParamsSchema.extend({ id: z.uuid(), fileId: z.uuid() });
const milestoneFileParams = fileParams.extend({ key: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/) });
const base = '/api/hubs/:hub/applications/:id';

/** Downloads through what carries the file: an application's file answer, a milestone report's attachment. */
export const fileReadRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${base}/files/:fileId`,
      {
        schema: {
          operationId: 'downloadApplicationFile',
          summary: 'Download a file an application’s answers name: whoever may read the application',
          description:
            'The applicant (any member of the applicant organisation), hub staff and the application’s unconflicted reviewers; anyone else gets 404, and so does a file no file answer of the application names (now or in an earlier version). The bytes with the media type found in the content.',
          tags: ['programs'],
          params: fileParams,
          response: { 200: fileDownloadResponse(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id, fileId } = request.params;
        const file = await auditedRead(deps.db, scope, fileContentRead(fileId), (tx) => readApplicationFile(tx, scope, id, fileId));
        return sendFile(reply, file);
      },
    );

    app.get(
      `${base}/milestones/:key/report/files/:fileId`,
      {
        schema: {
          operationId: 'downloadMilestoneReportFile',
          summary: 'Download a file a milestone report carries: whoever may read the award',
          description:
            'The awardee (any member of the applicant organisation) and hub staff, as `getAward`; anyone else gets 404, and so does a file the report does not carry. The bytes with the media type found in the content.',
          tags: ['awards'],
          params: milestoneFileParams,
          response: { 200: fileDownloadResponse(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id, key, fileId } = request.params;
        const file = await auditedRead(deps.db, scope, fileContentRead(fileId), (tx) => readMilestoneReportFile(tx, scope, id, key, fileId));
        return sendFile(reply, file);
      },
    );
  };
