import type { z } from 'zod';

/** What a route of functions/routes.ts says of itself (a module of its own, so that route lists in several files share it). */
export type RouteGroup = 'health' | 'campaigns' | 'org' | 'nominations' | 'reports' | 'council' | 'documents' | 'files' | 'register';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  method: HttpMethod;
  path: string;
  group: RouteGroup;
  /** false: open without a token (health and the API description). */
  auth: boolean;
  summary: string;
  /** The query string, as API Gateway passes it (every value a string). */
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** The media type of a file the route answers (a document); JSON when absent. */
  mediaType?: string;
  /** The status of a success, 200 unless said. */
  status?: number;
}
