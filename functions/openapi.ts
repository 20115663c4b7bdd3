import { z } from 'zod';
import { ApiErrorBody, GatewayUnauthorizedBody, PATH_PARAMS, type PathParamName } from '#shared/api/index';
import { ROUTES, type Route } from './routes';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };

const schema = (type: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;

const json = (type: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: schema(type, io) } });

/** A file the route answers: bytes of its media type. */
const binary = (mediaType: string) => ({ [mediaType]: { schema: { type: 'string', format: 'binary' } } });

/** A query or header object as OpenAPI parameters, one per property, each with its own schema. */
function parametersOf(object: z.ZodObject, where: 'query' | 'header') {
  const { properties = {}, required = [] } = schema(object, 'input');
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: required.includes(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
    if (!(name! in PATH_PARAMS)) throw new Error(`${path}: no schema for the path parameter ${name} in shared/api/params.ts`);
    return { name, in: 'path', required: true, schema: schema(PATH_PARAMS[name as PathParamName], 'input') };
  });
}

const errorResponse = { description: 'Refused: `{code, message: {vi, en}, details}`', content: json(ApiErrorBody, 'output') };
/** API Gateway's JWT authorizer refuses a missing or invalid token before any handler runs, in its own shape. */
const unauthorized = {
  description: 'No valid token: API Gateway answers `{"message":"Unauthorized"}`',
  content: { 'application/json': { schema: { anyOf: [schema(GatewayUnauthorizedBody, 'output'), schema(ApiErrorBody, 'output')] } } },
};

function operation(route: Route) {
  const parameters = [
    ...pathParameters(route.path),
    ...(route.query ? parametersOf(route.query, 'query') : []),
    ...(route.headers ? parametersOf(route.headers, 'header') : []),
  ];
  return {
    summary: route.summary,
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[/.](\w)/g, (_, c: string) => c.toUpperCase())}`,
    tags: [route.group],
    ...(route.auth ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: json(route.body, 'input') } } : {}),
    responses: {
      [String(route.status ?? 200)]: {
        description: 'OK',
        content: route.mediaType ? binary(route.mediaType) : json(route.response, 'output'),
      },
      ...(route.auth ? { '401': unauthorized } : {}),
      '4XX': errorResponse,
    },
  };
}

/** The API as OpenAPI 3.1, generated from the routes table and the zod schemas; committed as docs/openapi.json. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'thidua API',
      version: '0.1.0',
      description: 'Emulation and commendation campaigns: nominations validated on save against the plan, quotas enforced atomically.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
