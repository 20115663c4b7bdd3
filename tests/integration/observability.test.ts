import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '#functions/http/types';
import { startTestApi, type TestApi } from '#tests/support/api';
import { person } from '#tests/support/nomination';
import { BATCH, CAMPAIGN_ID, HR, row, staffOf, unitClerk } from '#tests/support/rows';

/**
 * What production sees of a request: the handlers' one log line and their EMF metrics, read from
 * stdout as CloudWatch would. The logger is silent and the metrics unwritten outside Lambda unless the
 * environment asks, as it does here before the handlers load (startTestApi imports them).
 */
const saved = { level: process.env.POWERTOOLS_LOG_LEVEL, metrics: process.env.POWERTOOLS_METRICS_DISABLED };
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';

const output: string[] = [];
let api: TestApi;
/** JSON lines, from stdout (info, EMF) and stderr (errors), kept here instead of printed. */
function capture(stream: NodeJS.WriteStream) {
  const write = stream.write.bind(stream);
  vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (!text.startsWith('{')) return write(chunk, ...rest);
    output.push(...text.split('\n').filter(Boolean));
    return true;
  }) as typeof stream.write);
}
beforeAll(async () => {
  capture(process.stdout);
  capture(process.stderr);
  api = await startTestApi();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api?.close();
  for (const [name, value] of [
    ['POWERTOOLS_LOG_LEVEL', saved.level],
    ['POWERTOOLS_METRICS_DISABLED', saved.metrics],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

type Line = Record<string, any>;
const lines = (): Line[] => output.map((text) => JSON.parse(text) as Line);
const requestLine = (routeKey: string): Line => {
  const found = lines().filter((line) => line.message === 'request' && line.routeKey === routeKey);
  expect(found, routeKey).not.toHaveLength(0);
  return found.at(-1)!;
};
/** The EMF line that carries a metric (with a dimension's value, when asked). */
const emf = (metric: string, dimension?: [string, string]) =>
  lines().filter(
    (line) =>
      line._aws?.CloudWatchMetrics?.[0]?.Namespace === 'Thidua' && metric in line && (!dimension || line[dimension[0]] === dimension[1]),
  );

describe('each request', () => {
  it('logs one line with its id, route, status, outcome and latency; an open route has no role', async () => {
    const answer = await api.request('GET', '/health');
    const line = requestLine('GET /health');
    expect(line).toMatchObject({
      level: 'INFO',
      service: 'thidua',
      requestId: answer.headers.get('apigw-requestid'),
      status: 200,
      outcome: 'ok',
      role: 'none',
    });
    expect(line.latencyMs).toEqual(expect.any(Number));
  });

  it("gives the signed-in user's role, never who they are, and counts a save's rows", async () => {
    const clerk = await api.tokenFor(unitClerk('tong-hop'));
    const nominee = staffOf('tong-hop')[0]!;
    const answer = await api.request('POST', BATCH, { token: clerk, body: { rows: [row(nominee.id)] } });
    expect(answer.status).toBe(200);

    const line = requestLine('POST /campaigns/{campaignId}/nominations/batch');
    expect(line).toMatchObject({ role: 'unit', status: 200, outcome: 'ok', metrics: { SavedRows: 1, RefusedRows: 0, Conflicts: 0 } });
    expect(emf('SavedRows')).toContainEqual(expect.objectContaining({ service: 'thidua', SavedRows: 1 }));

    // Stale: the same row again at the version it was created with.
    const stored = answer.body.rows[0];
    const stale = { ...row(nominee.id), id: stored.id, version: stored.version - 1 };
    await api.request('POST', BATCH, { token: clerk, body: { rows: [stale] } });
    expect(requestLine('POST /campaigns/{campaignId}/nominations/batch')).toMatchObject({ outcome: 'conflict', metrics: { Conflicts: 1 } });
  });

  it('says a refusal with its stable code, and counts it by code', async () => {
    const clerk = await api.tokenFor(unitClerk('tong-hop'));
    const answer = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/audit`, { token: clerk });
    expect(answer.status).toBe(403);
    expect(requestLine('GET /campaigns/{campaignId}/audit')).toMatchObject({
      role: 'unit',
      status: 403,
      outcome: 'refused',
      code: answer.body.code,
    });
    expect(emf('Refusals', ['code', answer.body.code])).not.toHaveLength(0);

    const stranger = await api.tokenFor('nobody@example.org');
    await api.request('GET', '/campaigns', { token: stranger });
    expect(requestLine('GET /campaigns')).toMatchObject({ role: 'none', status: 403, outcome: 'refused', code: 'UNKNOWN_USER' });
  });

  it('logs a bug with its stack and answers 500 without details', async () => {
    const { routeGroup } = await import('#functions/http/router');
    const handler = routeGroup({
      'GET /boom': async () => {
        throw new TypeError('boom');
      },
    });
    const event = { routeKey: 'GET /boom', headers: {}, requestContext: { requestId: 'req-boom' } } as unknown as ApiEvent;
    const answer = await handler(event);
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body!)).toEqual(expect.objectContaining({ code: 'INTERNAL' }));
    const error = lines().find((line) => line.message === 'unhandled error' && line.requestId === 'req-boom');
    expect(error).toMatchObject({ level: 'ERROR', routeKey: 'GET /boom', error: { name: 'TypeError', message: 'boom' } });
    expect(error!.error.stack).toContain('observability.test.ts');
    expect(requestLine('GET /boom')).toMatchObject({ status: 500, outcome: 'error' });
  });

  it('never writes an e-mail or a name', async () => {
    await api.request('GET', '/me', { token: await api.tokenFor(HR) });
    expect(requestLine('GET /me')).toMatchObject({ role: 'hr', outcome: 'ok' });
    const everything = output.join('\n');
    // (a stack's path may hold node_modules/@scope: an address is something@somewhere.tld)
    expect(everything).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    for (const email of [HR, unitClerk('tong-hop'), 'nobody@example.org']) expect(everything).not.toContain(email);
    expect(everything).not.toContain(person(staffOf('tong-hop')[0]!.id).fullName);
  });
});
