import type { CampaignSummary, Page, SaveBatchResult, StoredCampaign, ValidationReport } from '#shared/api/index';
import type { Campaign } from '#shared/campaign';
import type { Nomination, NominationChange } from '#shared/nomination';
import type { Person, Unit, User } from '#shared/org';
import { DOCX_MEDIA_TYPE, type GenerateDocumentRequest, type GeneratedDocument, type IssuedDocument } from '#shared/api/documents';
import type { DocumentKind } from '#shared/documents/kinds';
import type { StageMoveRequest } from '#shared/api/campaign-stage';
import type { CertificateLayoutUpdate, StoredCertificateLayout } from '#shared/api/office';
import { chunkRows, DEFAULT_CHUNK_LIMITS, type ChunkLimits } from './chunk';
import { ApiRequestError, CLIENT_ERRORS, errorFromResponse, isApiRequestError, networkError, signInRequired } from './errors';
import { fileOf, recordedFile, type DownloadedFile, type RecordedFile } from './file';
import { mergeSaveResults } from './save-merge';
import { IdempotencyMemory, newUuid } from './idempotency';
import { DEFAULT_RETRY, realSleep, withRetry, type RetryPolicy } from './retry';
import type { ListOptions, SaveOptions } from './request-options';
import { orgClient, type OrgApi } from './org-client';
import { filesClient, type FilesApi } from './files-client';
import { statisticsClient, type StatisticsApi } from './statistics-client';
import { registerClient, type RegisterApi } from './register-client';
import { councilClient, type CouncilApi } from './council-client';

export interface ApiClientOptions {
  /** '/api' when the add-in is served next to the API; a full URL otherwise. */
  baseUrl: string;
  /** The bearer token; `forceRefresh` after a 401. */
  getToken: (forceRefresh?: boolean) => Promise<string>;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  chunkLimits?: Partial<ChunkLimits>;
  /** A request that has not answered after this long is given up and retried (API Gateway stops at 30 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  newSessionId?: () => string;
}

export interface ApiClient extends OrgApi, FilesApi, StatisticsApi, RegisterApi, CouncilApi {
  me(): Promise<User>;
  /** Every campaign's summary, page after page (the picker's list); the plan is `campaign(id)`. */
  campaigns(): Promise<CampaignSummary[]>;
  /** One campaign whole: its forms, quotas, criteria and council. */
  campaign(campaignId: string): Promise<StoredCampaign>;
  /** Moves the campaign's stage from the version read (HR, admin); a step back with its reason. */
  moveStage(campaignId: string, move: StageMoveRequest): Promise<StoredCampaign>;
  /** A new campaign (admin); the plan's save is over the version read (VERSION_CONFLICT: `details.current`). */
  createCampaign(campaign: Campaign): Promise<StoredCampaign>;
  updateCampaign(campaign: Campaign, version: number): Promise<StoredCampaign>;
  units(): Promise<Unit[]>;
  people(): Promise<Person[]>;
  /** Every page of the campaign's nominations (a unit clerk gets the unit's own: the server filters). */
  listNominations(campaignId: string, options?: ListOptions): Promise<Nomination[]>;
  validationReport(campaignId: string): Promise<ValidationReport>;
  /** Soft delete; with `version`, refused (VERSION_CONFLICT) when someone changed it since. */
  deleteNomination(campaignId: string, nominationId: string, version?: number): Promise<Nomination>;
  /**
   * Saves rows in parts within the API's limits, each part with its own Idempotency-Key, retried on
   * network errors, 5xx, 429 and REQUEST_IN_PROGRESS; the answers merged (quota usage from the last).
   * When a part fails for good, the ApiRequestError carries `partial`: the parts saved before it.
   */
  saveChanges(campaignId: string, rows: readonly NominationChange[], options?: SaveOptions): Promise<SaveBatchResult>;
  /** One of the office's documents as a Word file (shared/documents/kinds.ts; who may: shared/policy/documents); `grid`: the certificates' test print. */
  document(campaignId: string, kind: DocumentKind, options?: { grid?: boolean }): Promise<DownloadedFile>;
  /** Where the Giấy khen's fields print on the office's blank (version 0: the default). */
  certificateLayout(): Promise<StoredCertificateLayout>;
  /** Saves it over the version read; VERSION_CONFLICT when another administrator saved since. */
  saveCertificateLayout(update: CertificateLayoutUpdate): Promise<StoredCertificateLayout>;
  /** One of the office's documents generated and recorded (shared/documents/kinds.ts): the file, its record, what changed. */
  generateDocument(campaignId: string, kind: DocumentKind, request?: GenerateDocumentRequest): Promise<RecordedFile>;
  /** Issues the signed decision as generated (`version`: its record as the pane last read it). */
  issueDocument(campaignId: string, kind: DocumentKind, version: number): Promise<IssuedDocument>;
}

/** Campaign summaries per request: the API's largest page (shared/api/campaign.ts CampaignListQuery). */
const CAMPAIGN_PAGE = 100;

/** Network failures and 5xx may have reached the server: the outcome of the request is unknown. */
function outcomeUnknown(error: unknown): boolean {
  return !isApiRequestError(error) || error.status === 0 || error.status >= 500;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const limits: ChunkLimits = { ...DEFAULT_CHUNK_LIMITS, ...options.chunkLimits };
  const timeoutMs = options.timeoutMs ?? 45_000;
  const sleep = options.sleep ?? realSleep;
  const newSessionId = options.newSessionId ?? newUuid;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function token(forceRefresh: boolean): Promise<string> {
    try {
      return await options.getToken(forceRefresh);
    } catch (error) {
      throw signInRequired(error);
    }
  }

  async function fetchOnce(method: string, url: string, body: string | undefined, headers: Record<string, string>, bearer: string) {
    const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
    let timedOut = false;
    const timer = controller ? setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs) : undefined;
    try {
      return await doFetch(url, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body }),
        ...(controller ? { signal: controller.signal } : {}),
      });
    } catch (error) {
      throw networkError(error, timedOut);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  async function readBody(response: Response): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw networkError(error);
    }
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  /** One attempt: a token, the request, and once more with a fresh token after a 401. */
  async function attempt<T>(method: string, url: string, body: string | undefined, headers: Record<string, string>): Promise<T> {
    let response = await fetchOnce(method, url, body, headers, await token(false));
    if (response.status === 401) {
      await response.text().catch(() => undefined);
      response = await fetchOnce(method, url, body, headers, await token(true));
    }
    // A file (a generated document) comes back as bytes, with the name the server gave it.
    if (response.ok && headers.accept === DOCX_MEDIA_TYPE) return (await fileOf(response)) as T;
    const parsed = await readBody(response);
    if (!response.ok) throw errorFromResponse(response.status, parsed, response.headers.get('retry-after'));
    if (parsed !== undefined && typeof parsed !== 'object') {
      throw new ApiRequestError({ status: response.status, code: 'BAD_RESPONSE', message: CLIENT_ERRORS.BAD_RESPONSE, retryable: false });
    }
    return parsed as T;
  }

  function request<T>(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string>; query?: Record<string, string | undefined> } = {},
  ): Promise<T> {
    const query = Object.entries(init.query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
    const url = `${base}${path}${query.length > 0 ? `?${new URLSearchParams(query).toString()}` : ''}`;
    return withRetry(() => attempt<T>(method, url, init.body, init.headers ?? {}), {
      policy,
      sleep,
      ...(options.random ? { random: options.random } : {}),
    });
  }

  /** Every page of a list route, following its cursor. */
  async function allPages<T>(path: string, query: Record<string, string | undefined>, onPage?: (loaded: number, pages: number) => void) {
    const items: T[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await request<Page<T>>('GET', path, { query: { ...query, cursor } });
      items.push(...page.items);
      pages += 1;
      cursor = page.nextCursor ?? undefined;
      onPage?.(items.length, pages);
    } while (cursor);
    return items;
  }

  const enc = encodeURIComponent;
  const campaignPath = (campaignId: string) => `/campaigns/${enc(campaignId)}`;

  return {
    ...orgClient({ request, allPages, limits, newSessionId }),
    ...filesClient({ request }),
    ...statisticsClient(request),
    ...registerClient({ request }),
    ...councilClient({ request, limits }),
    me: () => request<User>('GET', '/me'),
    campaigns: () => allPages<CampaignSummary>('/campaigns', { limit: String(CAMPAIGN_PAGE) }),
    createCampaign: (campaign) => request<StoredCampaign>('POST', '/campaigns', { body: JSON.stringify(campaign) }),
    updateCampaign: (campaign, version) =>
      request<StoredCampaign>('PUT', campaignPath(campaign.id), { body: JSON.stringify({ campaign, version }) }),
    campaign: (campaignId) => request<StoredCampaign>('GET', campaignPath(campaignId)),
    moveStage: (campaignId, move) => request<StoredCampaign>('POST', `${campaignPath(campaignId)}/stage`, { body: JSON.stringify(move) }),
    // Whole lists today (an office's registry: 6 MB would be some 40,000 people), followed like any
    // page so that the server may page them without a new pane.
    units: () => allPages<Unit>('/units', {}),
    people: () => allPages<Person>('/people', {}),

    listNominations: (campaignId, list = {}) =>
      allPages<Nomination>(
        `${campaignPath(campaignId)}/nominations`,
        { unitId: list.unitId, status: list.status, limit: list.pageSize === undefined ? undefined : String(list.pageSize) },
        (loaded, pages) => list.onProgress?.({ loaded, pages }),
      ),

    validationReport: (campaignId) => request<ValidationReport>('GET', `${campaignPath(campaignId)}/validation`),

    deleteNomination: (campaignId, nominationId, version) =>
      request<Nomination>('DELETE', `${campaignPath(campaignId)}/nominations/${enc(nominationId)}`, {
        query: { version: version === undefined ? undefined : String(version) },
      }),

    document: (campaignId, kind, { grid } = {}) =>
      request<DownloadedFile>('GET', `${campaignPath(campaignId)}/documents/${enc(kind)}`, {
        headers: { accept: DOCX_MEDIA_TYPE },
        query: { grid: grid ? '1' : undefined },
      }),
    certificateLayout: () => request<StoredCertificateLayout>('GET', '/office/certificate-layout'),
    saveCertificateLayout: (update) =>
      request<StoredCertificateLayout>('PUT', '/office/certificate-layout', { body: JSON.stringify(update) }),
    generateDocument: async (campaignId, kind, body = {}) =>
      recordedFile(
        await request<GeneratedDocument>('POST', `${campaignPath(campaignId)}/documents/${enc(kind)}`, { body: JSON.stringify(body) }),
      ),
    issueDocument: (campaignId, kind, version) =>
      request<IssuedDocument>('POST', `${campaignPath(campaignId)}/documents/${enc(kind)}/issue`, { body: JSON.stringify({ version }) }),
    async saveChanges(campaignId, rows, save = {}) {
      const sessionId = save.sessionId ?? newSessionId();
      const chunks = chunkRows(rows, limits);
      const results: SaveBatchResult[] = [];
      let sentRows = 0;
      save.onProgress?.({ sentRows, totalRows: rows.length, chunk: 0, chunks: chunks.length });
      for (const [index, chunk] of chunks.entries()) {
        save.onProgress?.({ sentRows, totalRows: rows.length, chunk: index + 1, chunks: chunks.length });
        const body = JSON.stringify({ rows: chunk });
        const digest = IdempotencyMemory.digest(body);
        const key = save.keys?.keyFor(digest) ?? `${sessionId}.${index}`;
        save.keys?.remember(digest, key);
        try {
          results.push(
            await request<SaveBatchResult>('POST', `${campaignPath(campaignId)}/nominations/batch`, {
              body,
              headers: { 'idempotency-key': key },
            }),
          );
          save.keys?.answered(digest);
        } catch (error) {
          if (!outcomeUnknown(error)) save.keys?.forget(digest);
          if (isApiRequestError(error)) {
            error.partial = results.length > 0 ? mergeSaveResults(results) : undefined;
            throw error;
          }
          throw networkError(error);
        }
        sentRows += chunk.length;
        save.onProgress?.({ sentRows, totalRows: rows.length, chunk: index + 1, chunks: chunks.length });
      }
      return mergeSaveResults(results);
    },
  };
}
