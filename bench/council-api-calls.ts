/** The council bench's calls to the local API: each timed, sized and counted in DynamoDB requests. */
import { performance } from 'node:perf_hooks';
import { forwardPath, type CampaignStage } from '#shared/campaign-stage';
import { requestCounter } from '#functions/store/client';
import { busyMs, type CallLog } from './profile';
import { sample, type Sample } from './report';

export interface CouncilBenchContext {
  /** The local API's base URL (the real handlers, in this process, on the product's db()). */
  baseUrl: string;
  issueToken: (email: string) => Promise<string>;
  /** The call log on db().doc, if any: the time DynamoDB requests were in flight. */
  log?: CallLog;
  progress?: (line: string) => void;
}

export interface ApiCall {
  status: number;
  ms: number;
  requestBytes: number;
  responseBytes: number;
  dynamo: number;
  dynamoBusyMs: number;
  body: any;
}

export async function call(ctx: CouncilBenchContext, method: string, path: string, token: string, body?: unknown): Promise<ApiCall> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const before = requestCounter.count;
  const from = performance.now();
  const send = () =>
    fetch(`${ctx.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { body: payload } : {}),
    });
  // A kept-alive connection the local server closed as it idled is reset when reused (seen after a long
  // confirmation on a loaded machine): the request never reached the handler, so send it once more.
  const response = await send().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return send();
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  const to = performance.now();
  return {
    status: response.status,
    ms: to - from,
    requestBytes: payload === undefined ? 0 : Buffer.byteLength(payload),
    responseBytes: Number(response.headers.get('content-length') ?? Buffer.byteLength(text)),
    dynamo: requestCounter.count - before,
    dynamoBusyMs: ctx.log ? busyMs(ctx.log.between(from, to)) : NaN,
    body: parsed,
  };
}

export function expectStatus(answer: ApiCall, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 600)}`);
}

/** The campaign walked forward to `to` through POST …/stage (a campaign starts in draft; the council votes under review). */
export async function moveStage(ctx: CouncilBenchContext, token: string, campaignId: string, to: CampaignStage): Promise<void> {
  const read = await call(ctx, 'GET', `/campaigns/${campaignId}`, token);
  expectStatus(read, 200, `GET /campaigns/${campaignId}`);
  let version = (read.body as { version: number }).version;
  for (const stage of forwardPath((read.body as { stage: CampaignStage }).stage, to)) {
    const moved = await call(ctx, 'POST', `/campaigns/${campaignId}/stage`, token, { to: stage, version });
    expectStatus(moved, 200, `POST /campaigns/${campaignId}/stage ${stage}`);
    version = (moved.body as { version: number }).version;
  }
}

export interface Timed {
  sample: Sample;
  dynamo: number[];
  requestBytes: number;
  responseBytes: number;
  /** DynamoDB in flight during the median call. */
  dynamoBusyMs: number;
}

export function timed(calls: readonly ApiCall[]): Timed {
  const s = sample(calls.map((c) => c.ms));
  const median = calls.find((c) => c.ms === s.median)!;
  return {
    sample: s,
    dynamo: calls.map((c) => c.dynamo),
    requestBytes: median.requestBytes,
    responseBytes: median.responseBytes,
    dynamoBusyMs: median.dynamoBusyMs,
  };
}
