import { CfnOutput, CfnParameter, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AddinHosting } from './addin-hosting';
import { ApiFunctions } from './api-functions';
import { ThiduaHttpApi } from './http-api';
import { ThiduaTable } from './table';

/**
 * Everything thidua runs on, in one environment-agnostic stack. Settings that differ between
 * deployments are CloudFormation parameters, so a deployed stack can be reconfigured without a
 * code change or a new synth.
 */
export class ThiduaStack extends Stack {
  readonly table: ThiduaTable;
  readonly functions: ApiFunctions;
  readonly httpApi: ThiduaHttpApi;
  readonly hosting: AddinHosting;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const jwtIssuer = new CfnParameter(this, 'JwtIssuer', {
      type: 'String',
      description: 'Issuer (iss) of the tokens the add-in sends, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0',
      allowedPattern: '^https://\\S+$',
      constraintDescription: 'an https:// URL',
    });
    const jwtAudience = new CfnParameter(this, 'JwtAudience', {
      type: 'CommaDelimitedList',
      description: 'Audiences (aud) the tokens may carry, comma-separated (e.g. the add-in app registration client ID)',
    });
    const allowedOrigins = new CfnParameter(this, 'AllowedOrigins', {
      type: 'CommaDelimitedList',
      default: 'https://localhost:3000',
      description: "Origins allowed to call the API from a browser, comma-separated, besides the add-in's own URL (always allowed)",
    });

    this.table = new ThiduaTable(this, 'Data');
    this.functions = new ApiFunctions(this, 'Functions', { table: this.table.table });
    this.hosting = new AddinHosting(this, 'AddinHosting');

    // The add-in served from CloudFront calls the API from that origin, so it is always allowed;
    // the parameter adds others (the dev server by default). CloudFormation has no list concat:
    // join both into one string, then split.
    const origins = Fn.split(',', `${Fn.join(',', allowedOrigins.valueAsList)},${this.hosting.url}`);

    this.httpApi = new ThiduaHttpApi(this, 'Http', {
      functions: this.functions.byGroup,
      jwtIssuer: jwtIssuer.valueAsString,
      jwtAudience: jwtAudience.valueAsList,
      allowedOrigins: origins,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.apiEndpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName, description: 'The DynamoDB table' });
    new CfnOutput(this, 'AddinUrl', { value: this.hosting.url, description: 'Where the Excel add-in is served from' });
  }
}
