import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '#infra/lib/paths';
import { ThiduaStack, type ThiduaStackProps } from '#infra/lib/thidua-stack';

/**
 * Builds the stack the way `cdk synth` does: with the context (feature flags) of cdk.json, so the
 * tests see the template that would be deployed. The output goes to a fresh temporary directory.
 *
 * bundling: false sets `aws:cdk:bundling-stacks` to [] so NodejsFunction skips esbuild; the
 * template is otherwise identical (only the asset hashes differ). bundling.test.ts covers the
 * real bundling path. Call cleanup() when done: the App writes its assembly under the OS temp dir.
 */
export function synthStack({ bundling, props }: { bundling: boolean; props?: ThiduaStackProps }) {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  const app = new App({
    context: { ...cdkJson.context, ...(bundling ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stack = new ThiduaStack(app, 'ThiduaStack', props);
  const template = Template.fromStack(stack);
  const cleanup = () => rmSync(app.outdir, { recursive: true, force: true });
  return { app, stack, template, cleanup };
}
