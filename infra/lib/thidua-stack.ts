import { Aws, CfnOutput, CfnParameter, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AddinHosting } from './addin-hosting';
import { Alarms, type AlarmTarget } from './alarms';
import { DossierBucket } from './dossier-bucket';
import { PaneDeployment } from './pane-deployment';
import { ApiFunctions } from './api-functions';
import { ThiduaHttpApi } from './http-api';
import { SignIn, type ExternalIssuer } from './sign-in';
import { ThiduaTable } from './table';

export interface ThiduaStackProps extends StackProps {
  /** Sign in with another OpenID Connect issuer instead of the stack's Cognito pool (CDK context oidcIssuer, oidcClientId). */
  externalIssuer?: ExternalIssuer | undefined;
  /** The Cognito domain's prefix (CDK context cognitoDomainPrefix). */
  cognitoDomainPrefix?: string | undefined;
  /** Where the alarms go (CDK context alarmTopicArn or alarmEmail); default a new topic, its ARN an output. */
  alarmTarget?: AlarmTarget | undefined;
  /** The built pane (dist/addin) to upload with its config.json; absent, the stack uploads nothing (CDK context paneDir). */
  paneDir?: string | undefined;
}

/**
 * Everything thidua runs on, in one environment-agnostic stack. Settings that differ between
 * deployments are CloudFormation parameters, so a deployed stack can be reconfigured without a
 * code change or a new synth; who signs users in is CDK context (infra/lib/sign-in.ts), since it
 * decides which resources exist.
 */
export class ThiduaStack extends Stack {
  readonly table: ThiduaTable;
  readonly functions: ApiFunctions;
  readonly httpApi: ThiduaHttpApi;
  readonly hosting: AddinHosting;
  readonly signIn: SignIn;
  readonly alarms: Alarms;
  readonly dossiers: DossierBucket;
  readonly pane: PaneDeployment | undefined;

  constructor(scope: Construct, id: string, props: ThiduaStackProps = {}) {
    const { externalIssuer, cognitoDomainPrefix, alarmTarget, paneDir, ...stackProps } = props;
    super(scope, id, stackProps);

    const allowedOrigins = new CfnParameter(this, 'AllowedOrigins', {
      type: 'CommaDelimitedList',
      default: 'https://localhost:3000',
      description: "Origins allowed to call the API from a browser, comma-separated, besides the add-in's own URL (always allowed)",
    });

    this.table = new ThiduaTable(this, 'Data');
    this.functions = new ApiFunctions(this, 'Functions', { table: this.table.table });
    this.hosting = new AddinHosting(this, 'AddinHosting');
    // Who signs in is a deployment's choice made at synth (CDK context), not a parameter: it decides
    // whether a user pool exists at all.
    this.signIn = new SignIn(this, 'SignIn', { paneUrl: this.hosting.url, external: externalIssuer, domainPrefix: cognitoDomainPrefix });
    // A user added in the Người dùng sheet gets a Cognito account; a removed one is disabled.
    this.signIn.grantAccounts(this.functions.byGroup.org);
    // The pane uploads and downloads straight from its own origin, and only from there.
    this.dossiers = new DossierBucket(this, 'Dossiers', { paneOrigin: this.hosting.url });
    this.dossiers.grantFiles(this.functions.byGroup.files);

    // The add-in served from CloudFront calls the API from that origin, so it is always allowed;
    // the parameter adds others (the dev server by default). CloudFormation has no list concat:
    // join both into one string, then split.
    const origins = Fn.split(',', `${Fn.join(',', allowedOrigins.valueAsList)},${this.hosting.url}`);

    this.httpApi = new ThiduaHttpApi(this, 'Http', {
      functions: this.functions.byGroup,
      jwtIssuer: this.signIn.issuer,
      jwtAudience: this.signIn.audience,
      allowedOrigins: origins,
    });

    this.alarms = new Alarms(this, 'Alarms', {
      ...alarmTarget,
      functions: this.functions.byGroup,
      api: this.httpApi.api,
      table: this.table.table,
    });

    const paneConfig = { environment: 'production', apiBaseUrl: this.httpApi.api.apiEndpoint, auth: this.signIn.paneAuthConfig() };
    this.pane = paneDir ? new PaneDeployment(this, 'Pane', { bucket: this.hosting.bucket, dir: paneDir, config: paneConfig }) : undefined;

    new CfnOutput(this, 'Region', { value: Aws.REGION, description: 'Where the stack runs (npm run admin --region)' });
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.apiEndpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName, description: 'The DynamoDB table' });
    new CfnOutput(this, 'DossierBucket', { value: this.dossiers.bucket.bucketName, description: "The dossiers' scanned files" });
    new CfnOutput(this, 'AddinUrl', { value: this.hosting.url, description: 'Where the Excel add-in is served from' });
    new CfnOutput(this, 'SignInIssuer', { value: this.signIn.issuer, description: 'The OpenID Connect issuer the API trusts' });
    new CfnOutput(this, 'SignInClientId', {
      value: this.signIn.clientId,
      description: "The pane's client id at the issuer (the tokens' audience)",
    });
    if (this.signIn.userPool)
      new CfnOutput(this, 'UserPoolId', {
        value: this.signIn.userPool.userPoolId,
        description: "The office's accounts (Cognito user pool)",
      });
    new CfnOutput(this, 'PaneConfig', {
      value: this.toJsonString(paneConfig),
      description: "The pane's config.json, uploaded next to taskpane.html",
    });
  }
}
