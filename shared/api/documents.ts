import { z } from 'zod';
import { IsoDate } from '#shared/dates';
import { DocumentKind } from '#shared/documents/kinds';
import { RoundId } from './round';

/** The media type of a Word document, as the documents' routes answer it. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A document's number in the office's register and its date: without a number the "Số:" line keeps
 * its blank for the clerk who issues it; without a date, today in Vietnam. A round's minutes name the
 * round (the last one held when absent). `grid=1` asks the certificates' test print: the grid and the
 * fields' boxes on one page, to hold over the office's blank.
 */
export const DocumentQuery = z.strictObject({
  number: z.coerce.number().int().min(1).max(99_999).optional(),
  date: IsoDate.optional(),
  round: RoundId.optional(),
  grid: z.literal('1').optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

/** A generated document: the file itself (base64 through API Gateway, bytes to the client). */
export const DocumentFile = z.string().meta({ description: 'The .docx file', format: 'binary' });

/** A document to generate and record: its number in the register (the next one when absent), its date. */
export const GenerateDocumentRequest = z.strictObject({
  number: z.number().int().min(1).max(99_999).optional(),
  date: IsoDate.optional(),
  round: RoundId.optional(),
});
export type GenerateDocumentRequest = z.infer<typeof GenerateDocumentRequest>;

/**
 * A generated document as the campaign keeps it: its number in the office's register for its type and
 * year, its date, who generated it last and when, from which data (a fingerprint of every line it
 * lists), and, once issued, who issued it and the nominations it awarded.
 */
export const DocumentRecord = z.strictObject({
  campaignId: z.string(),
  kind: DocumentKind,
  /** The kind, and the round for a round's minutes: one record each. */
  key: z.string(),
  number: z.number().int().min(1),
  numberLine: z.string(),
  year: z.number().int(),
  date: IsoDate,
  status: z.enum(['draft', 'issued']),
  generatedBy: z.string(),
  generatedAt: z.iso.datetime(),
  generations: z.number().int().min(1),
  /** The fingerprint of what the document says: its lines and its heading. */
  dataVersion: z.string(),
  lineCount: z.number().int().min(0),
  issuedBy: z.string().optional(),
  issuedAt: z.iso.datetime().optional(),
  awarded: z.array(z.string()).optional(),
  version: z.number().int().min(1),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** What changed in a document's list since it was last generated, by the names it lists. */
export const DocumentChanges = z.strictObject({
  first: z.boolean(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
  /** The heading moved: another number or date. */
  renumbered: z.boolean(),
});
export type DocumentChanges = z.infer<typeof DocumentChanges>;

export const GeneratedDocument = z.strictObject({
  record: DocumentRecord,
  changes: DocumentChanges,
  filename: z.string(),
  mediaType: z.string(),
  /** The .docx, base64: the answer stays JSON, within Lambda's 6 MB response. */
  content: z.string(),
});
export type GeneratedDocument = z.infer<typeof GeneratedDocument>;

export const DocumentRecords = z.strictObject({ records: z.array(DocumentRecord) });

/** Issue the recorded document as generated (`version`: the record the user saw). */
export const IssueDocumentRequest = z.strictObject({ version: z.number().int().min(1) });
export const IssuedDocument = z.strictObject({ record: DocumentRecord, awarded: z.number().int().min(0) });
export type IssuedDocument = z.infer<typeof IssuedDocument>;
