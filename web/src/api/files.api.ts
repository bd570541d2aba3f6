import type { components } from './openapi';
import { answer, api, rawBody } from './client';

// The generated document's type (openapi.d.ts), never a copy.
export type UploadedFile = components['schemas']['UploadedFile'];

/** Uploads one file as the raw body (`uploadFile`); the server decides its type from its bytes. */
export const uploadFile = (hub: string, file: File) =>
  answer(api.POST('/api/hubs/{hub}/files', { params: { path: { hub }, query: { name: file.name } }, ...rawBody(file) }));

/** Where a stored file is downloaded (its uploader and the hub's staff only): an address for a link, not a call. */
export const fileUrl = (hub: string, id: string) => `/api/hubs/${encodeURIComponent(hub)}/files/${encodeURIComponent(id)}`;

const applicationPath = (hub: string, applicationId: string) => `/api/hubs/${encodeURIComponent(hub)}/applications/${encodeURIComponent(applicationId)}`;

/** Where a file an application's answers name is downloaded (`downloadApplicationFile`: whoever may read the application). */
export const applicationFileUrl = (hub: string, applicationId: string, id: string) => `${applicationPath(hub, applicationId)}/files/${encodeURIComponent(id)}`;

/** Where a file a milestone report carries is downloaded (`downloadMilestoneReportFile`: whoever may read the award). */
export const milestoneReportFileUrl = (hub: string, applicationId: string, milestone: string, id: string) =>
  `${applicationPath(hub, applicationId)}/milestones/${encodeURIComponent(milestone)}/report/files/${encodeURIComponent(id)}`;

/** Where a file an outcome report carries is downloaded (`downloadOutcomeReportFile`: whoever may read the award's reports). */
export const outcomeReportFileUrl = (hub: string, applicationId: string, report: { obligationKey: string; dueOn: string }, id: string) =>
  `${applicationPath(hub, applicationId)}/outcome-reports/${encodeURIComponent(report.obligationKey)}/${encodeURIComponent(report.dueOn)}/files/${encodeURIComponent(id)}`;

/** A file attached to a report (name, type, size), as the report's readers see it. */
export type AttachedFile = components['schemas']['AttachedFile'];
