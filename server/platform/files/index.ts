// Uploaded files: what other modules may use (routes are registered by the app).
export { attachedFiles, requireOwnFiles } from './attachments.js';
export { carriedFile } from './carried-files.js';
export { fileContentRead, fileDownloadResponse, sendFile } from './file-reply.js';
export { fileRoutes } from './files.routes.js';
export { fileFactsOf, fileOfHub, filesInHub, filesOwnedBy, filesOwnedByJson, type FileFacts } from './files.service.js';
export { accepts } from './media-type.js';
