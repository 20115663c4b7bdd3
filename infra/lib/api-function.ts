import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { RouteGroup } from '#functions/routes';
import { LOG_RETENTION } from './logs';
import { REPO_ROOT } from './paths';

export interface ApiFunctionProps {
  group: RouteGroup;
  table: ITable;
  /** MB; the default suits the small requests most groups serve. */
  memorySize?: number;
}

/**
 * The Lambda function of one route group, with every default the groups share set here, once.
 * Each group's entry is functions/entries/<group>.ts and exports `handler`.
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    // An explicit log group (not the deprecated logRetention custom resource) so retention is plain
    // CloudFormation.
    const logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    // Its own role, allowed to write to its own log group only: the managed
    // AWSLambdaBasicExecutionRole would let it create and write any log group in the account.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      description: `thidua API: ${props.group} routes`,
      entry: join(REPO_ROOT, 'functions', 'entries', `${props.group}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      // The newest Node.js Lambda runs: Node 22 reaches its end of life in April 2027.
      runtime: Runtime.NODEJS_24_X,
      // Graviton: cheaper per GB-second, and nothing here depends on x86.
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      // The HTTP API gives up on an integration after 30 s; stop just before so the function's
      // own timeout shows in its logs instead of a bare 503 at the gateway.
      timeout: Duration.seconds(29),
      logGroup,
      role,
      environment: {
        TABLE_NAME: props.table.tableName,
        // Logs and metrics say which group answered (functions/commons/powertools.ts).
        POWERTOOLS_SERVICE_NAME: props.group,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // Stack traces point at the TypeScript sources through the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        // Local esbuild (a devDependency), never Docker: synth works on any machine with node_modules.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // Mappings are enough for --enable-source-maps; the sources themselves only add weight.
        sourcesContent: false,
        // Bundle the SDK rather than use the runtime's copy, so the versions pinned in
        // package-lock.json (the ones the tests ran) are the ones that run in Lambda.
        bundleAwsSDK: true,
        // CommonJS dependencies bundled into ESM may still call require(); give them one.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
  }
}
