import type { DocumentChanges, DocumentRecord, GeneratedDocument } from '#shared/api/documents';
import { networkError } from './errors';

/** A file the API generated: its bytes, its media type and the name to save it under. */
export interface DownloadedFile {
  bytes: ArrayBuffer;
  contentType: string;
  filename: string;
}

/** The name a Content-Disposition gives: the UTF-8 one (Vietnamese names) before the plain one. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {
      // a malformed name: the plain one below
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

export async function fileOf(response: Response): Promise<DownloadedFile> {
  try {
    return {
      bytes: await response.arrayBuffer(),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      filename: filenameOf(response.headers.get('content-disposition'), 'van-ban.docx'),
    };
  } catch (error) {
    throw networkError(error);
  }
}

/** A document the API generated and recorded: the file, its record in the register, what changed since. */
export interface RecordedFile extends DownloadedFile {
  record: DocumentRecord;
  changes: DocumentChanges;
}

/** The file inside a recorded document's JSON answer (base64, so that the answer stays JSON). */
export function recordedFile(answer: GeneratedDocument): RecordedFile {
  const binary = atob(answer.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return { bytes: bytes.buffer, contentType: answer.mediaType, filename: answer.filename, record: answer.record, changes: answer.changes };
}
