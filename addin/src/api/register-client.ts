import {
  MAX_HISTORY_ROWS,
  type HistoryRow,
  type ImportHistoryResult,
  type RecordDecisionRequest,
  type RecordDecisionResult,
  type RegisterLookup,
  type RegisterLookupQuery,
} from '#shared/api/register';

/** The award register (issue 11): a decision entered by hand, the history sheet's import, a history looked up. */
export interface RegisterApi {
  recordDecision(campaignId: string, decision: RecordDecisionRequest, idempotencyKey?: string): Promise<RecordDecisionResult>;
  /** The history's rows in requests of at most MAX_HISTORY_ROWS, one after the other; the answers joined. */
  importHistory(rows: readonly HistoryRow[]): Promise<ImportHistoryResult>;
  lookupRegister(query: RegisterLookupQuery): Promise<RegisterLookup>;
}

export interface RegisterTransport {
  request<T>(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string>; query?: Record<string, string | undefined> },
  ): Promise<T>;
}

export function registerClient(transport: RegisterTransport): RegisterApi {
  return {
    recordDecision: (campaignId, decision, idempotencyKey) =>
      transport.request<RecordDecisionResult>('POST', `/campaigns/${encodeURIComponent(campaignId)}/decisions`, {
        body: JSON.stringify(decision),
        ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
      }),
    async importHistory(rows) {
      const answers: ImportHistoryResult[] = [];
      // Re-importing rows adds nothing (the server keys each award), so a chunk sent twice is harmless.
      for (let i = 0; i < rows.length; i += MAX_HISTORY_ROWS) {
        const body = JSON.stringify({ rows: rows.slice(i, i + MAX_HISTORY_ROWS) });
        answers.push(await transport.request<ImportHistoryResult>('PUT', '/register/history', { body }));
      }
      const sum = (key: keyof ImportHistoryResult['summary']) => answers.reduce((n, a) => n + a.summary[key], 0);
      return {
        rows: answers.flatMap((a) => a.rows),
        summary: { added: sum('added'), unchanged: sum('unchanged'), updated: sum('updated'), recorded: sum('recorded') },
      };
    },
    lookupRegister: (query) =>
      transport.request<RegisterLookup>('GET', '/register', {
        query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined ? undefined : String(v)])),
      }),
  };
}
