import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { DEFAULT_ROOT_OBJECT } from '#infra/lib/addin-hosting';
import { alarmTargetFromContext } from '#infra/lib/alarms';
import { applyChecks } from '#infra/lib/checks';
import { externalIssuerFromContext } from '#infra/lib/sign-in';
import { REPO_ROOT } from '#infra/lib/paths';
import { ThiduaStack } from '#infra/lib/thidua-stack';

/**
 * The CDK app (cdk.json runs it with tsx). No env: the stack is environment-agnostic, so
 * `npm run synth` needs no AWS credentials; the account and region come at deploy time.
 */
const app = new App();
const context = (key: string): unknown => app.node.tryGetContext(key);

/**
 * The built pane to upload: `-c paneDir=` (npm run deploy gives dist/addin, just built), else
 * dist/addin when a build is there. Without one the stack uploads nothing, and says so.
 */
function paneDir(): string | undefined {
  const given = context('paneDir');
  const dir = typeof given === 'string' && given ? (isAbsolute(given) ? given : join(REPO_ROOT, given)) : join(REPO_ROOT, 'dist/addin');
  if (existsSync(join(dir, DEFAULT_ROOT_OBJECT))) return dir;
  if (given) throw new Error(`paneDir ${dir} has no ${DEFAULT_ROOT_OBJECT}: build the pane first (npm run build:addin)`);
  console.warn(`dist/addin is not built: this synth uploads no pane (npm run deploy builds and uploads it).`);
  return undefined;
}
new ThiduaStack(app, 'ThiduaStack', {
  // Cognito by default; `-c oidcIssuer=https://... -c oidcClientId=...` trusts another issuer instead.
  externalIssuer: externalIssuerFromContext(context),
  cognitoDomainPrefix: typeof context('cognitoDomainPrefix') === 'string' ? (context('cognitoDomainPrefix') as string) : undefined,
  // A new SNS topic by default; `-c alarmEmail=it@...` subscribes an address, `-c alarmTopicArn=...` uses yours.
  alarmTarget: alarmTargetFromContext(context),
  paneDir: paneDir(),
  description: 'thidua: Excel add-in, HTTP API and DynamoDB for emulation and commendation campaigns',
});
applyChecks(app);
app.synth();
