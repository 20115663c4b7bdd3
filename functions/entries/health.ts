import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { buildOpenApiDocument } from '#functions/openapi';

let openApi: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = routeGroup({
  'GET /health': async (event) => json(event, 200, { status: 'ok', time: new Date().toISOString() }),
  'GET /openapi.json': async (event) => json(event, 200, (openApi ??= buildOpenApiDocument())),
});
