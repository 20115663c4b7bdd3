import * as api from '#shared/api/files';
import type { Route } from './route';

const FILES = '/campaigns/{campaignId}/nominations/{nominationId}/files';

/**
 * The dossier's files (issue 11), listed beside functions/routes.ts's routes and read through its
 * ROUTES: their own group, so that only their Lambda holds the bucket's grants.
 */
export const FILE_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: FILES,
    group: 'files',
    auth: true,
    summary: "A nomination's dossier files, by document (?includeDeleted=true adds those deleted less than 30 days ago)",
    query: api.FileListQuery,
    response: api.FileList,
  },
  {
    method: 'POST',
    path: FILES,
    group: 'files',
    auth: true,
    summary:
      'Ask to upload a scan (PDF, JPEG, PNG, at most 20 MB) into a document of the dossier: a pending file and a presigned PUT bound to its type and length (units for their own, HR, admin)',
    body: api.UploadRequest,
    response: api.UploadTicket,
    status: 201,
  },
  {
    method: 'POST',
    path: `${FILES}/{fileId}/confirm`,
    group: 'files',
    auth: true,
    summary:
      "Confirm an upload: the content's first bytes must be the declared type and its size the declared one, else it is deleted (audited)",
    response: api.DossierFile,
  },
  {
    method: 'GET',
    path: `${FILES}/{fileId}/download`,
    group: 'files',
    auth: true,
    summary: 'A presigned GET of a stored file, valid 5 minutes',
    response: api.DownloadLink,
  },
  {
    method: 'DELETE',
    path: `${FILES}/{fileId}`,
    group: 'files',
    auth: true,
    summary: 'Delete a file: recoverable for 30 days (audited)',
    response: api.DossierFile,
  },
  {
    method: 'POST',
    path: `${FILES}/{fileId}/restore`,
    group: 'files',
    auth: true,
    summary: 'Restore a file deleted less than 30 days ago (audited)',
    response: api.DossierFile,
  },
];
