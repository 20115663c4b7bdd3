import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '#functions/openapi';
import { ROUTES } from '#functions/routes';

type Operation = {
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: unknown;
  responses: Record<string, { content: { 'application/json': { schema: Record<string, unknown> } } }>;
};
const document = buildOpenApiDocument();
const operation = (method: string, path: string) =>
  (document.paths as Record<string, Record<string, Operation>>)[path]![method.toLowerCase()]!;

describe('the OpenAPI document', () => {
  it('is committed as generated: run `npm run openapi` after changing a route or a schema', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("lists every route's query parameters, with their constraints", () => {
    const list = operation('GET', '/campaigns/{campaignId}/nominations').parameters!;
    expect(list.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:campaignId',
      'query:unitId',
      'query:status',
      'query:cursor',
      'query:limit',
      'query:includeDeleted',
    ]);
    expect(list.find((p) => p.name === 'limit')!.schema).toMatchObject({ minimum: 1, maximum: 2000, default: 1000 });
    expect(operation('GET', '/campaigns/{campaignId}/audit').parameters!.map((p) => p.name)).toContain('nominationId');
    expect(operation('DELETE', '/campaigns/{campaignId}/nominations/{nominationId}').parameters!.map((p) => p.name)).toContain('version');
    expect(operation('GET', '/people').parameters!.map((p) => p.name)).toEqual(['unitId']);
  });

  it('states the Idempotency-Key header: 8–128 characters of letters, digits, _ . : -', () => {
    const key = operation('POST', '/campaigns/{campaignId}/nominations/batch').parameters!.find((p) => p.name === 'Idempotency-Key')!;
    expect(key).toMatchObject({ in: 'header', required: false, schema: { minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' } });
  });

  it("states API Gateway's 401 body on every route behind a token, and the error body for 4xx", () => {
    for (const route of ROUTES) {
      const { responses } = operation(route.method, route.path);
      expect(responses['4XX']!.content['application/json'].schema).toMatchObject({ required: ['code', 'message'] });
      if (!route.auth) expect(responses['401']).toBeUndefined();
      else expect(JSON.stringify(responses['401']!.content['application/json'].schema)).toContain('"const":"Unauthorized"');
    }
  });

  it('describes the save request and its answer from the same schemas the handler parses with', () => {
    const save = operation('POST', '/campaigns/{campaignId}/nominations/batch');
    expect(JSON.stringify(save.requestBody)).toContain('"maxItems":5000');
    expect(save.responses['200']!.content['application/json'].schema).toMatchObject({
      required: expect.arrayContaining(['rows', 'quotaUsage', 'summary']),
    });
  });
});
