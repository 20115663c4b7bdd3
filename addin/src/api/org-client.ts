import { MAX_ORG_ROWS, type OrgSheetResult, type PersonRow, type UnitRow, type UserRow } from '#shared/api/org-sheets';
import { summarize } from '#shared/api/org-sheets';
import type { User } from '#shared/org';
import { chunkRows, utf8Length, type ChunkLimits } from './chunk';
import { isApiRequestError } from './errors';
import { IdempotencyMemory } from './idempotency';

/** The org sheets' routes: GET /users and PUT /units, /people, /users, by the sheet they save. */
export interface OrgRows {
  units: UnitRow;
  people: PersonRow;
  users: UserRow;
}
export type OrgSheetId = keyof OrgRows;

export interface OrgApi {
  /** The office's users and their roles (an administrator). */
  users(): Promise<User[]>;
  /**
   * A sheet's changed rows and the codes removed from it, in requests of at most MAX_ORG_ROWS rows and
   * the chunk limits' bytes; the removals go with the last rows (a unit emptied by the same save is then
   * free to go). Each request's key is kept in `keys` until the pane has written its answer, so that a
   * save that failed halfway, sent again, gets the codes the server gave the first time.
   */
  saveOrgSheet<K extends OrgSheetId>(
    sheet: K,
    rows: readonly OrgRows[K][],
    removed: readonly string[],
    options?: { keys?: IdempotencyMemory; sessionId?: string },
  ): Promise<OrgSheetResult>;
}

/** What the org part of the client needs of the client: one request with its retries, and every page of a list. */
export interface OrgTransport {
  request<T>(method: string, path: string, init?: { body?: string; headers?: Record<string, string> }): Promise<T>;
  allPages<T>(path: string, query: Record<string, string | undefined>): Promise<T[]>;
  limits: ChunkLimits;
  newSessionId(): string;
}

/** The request bodies of one save: rows in parts, the removed codes after them (a part of their own past MAX_ORG_ROWS). */
export function orgSaveBodies<R>(rows: readonly R[], removed: readonly string[], limits: ChunkLimits): { rows: R[]; removed: string[] }[] {
  const removedParts: string[][] = [];
  for (let i = 0; i < removed.length; i += MAX_ORG_ROWS) removedParts.push(removed.slice(i, i + MAX_ORG_ROWS));
  const first = removedParts.shift() ?? [];
  // The last part of rows carries the first part of the removals: room is kept for them.
  const room = utf8Length(JSON.stringify({ removed: first }));
  const parts = chunkRows(rows, { maxRows: Math.min(limits.maxRows, MAX_ORG_ROWS), maxBytes: limits.maxBytes - room });
  const bodies = parts.map((part) => ({ rows: part, removed: [] as string[] }));
  if (bodies.length > 0) bodies[bodies.length - 1]!.removed = first;
  else if (first.length > 0) bodies.push({ rows: [], removed: first });
  return [...bodies, ...removedParts.map((part) => ({ rows: [] as R[], removed: part }))];
}

export function orgClient(transport: OrgTransport): OrgApi {
  return {
    users: () => transport.allPages<User>('/users', {}),
    async saveOrgSheet(sheet, rows, removed, options = {}) {
      const sessionId = options.sessionId ?? transport.newSessionId();
      const answers: OrgSheetResult[] = [];
      for (const [index, body] of orgSaveBodies(rows, removed, transport.limits).entries()) {
        const text = JSON.stringify(body);
        const digest = IdempotencyMemory.digest(text);
        const key = options.keys?.keyFor(digest) ?? `${sessionId}.${sheet}.${index}`;
        options.keys?.remember(digest, key);
        try {
          answers.push(await transport.request<OrgSheetResult>('PUT', `/${sheet}`, { body: text, headers: { 'idempotency-key': key } }));
          options.keys?.answered(digest);
        } catch (error) {
          // A refusal is definite: the same body sent again must be judged again, not replayed.
          if (isApiRequestError(error) && error.status >= 400 && error.status < 500 && error.code !== 'REQUEST_IN_PROGRESS')
            options.keys?.forget(digest);
          throw error;
        }
      }
      return summarize(
        answers.flatMap((answer) => answer.rows),
        answers.flatMap((answer) => answer.removed),
      );
    },
  };
}
