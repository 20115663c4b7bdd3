import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import type { Db } from '#functions/store/client';

export interface GeneratedFile {
  bytes: Buffer;
  filename: string;
}

/** A document from the stored data: it reads what it needs, asks shared/documents what to say, lays it out. */
export type DocumentGenerator = (db: Db, campaign: Campaign, query: DocumentQuery, now: Date) => Promise<GeneratedFile>;
