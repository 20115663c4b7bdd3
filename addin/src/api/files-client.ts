import type { DownloadLink, FileList, UploadRequest, UploadTicket } from '#shared/api/files';
import type { DossierFile } from '#shared/dossier-files';
import { ApiRequestError, CLIENT_ERRORS } from './errors';

/**
 * The dossier's files (issue 11): the API's files routes, and the PUT of the bytes straight to storage
 * through the presigned URL the API gave (the API never carries them).
 */
export interface FilesApi {
  /** A nomination's stored files; with `includeDeleted`, also those deleted less than 30 days ago. */
  listFiles(campaignId: string, nominationId: string, options?: { includeDeleted?: boolean }): Promise<DossierFile[]>;
  /** A pending file and where to PUT its bytes. */
  requestUpload(campaignId: string, nominationId: string, request: UploadRequest): Promise<UploadTicket>;
  /** The bytes, straight to storage, with the ticket's headers; `onProgress` as they leave. */
  putFile(ticket: UploadTicket, body: Blob, onProgress?: (sent: number, total: number) => void): Promise<void>;
  /** The server checks what arrived (type from the content, size) and counts it, or deletes it. */
  confirmUpload(campaignId: string, nominationId: string, fileId: string): Promise<DossierFile>;
  downloadLink(campaignId: string, nominationId: string, fileId: string): Promise<DownloadLink>;
  deleteFile(campaignId: string, nominationId: string, fileId: string): Promise<DossierFile>;
  restoreFile(campaignId: string, nominationId: string, fileId: string): Promise<DossierFile>;
}

/** What the files' part needs of the client: one API request with its retries. */
export interface FilesTransport {
  request<T>(method: string, path: string, init?: { body?: string; query?: Record<string, string | undefined> }): Promise<T>;
}

/**
 * The PUT failed (the network, an expired URL, a body other than the one signed): not retried here, a
 * fresh URL is the API's to give; the user uploads again.
 */
function uploadFailed(status: number, cause?: unknown): ApiRequestError {
  return new ApiRequestError({ status, code: 'UPLOAD_FAILED', message: CLIENT_ERRORS.UPLOAD_FAILED, retryable: false, cause });
}

/**
 * The PUT through XMLHttpRequest where there is one (the pane: its upload events give the progress),
 * else through fetch (node), whose progress is only the start and the end.
 */
export async function putToStorage(ticket: UploadTicket, body: Blob, onProgress?: (sent: number, total: number) => void): Promise<void> {
  const total = body.size;
  if (typeof XMLHttpRequest === 'undefined') {
    onProgress?.(0, total);
    let response: Response;
    try {
      response = await fetch(ticket.url, { method: ticket.method, headers: ticket.headers, body });
    } catch (error) {
      throw uploadFailed(0, error);
    }
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw uploadFailed(response.status);
    onProgress?.(total, total);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : total);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(uploadFailed(xhr.status)));
    xhr.onerror = () => reject(uploadFailed(0));
    onProgress?.(0, total);
    xhr.send(body);
  });
}

export function filesClient(transport: FilesTransport): FilesApi {
  const enc = encodeURIComponent;
  const files = (campaignId: string, nominationId: string) => `/campaigns/${enc(campaignId)}/nominations/${enc(nominationId)}/files`;
  const one = (campaignId: string, nominationId: string, fileId: string) => `${files(campaignId, nominationId)}/${enc(fileId)}`;
  return {
    listFiles: async (campaignId, nominationId, { includeDeleted } = {}) =>
      (
        await transport.request<FileList>('GET', files(campaignId, nominationId), {
          query: { includeDeleted: includeDeleted ? 'true' : undefined },
        })
      ).files,
    requestUpload: (campaignId, nominationId, request) =>
      transport.request<UploadTicket>('POST', files(campaignId, nominationId), { body: JSON.stringify(request) }),
    putFile: putToStorage,
    confirmUpload: (campaignId, nominationId, fileId) =>
      transport.request<DossierFile>('POST', `${one(campaignId, nominationId, fileId)}/confirm`, { body: '{}' }),
    downloadLink: (campaignId, nominationId, fileId) =>
      transport.request<DownloadLink>('GET', `${one(campaignId, nominationId, fileId)}/download`),
    deleteFile: (campaignId, nominationId, fileId) => transport.request<DossierFile>('DELETE', one(campaignId, nominationId, fileId)),
    restoreFile: (campaignId, nominationId, fileId) =>
      transport.request<DossierFile>('POST', `${one(campaignId, nominationId, fileId)}/restore`, { body: '{}' }),
  };
}
