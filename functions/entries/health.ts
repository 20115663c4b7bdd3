import { json } from '../http/respond';
import { routeGroup } from '../http/router';
import { buildOpenApiDocument } from '../openapi';

let openApi: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = routeGroup({
  'GET /health': async (event) => json(event, 200, { status: 'ok', time: new Date().toISOString() }),
  'GET /openapi.json': async (event) => json(event, 200, (openApi ??= buildOpenApiDocument())),
});
