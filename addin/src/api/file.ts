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
