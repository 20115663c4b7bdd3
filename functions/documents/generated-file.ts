import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import type { DocumentLine } from '#shared/documents/register';
import type { Db } from '#functions/store/client';

export interface GeneratedFile {
  bytes: Buffer;
  filename: string;
  /**
   * The lines the document lists (its nominations, its awardees), keyed by nomination: the register
   * compares them with the last generation's to say what changed, and issuing reads whom they name.
   */
  lines: DocumentLine[];
  /** A line's name by its key, for a line no longer listed (a nomination that left the list). */
  nameOf: (key: string) => string | undefined;
  /** What one record of the kind is about beyond the campaign: the round of a round's minutes. */
  subject?: string;
}

/** A document from the stored data: it reads what it needs, asks shared/documents what to say, lays it out. */
export type DocumentGenerator = (db: Db, campaign: Campaign, query: DocumentQuery, now: Date) => Promise<GeneratedFile>;
