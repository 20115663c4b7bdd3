import { z } from 'zod';
import { IsoDate } from '#shared/dates';

/** The media type of a Word document, as the documents' routes answer it. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The decision's number in the office's register and its date, until the register keeps them: without
 * a number the "Số:" line keeps its blank for the clerk who issues it; without a date, today in Vietnam.
 */
export const DecisionQuery = z.strictObject({
  number: z.coerce.number().int().min(1).max(99_999).optional(),
  date: IsoDate.optional(),
});
export type DecisionQuery = z.infer<typeof DecisionQuery>;

/** A generated document: the file itself (base64 through API Gateway, bytes to the client). */
export const DocumentFile = z.string().meta({ description: 'The .docx file', format: 'binary' });
