import { App } from 'aws-cdk-lib';
import { ThiduaStack } from '#infra/lib/thidua-stack';

/**
 * The CDK app (cdk.json runs it with tsx). No env: the stack is environment-agnostic, so
 * `npm run synth` needs no AWS credentials; the account and region come at deploy time.
 */
const app = new App();
new ThiduaStack(app, 'ThiduaStack', {
  description: 'thidua: Excel add-in, HTTP API and DynamoDB for emulation and commendation campaigns',
});
app.synth();
