import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnResource } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_GROUPS, ROUTES, routeKey, type RouteGroup } from '#functions/routes';
import { TABLE } from '#functions/store/table';
import { DEFAULT_ROOT_OBJECT } from '#infra/lib/addin-hosting';
import type { ThiduaStack } from '#infra/lib/thidua-stack';
import { synthStack } from './synth';

/**
 * The stack's shape and its security decisions, read from the synthesized template. Bundling is
 * skipped here (see synth.ts) so this file stays fast; bundling.test.ts runs esbuild for real.
 */
let stack: ThiduaStack;
let template: Template;
let cleanup = () => {};

beforeAll(() => {
  ({ stack, template, cleanup } = synthStack({ bundling: false }));
});
afterAll(() => cleanup());

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
const resources = (type: string) => template.findResources(type) as Record<string, Resource>;
const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnResource);

/** Every statement of the policies attached to the group's function role. */
function statementsOf(group: RouteGroup): { Effect: string; Action: string | string[]; Resource: unknown }[] {
  const role = stack.functions.byGroup[group].role!;
  const roleId = logicalId(role);
  return Object.values(resources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

/** Every action on the table the group's function role is allowed (its logs aside). */
function allowedActions(group: RouteGroup): string[] {
  return statementsOf(group)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Action].flat())
    .filter((action) => !action.startsWith('logs:'));
}

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('table', () => {
  it('is on demand, recoverable, protected from deletion and retained', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
      }),
    });
  });

  it('has GSI1 as in functions/store/table.ts, keys only', () => {
    const [table] = Object.values(resources('AWS::DynamoDB::Table'));
    const indexes = table!.Properties.GlobalSecondaryIndexes;
    expect(indexes).toEqual(
      [TABLE.byNominee].map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      })),
    );
    for (const name of ['PK', 'SK', 'GSI1PK', 'GSI1SK']) {
      expect(table!.Properties.AttributeDefinitions).toContainEqual({ AttributeName: name, AttributeType: 'S' });
    }
  });
});

describe('functions', () => {
  it('are one per route group', () => {
    // Besides them, only aws-cdk-lib's emptying of the pane's bucket when the stack is destroyed.
    const others = Object.keys(resources('AWS::Lambda::Function')).filter((id) => !id.startsWith('CustomS3AutoDeleteObjects'));
    expect(others).toHaveLength(ROUTE_GROUPS.length);
    expect(Object.keys(stack.functions.byGroup).sort()).toEqual([...ROUTE_GROUPS].sort());
  });

  it('run nodejs24.x on arm64 with the table name, source maps, logs named after their group and a 29 s timeout', () => {
    const tableId = logicalId(stack.table.table);
    for (const group of ROUTE_GROUPS) {
      const fn = resources('AWS::Lambda::Function')[logicalId(stack.functions.byGroup[group])]!;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: 29,
        Environment: {
          Variables: {
            TABLE_NAME: { Ref: tableId },
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: group,
            POWERTOOLS_LOG_LEVEL: 'INFO',
          },
        },
      });
    }
  });

  it('give nominations 1024 MB and the others 512 MB', () => {
    for (const group of ROUTE_GROUPS) {
      const fn = resources('AWS::Lambda::Function')[logicalId(stack.functions.byGroup[group])]!;
      expect(fn.Properties.MemorySize, group).toBe(group === 'nominations' || group === 'documents' ? 1024 : 512);
    }
  });

  it('log to their own log group, kept a year, which alone their role may write to', () => {
    const logGroups = resources('AWS::Logs::LogGroup');
    // One per function, and the API's access log.
    expect(Object.keys(logGroups)).toHaveLength(ROUTE_GROUPS.length + 1);
    for (const group of Object.values(logGroups)) expect(group.Properties.RetentionInDays).toBe(365);
    for (const group of ROUTE_GROUPS) {
      const fn = resources('AWS::Lambda::Function')[logicalId(stack.functions.byGroup[group])]!;
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(Object.keys(logGroups)).toContain(logGroupId);
      const role = resources('AWS::IAM::Role')[logicalId(stack.functions.byGroup[group].role!)]!;
      expect(role.Properties.ManagedPolicyArns, group).toBeUndefined();
      const logStatements = statementsOf(group).filter((statement) =>
        [statement.Action].flat().some((action) => action.startsWith('logs:')),
      );
      expect(logStatements, group).toEqual([
        expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }),
      ]);
    }
  });
});

describe('least privilege', () => {
  it('health may only describe the table', () => {
    const actions = allowedActions('health');
    expect(actions).toEqual(['dynamodb:DescribeTable']);
    expect(actions).not.toContain('dynamodb:PutItem');
  });

  it.each(['reports'] as const)('%s may read, never write', (group) => {
    const actions = allowedActions(group);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const write of WRITE_ACTIONS) expect(actions).not.toContain(write);
  });

  it.each(['campaigns', 'org', 'nominations', 'council', 'documents', 'files', 'register'] as const)('%s may read and write', (group) => {
    expect(allowedActions(group)).toEqual(expect.arrayContaining(['dynamodb:Query', ...WRITE_ACTIONS]));
  });

  it('readers and writers reach the indexes too', () => {
    const tableId = logicalId(stack.table.table);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack.functions.byGroup.reports.role!) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Resource: Match.arrayWith([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/*']] }]),
          }),
        ]),
      },
    });
  });
});

describe('HTTP API', () => {
  const authorizerId = () => Object.keys(resources('AWS::ApiGatewayV2::Authorizer'))[0]!;

  it('has a JWT authorizer on the bearer header (its issuer and audience: sign-in.test.ts)', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    template.hasParameter('AllowedOrigins', { Type: 'CommaDelimitedList', Default: 'https://localhost:3000' });
  });

  it('has exactly the routes of functions/routes.ts', () => {
    const keys = Object.values(resources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it.each(ROUTES.map((route) => [routeKey(route), route] as const))('%s: right function, right authorization', (key, route) => {
    const [routeResource] = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } }),
    ) as Resource[];
    const props = routeResource!.Properties;
    if (route.auth) {
      expect(props.AuthorizationType).toBe('JWT');
      expect(props.AuthorizerId).toEqual({ Ref: authorizerId() });
    } else {
      expect(props.AuthorizationType).toBe('NONE');
      expect(props.AuthorizerId).toBeUndefined();
    }
    // Target is "integrations/<integration>", and that integration invokes the group's function.
    const integrationId = props.Target['Fn::Join'][1][1].Ref as string;
    const integration = resources('AWS::ApiGatewayV2::Integration')[integrationId]!;
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.functions.byGroup[route.group]), 'Arn'] },
    });
  });

  it('answers CORS preflights for the add-in and the allowed origins', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        AllowOrigins: {
          'Fn::Split': [
            ',',
            {
              'Fn::Join': [
                '',
                [
                  { 'Fn::Join': [',', { Ref: 'AllowedOrigins' }] },
                  ',https://',
                  { 'Fn::GetAtt': [logicalId(stack.hosting.distribution), 'DomainName'] },
                ],
              ],
            },
          ],
        },
      }),
    });
  });

  it('deploys automatically to a throttled $default stage', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('add-in hosting', () => {
  it('is a private, TLS-only bucket behind CloudFront with origin access control', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        // The pane itself, which the build makes (pane-deployment.test.ts checks it is there).
        DefaultRootObject: DEFAULT_ROOT_OBJECT,
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
  });
});

describe('dossier files', () => {
  const bucketId = () => logicalId(stack.dossiers.bucket);
  const bucket = () => resources('AWS::S3::Bucket')[bucketId()]!;

  it('is a private, encrypted, retained bucket, TLS only', () => {
    expect(bucket().DeletionPolicy).toBe('Retain');
    expect(bucket().Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const policy = Object.values(resources('AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId() }),
    );
    expect(policy!.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
    );
  });

  it("allows CORS from the pane's origin only, for PUT and GET", () => {
    const rules = bucket().Properties.CorsConfiguration.CorsRules;
    expect(rules).toHaveLength(1);
    expect(rules[0].AllowedMethods.sort()).toEqual(['GET', 'PUT']);
    expect(rules[0].AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(rules[0].AllowedOrigins)).toContain(logicalId(stack.hosting.distribution));
  });

  it('expires deleted files after 30 days, and uploads never confirmed after a day', () => {
    expect(bucket().Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'deleted/', ExpirationInDays: 30, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'pending/', ExpirationInDays: 1, Status: 'Enabled' }),
      ]),
    );
  });

  it("forgets an unconfirmed upload's record too: the table's TTL attribute is the one the pending record carries", () => {
    const table = Object.values(resources('AWS::DynamoDB::Table'))[0]!;
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: TABLE.timeToLive, Enabled: true });
  });

  it("only the files' Lambda reaches it: get, put and delete of objects, with the bucket's name", () => {
    for (const group of ROUTE_GROUPS) {
      const s3 = allowedActions(group).filter((action) => action.startsWith('s3:'));
      expect(s3.sort(), group).toEqual(group === 'files' ? ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'] : []);
    }
    const fn = resources('AWS::Lambda::Function')[logicalId(stack.functions.byGroup.files)]!;
    expect(fn.Properties.Environment.Variables.BUCKET_NAME).toEqual({ Ref: bucketId() });
  });
});

describe('outputs', () => {
  it.each(['ApiUrl', 'TableName', 'AddinUrl', 'DossierBucket'])('%s', (name) => {
    template.hasOutput(name, { Value: Match.anyValue() });
  });
});
