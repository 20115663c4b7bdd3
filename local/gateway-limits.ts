/** The limits the local API keeps as API Gateway and Lambda do, and CORS as infra/lib/http-api.ts configures it. */

/** API Gateway's HTTP API rejects larger request bodies. */
export const API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** A synchronous Lambda invocation's payload (the whole event, and the whole result) is at most 6 MB. */
export const LAMBDA_MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** HTTP APIs give up on an integration after 30 s. */
export const API_GATEWAY_TIMEOUT_MS = 30_000;

/** As infra/lib/http-api.ts configures API Gateway's CORS (corsPreflight). */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key'];
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
export const CORS_MAX_AGE_SECONDS = 3600;
/** The add-in's dev server: any https://localhost port. */
export const isAllowedOrigin = (origin: string) => /^https:\/\/localhost(:\d{1,5})?$/.test(origin);
