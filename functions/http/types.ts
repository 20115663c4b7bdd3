import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** What API Gateway's HTTP API (payload v2, JWT authorizer) hands a function, and what it takes back. */
export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;
/** Lambda passes its context; the local runner and the tests call with the event alone. */
export type ApiHandler = (event: ApiEvent, context?: Context) => Promise<ApiResult>;
