import { App } from 'aws-cdk-lib';
import { alarmTargetFromContext } from '#infra/lib/alarms';
import { applyChecks } from '#infra/lib/checks';
import { externalIssuerFromContext } from '#infra/lib/sign-in';
import { ThiduaStack } from '#infra/lib/thidua-stack';

/**
 * The CDK app (cdk.json runs it with tsx). No env: the stack is environment-agnostic, so
 * `npm run synth` needs no AWS credentials; the account and region come at deploy time.
 */
const app = new App();
const context = (key: string): unknown => app.node.tryGetContext(key);
new ThiduaStack(app, 'ThiduaStack', {
  // Cognito by default; `-c oidcIssuer=https://... -c oidcClientId=...` trusts another issuer instead.
  externalIssuer: externalIssuerFromContext(context),
  cognitoDomainPrefix: typeof context('cognitoDomainPrefix') === 'string' ? (context('cognitoDomainPrefix') as string) : undefined,
  // A new SNS topic by default; `-c alarmEmail=it@...` subscribes an address, `-c alarmTopicArn=...` uses yours.
  alarmTarget: alarmTargetFromContext(context),
  description: 'thidua: Excel add-in, HTTP API and DynamoDB for emulation and commendation campaigns',
});
applyChecks(app);
app.synth();
