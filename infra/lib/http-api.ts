import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, type RouteGroup } from '#functions/routes';
import { LOG_RETENTION } from './logs';

/**
 * The access log's line: what API Gateway saw of each request, including the ones no function
 * answered (refused by the authorizer, throttled). The request id is the one the functions log. No
 * source IP nor user agent: who did what is the audit trail's, in the table.
 */
const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLatency: '$context.responseLatency',
  responseLength: '$context.responseLength',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

export interface ThiduaHttpApiProps {
  functions: Record<RouteGroup, IFunction>;
  jwtIssuer: string;
  jwtAudience: string[];
  allowedOrigins: string[];
}

/**
 * The HTTP API: exactly the routes of functions/routes.ts, each sent to its group's function.
 * Routes marked auth: false are open; every other one needs a JWT from the configured issuer.
 */
export class ThiduaHttpApi extends Construct {
  readonly api: HttpApi;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ThiduaHttpApiProps) {
    super(scope, id);

    this.api = new HttpApi(this, 'Api', {
      apiName: Stack.of(this).stackName,
      description: 'thidua: emulation and commendation campaigns',
      // The default stage is declared below, to give it throttling.
      createDefaultStage: false,
      // API Gateway answers preflights itself: no route is ANY or OPTIONS, so OPTIONS never
      // reaches the authorizer or a function.
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
        // Bearer tokens travel in a header, not in cookies.
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // One office's staff, not the internet: these limits are far above real use and only cap a
      // runaway client (the account-wide default is 10,000 rps).
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT)),
      },
    });

    const jwt = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      jwtAudience: props.jwtAudience,
      identitySource: ['$request.header.Authorization'],
    });
    const open = new HttpNoneAuthorizer();

    // One integration per group, shared by the group's routes.
    const integrations = new Map<RouteGroup, HttpLambdaIntegration>();
    const integrationOf = (group: RouteGroup) => {
      let integration = integrations.get(group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${group}Integration`, props.functions[group]);
        integrations.set(group, integration);
      }
      return integration;
    };

    for (const route of ROUTES) {
      const authorizer: IHttpRouteAuthorizer = route.auth ? jwt : open;
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.group),
        authorizer,
      });
      if (!route.auth)
        for (const openRoute of added)
          Validations.of(openRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is open by design (functions/routes.ts: auth false): it says whether the API is up, or describes it.`,
          });
    }
  }
}
