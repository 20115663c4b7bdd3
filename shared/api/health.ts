import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok'), time: z.string() });
export type Health = z.infer<typeof Health>;

/** GET /openapi.json: the document itself (described loosely, it describes itself). */
export const OpenApiDocument = z.object({ openapi: z.string() }).loose();
