import { z } from 'zod';
import { IsoDate } from '#shared/dates';
import { RoundId } from './round';

/** The media type of a Word document, as the documents' routes answer it. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A document's number in the office's register and its date: without a number the "Số:" line keeps
 * its blank for the clerk who issues it; without a date, today in Vietnam. A round's minutes name the
 * round (the last one held when absent).
 */
export const DocumentQuery = z.strictObject({
  number: z.coerce.number().int().min(1).max(99_999).optional(),
  date: IsoDate.optional(),
  round: RoundId.optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

/** A generated document: the file itself (base64 through API Gateway, bytes to the client). */
export const DocumentFile = z.string().meta({ description: 'The .docx file', format: 'binary' });
