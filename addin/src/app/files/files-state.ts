import type { DossierDocumentView } from './files-view';

/** The pane's "Hồ sơ đính kèm": the selected row's nomination, its documents and files, an upload under way. */
export interface FilesState {
  nominationId: string;
  /** The nominee as the row names it, and the row's number in the table (1 is the first under the header). */
  label: string;
  rowNumber: number;
  documents: DossierDocumentView[];
  /** The role and the campaign's stage let this user upload, replace, delete and restore (shared/policy/files.ts). */
  canChange: boolean;
  /** The bytes on their way to storage. */
  upload?: { document: string; name: string; sent: number; total: number };
  /** The last download asked for: a link valid a few minutes. */
  download?: { name: string; url: string };
}

/** A file the user picked (the browser's File). */
export type ChosenFile = Blob & { readonly name: string };

export interface FilesActions {
  /** Shows the files of the nomination on the selected row of the nomination sheet. */
  showSelected(): Promise<void>;
  /** Checks the file in the pane, uploads it into a document, confirms it; `replaces`: the file it takes the place of. */
  upload(document: string, file: ChosenFile, replaces?: string): Promise<void>;
  download(fileId: string): Promise<void>;
  /** Deletes a file, recoverable for 30 days. */
  remove(fileId: string): Promise<void>;
  restore(fileId: string): Promise<void>;
}
