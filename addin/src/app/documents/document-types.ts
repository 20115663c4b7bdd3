import type { DocumentChanges, DocumentRecord } from '#shared/api/documents';
import type { DownloadedFile } from '#addin/api/index';

/** The documents' part of the pane's state: types only, so the pane's core can name them without importing the flow. */

/** A generated document as the pane offers it: a link to save or open, under the server's name, with its record. */
export interface OfferedFile {
  name: string;
  url: string;
  record?: DocumentRecord;
  changes?: DocumentChanges;
}

/** Turns a file into something the pane can link to (a blob URL in the browser; a stand-in in tests). */
export type FileOffer = (file: DownloadedFile) => string;
