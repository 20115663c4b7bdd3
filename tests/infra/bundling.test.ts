import type { CfnResource } from 'aws-cdk-lib';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_GROUPS } from '#functions/routes';
import { synthStack } from './synth';

/**
 * The real bundling path, once: synth with esbuild as `npm run synth` does, then load every bundle
 * in a plain Node process, as Lambda would, to catch ESM/require problems before a deploy does.
 * (stack.test.ts skips bundling to stay fast.)
 */
const assetDirs = new Map<string, string>();
let cleanup = () => {};

beforeAll(() => {
  const synth = synthStack({ bundling: true });
  const { app, stack, template } = synth;
  cleanup = synth.cleanup;
  const assembly = app.synth();
  for (const group of ROUTE_GROUPS) {
    const fnId = stack.getLogicalId(stack.functions.byGroup[group].node.defaultChild as CfnResource);
    const s3Key = template.toJSON().Resources[fnId].Properties.Code.S3Key as string;
    assetDirs.set(group, join(assembly.directory, `asset.${s3Key.replace(/\.zip$/, '')}`));
  }
});
afterAll(() => cleanup());

describe.each(ROUTE_GROUPS)('the %s bundle', (group) => {
  it('is minified ESM with a source map and a require shim', () => {
    const dir = assetDirs.get(group)!;
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*as handler\}|export\s*\{\s*handler\s*\}/);
    expect(code).toContain('//# sourceMappingURL=index.mjs.map');
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
  });

  it('loads in plain Node and exports handler', () => {
    const url = pathToFileURL(join(assetDirs.get(group)!, 'index.mjs')).href;
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`],
      {
        env: { ...process.env, TABLE_NAME: 'thidua-bundling-test', AWS_REGION: 'ap-southeast-1' },
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe('function');
  });
});
