import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, ApiHandler, ApiResult } from '#functions/http/types';
import { loadLocalKeys } from '#local/keys';
import { createLocalApi } from '#local/server';
import { ROUTE_GROUPS, type RouteGroup } from '#functions/routes';
import { deleteTable, ensureTable } from '#functions/store/ensure-table';
import { TABLE } from '#functions/store/table';
import { startTestApi, type TestApi } from '#tests/support/api';

/** The local runner itself, against the run's real DynamoDB Local; seedDemoData is not relied on. */

const ok: ApiResult = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
const spies = Object.fromEntries(ROUTE_GROUPS.map((group) => [group, vi.fn<ApiHandler>(async () => ok)])) as Record<
  RouteGroup,
  ReturnType<typeof vi.fn<ApiHandler>>
>;
const lastEvent = (group: RouteGroup): ApiEvent => spies[group].mock.lastCall![0];
const anyCalled = () => ROUTE_GROUPS.some((group) => spies[group].mock.calls.length > 0);

describe('the real handlers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
  });
  afterAll(() => api?.close());

  it('serves GET /health without a token', async () => {
    const response = await api.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
  });

  it('points the handlers at this file’s table', () => {
    expect(process.env.TABLE_NAME).toBe(api.tableName);
    expect(process.env.DYNAMODB_ENDPOINT).toBe(api.endpoint);
  });
});

describe('the API Gateway stand-in', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false, handlers: spies });
  });
  afterAll(() => api?.close());
  beforeEach(() => {
    for (const spy of Object.values(spies)) spy.mockReset().mockImplementation(async () => ok);
  });

  describe('the JWT authorizer', () => {
    it('answers 401 without calling the handler when there is no token', async () => {
      const response = await api.request('GET', '/campaigns');
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ message: 'Unauthorized' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(anyCalled()).toBe(false);
    });

    it('answers 401 for a token that is not a JWT, or signed by another key', async () => {
      const stranger = await loadLocalKeys({ dir: null });
      for (const token of ['not-a-jwt', await stranger.issueToken('tochuc@thidua.local')]) {
        const response = await api.request('GET', '/me', { token });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ message: 'Unauthorized' });
        expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      }
      expect(anyCalled()).toBe(false);
    });

    it('answers 401 for an expired token', async () => {
      const token = await api.tokenFor('tochuc@thidua.local', { ttl: -60 });
      const response = await api.request('GET', '/me', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('the token has expired');
      expect(anyCalled()).toBe(false);
    });

    it('lets a valid token through, with or without the Bearer prefix', async () => {
      const token = await api.tokenFor('tochuc@thidua.local');
      expect((await api.request('GET', '/me', { token })).status).toBe(200);
      expect((await api.request('GET', '/me', { headers: { authorization: token } })).status).toBe(200);
      expect(spies.org).toHaveBeenCalledTimes(2);
    });
  });

  it('answers 404 like API Gateway for an unknown path or method', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['DELETE', '/campaigns'],
      ['GET', '/health/'],
      ['GET', '/campaigns/c1/nominations/n1'],
    ]) {
      const response = await api.request(method!, path!);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body).toEqual({ message: 'Not Found' });
    }
    expect(anyCalled()).toBe(false);
  });

  it('hands the handler the payload-2.0 event API Gateway would send', async () => {
    const token = await api.tokenFor('Tochuc@Thidua.Local');
    const response = await api.request('PUT', '/users/to%20chuc%40thidua.local?x=1&x=2&y=a%20b&flag', {
      token,
      body: { role: 'hr' },
      headers: { 'X-Custom': 'A', cookie: 'a=1; b=2' },
    });
    expect(response.status).toBe(200);
    expect(spies.org).toHaveBeenCalledTimes(1);
    const event = lastEvent('org');
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'PUT /users/{email}',
      rawPath: '/users/to%20chuc%40thidua.local',
      rawQueryString: 'x=1&x=2&y=a%20b&flag',
      pathParameters: { email: 'to chuc@thidua.local' },
      queryStringParameters: { x: '1,2', y: 'a b', flag: '' },
      cookies: ['a=1', 'b=2'],
      body: '{"role":"hr"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        routeKey: 'PUT /users/{email}',
        stage: '$default',
        http: { method: 'PUT', path: '/users/to%20chuc%40thidua.local', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
        authorizer: {
          principalId: '',
          integrationLatency: 0,
          jwt: { claims: { email: 'tochuc@thidua.local', sub: 'tochuc@thidua.local', iss: 'thidua-local', aud: 'thidua-api' }, scopes: [] },
        },
      },
    });
    expect(event.headers).toMatchObject({ 'x-custom': 'A', 'content-type': 'application/json', authorization: `Bearer ${token}` });
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(event.headers.cookie).toBeUndefined();
    expect(typeof event.requestContext.authorizer.jwt.claims.exp).toBe('string'); // API Gateway passes claims as strings
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(event.requestContext.time).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(10_000);
  });

  it('sends no authorizer, query or path parameters when there are none', async () => {
    await api.request('GET', '/health');
    const event = lastEvent('health');
    expect(event.routeKey).toBe('GET /health');
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event).not.toHaveProperty('body');
    expect(event.rawQueryString).toBe('');
  });

  it('passes repeated headers comma-joined and non-text bodies base64-encoded', async () => {
    const token = await api.tokenFor('admin@thidua.local');
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    // node:http, not fetch: fetch would join the repeated header itself before sending it.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${api.baseUrl}/campaigns`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-multi': ['a', 'b'] },
      });
      req.on('response', (res) => resolve(res.resume().statusCode ?? 0)).on('error', reject);
      req.end(bytes);
    });
    expect(status).toBe(200);
    const event = lastEvent('campaigns');
    expect(event.routeKey).toBe('POST /campaigns');
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64')).toEqual(bytes);
  });

  it('maps the result back: status, headers, cookies, base64 bodies', async () => {
    spies.health.mockImplementation(async () => ({
      statusCode: 201,
      headers: { 'Content-Type': 'image/png', 'X-Thing': 7 },
      cookies: ['s=1; Path=/', 't=2'],
      body: Buffer.from([137, 80, 78, 71]).toString('base64'),
      isBase64Encoded: true,
    }));
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-thing')).toBe('7');
    expect(response.headers.getSetCookie()).toEqual(['s=1; Path=/', 't=2']);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([137, 80, 78, 71]));
  });

  it('reads a result without statusCode as API Gateway does (200, JSON)', async () => {
    spies.health.mockImplementation((async () => ({ hello: 'world' })) as unknown as ApiHandler);
    const response = await api.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toEqual({ hello: 'world' });
  });

  it('answers 500 like API Gateway when the handler throws', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      spies.health.mockRejectedValue(new Error('boom'));
      const response = await api.request('GET', '/health');
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ message: 'Internal Server Error' });
      expect(quiet).toHaveBeenCalled();
    } finally {
      quiet.mockRestore();
    }
  });

  it('answers 500 for a result API Gateway could not use (bad statusCode, bad header)', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      spies.health.mockResolvedValueOnce({ statusCode: 42 });
      expect((await api.request('GET', '/health')).status).toBe(500);
      spies.health.mockResolvedValueOnce({ statusCode: 200, headers: { 'x-bad': 'a\nb' }, body: '' });
      const response = await api.request('GET', '/health');
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ message: 'Internal Server Error' });
    } finally {
      quiet.mockRestore();
    }
  });

  it('answers 413 in the product’s shape over Lambda’s 6 MB, and API Gateway’s over 10 MB', async () => {
    const token = await api.tokenFor('admin@thidua.local');
    const sevenMb = await api.request('POST', '/campaigns', {
      token,
      body: JSON.stringify({ pad: 'x'.repeat(7 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(sevenMb.status).toBe(413);
    expect(sevenMb.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: { vi: expect.any(String), en: expect.any(String) } });

    const elevenMb = await api.request('POST', '/campaigns', {
      token,
      body: 'x'.repeat(11 * 1024 * 1024),
      headers: { 'content-type': 'text/plain' },
    });
    expect(elevenMb.status).toBe(413);
    expect(elevenMb.body).toEqual({ message: 'Request Entity Too Large' });

    // Base64 makes a binary body a third larger in the event: 5 MB of bytes is over the limit too.
    const fiveMbBinary = await api.request('POST', '/campaigns', {
      token,
      body: new Uint8Array(5 * 1024 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(fiveMbBinary.status).toBe(413);
    expect(anyCalled()).toBe(false);
  });

  it('answers CORS preflights for https://localhost origins only', async () => {
    const allowed = await fetch(`${api.baseUrl}/campaigns`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization,content-type,idempotency-key');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PUT');

    const other = await fetch(`${api.baseUrl}/campaigns`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const simple = await api.request('GET', '/health', { headers: { origin: 'https://localhost:3000' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(anyCalled()).toBe(true); // the GET, not the preflights
    expect(spies.campaigns).not.toHaveBeenCalled();
  });

  describe('dev routes', () => {
    it('signs a token for a demo user that the authorizer accepts', async () => {
      const response = await api.request('POST', '/dev/token', { body: { email: 'TOCHUC@thidua.local' } });
      expect(response.status).toBe(200);
      const me = await api.request('GET', '/me', { token: response.body.token });
      expect(me.status).toBe(200);
      expect(lastEvent('org').requestContext.authorizer.jwt.claims.email).toBe('tochuc@thidua.local');
    });

    it('refuses other e-mails and bad bodies', async () => {
      const stranger = await api.request('POST', '/dev/token', { body: { email: 'someone@example.com' } });
      expect(stranger.status).toBe(403);
      expect(stranger.body.code).toBe('UNKNOWN_USER');
      expect((await api.request('POST', '/dev/token', { body: 'nope' })).status).toBe(400);
    });

    it('lists the demo users', async () => {
      const response = await api.request('GET', '/dev/users');
      expect(response.status).toBe(200);
      expect(response.body).toContainEqual(expect.objectContaining({ email: 'admin@thidua.local', role: 'admin' }));
    });
  });
});

describe('route matching', () => {
  it('prefers a literal segment to a {param}, as API Gateway does', async () => {
    const seen: string[] = [];
    const handler: ApiHandler = async (event) => {
      seen.push(`${event.routeKey} ${JSON.stringify(event.pathParameters ?? {})}`);
      return ok;
    };
    const local = createLocalApi({
      handlers: Object.fromEntries(ROUTE_GROUPS.map((group) => [group, handler])) as Record<RouteGroup, ApiHandler>,
      verify: async () => ({}),
      routes: [
        { method: 'GET', path: '/a/{id}/c', group: 'health', auth: false, summary: '', response: z.unknown() },
        { method: 'GET', path: '/a/b/{x}', group: 'health', auth: false, summary: '', response: z.unknown() },
      ],
      quiet: true,
    });
    const { url } = await local.listen(0);
    try {
      await fetch(`${url}/a/b/c`);
      await fetch(`${url}/a/z/c`);
    } finally {
      await local.close();
    }
    expect(seen).toEqual(['GET /a/b/{x} {"x":"c"}', 'GET /a/{id}/c {"id":"z"}']);
  });
});

describe('ensureTable', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false, handlers: spies });
  });
  afterAll(() => api?.close());

  it('creates the table with its nominee index once, then leaves it alone', async () => {
    const tableName = `ensure-${randomUUID().slice(0, 8)}`;
    expect(await ensureTable(api.client, tableName)).toBe(true);
    expect(await ensureTable(api.client, tableName)).toBe(false);
    const { Table } = await api.client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = Object.fromEntries((Table?.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, index.KeySchema]));
    expect(indexes).toEqual({
      GSI1: [
        { AttributeName: 'GSI1PK', KeyType: 'HASH' },
        { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
      ],
    });
    await deleteTable(api.client, tableName);
    await deleteTable(api.client, tableName); // idempotent too
    await expect(api.client.send(new DescribeTableCommand({ TableName: tableName }))).rejects.toThrow(/not found|non-existent/i);
  });

  it('survives concurrent calls for the same table', async () => {
    const tableName = `ensure-${randomUUID().slice(0, 8)}`;
    const results = await Promise.all([
      ensureTable(api.client, tableName),
      ensureTable(api.client, tableName),
      ensureTable(api.client, tableName),
    ]);
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    await deleteTable(api.client, tableName);
  });

  it('made this file’s table too (startTestApi uses ensureTable)', async () => {
    expect(await ensureTable(api.client, api.tableName)).toBe(false);
  });
});
