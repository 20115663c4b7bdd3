import type { CfnResource } from 'aws-cdk-lib';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '#shared/api/documents';
import type { ApiHandler } from '#functions/http/types';
import { ROUTE_GROUPS, type RouteGroup } from '#functions/routes';
import { startDynamoDbLocal, type DynamoDbLocal } from '#local/dynamodb-local';
import { startS3Local, type S3Local } from '#local/s3-local';
import { startTestApi, type TestApi } from '#tests/support/api';
import { BATCH, CAMPAIGN_ID, HR, row, staffOf, unitClerk } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';
import { synthStack } from './synth';

/**
 * The bundles that reach AWS are the ones tested: synth with esbuild as `npm run synth` does (once, every
 * group), load each bundle in a plain Node process as Lambda would, then serve requests with the
 * bundles' handlers (not the sources) behind the local runner, over a DynamoDB Local of this file's
 * own (and s3rver for the dossiers' bucket). A missing dependency, an ESM/CJS mix or a top-level import that fails cannot pass.
 * (stack.test.ts skips bundling to stay fast.)
 */
const assetDirs = new Map<RouteGroup, string>();
const served = new Set<RouteGroup>();
let cleanup = () => {};
let dynamodb: DynamoDbLocal | undefined;
let s3: S3Local | undefined;
let api: TestApi;

/** The bundle as Lambda loads it: vitest.config.ts externalizes the assets, so Node imports them untransformed. */
const importBundle = (url: string) => import(/* @vite-ignore */ url) as Promise<{ handler: ApiHandler }>;
const bundleUrl = (group: RouteGroup) => pathToFileURL(join(assetDirs.get(group)!, 'index.mjs')).href;

beforeAll(async () => {
  // Java starts while esbuild bundles.
  const starting = startDynamoDbLocal({ port: 0 });
  starting.catch(() => undefined); // awaited below, once the synchronous synth is done
  const synth = synthStack({ bundling: true });
  cleanup = synth.cleanup;
  const assembly = synth.app.synth();
  for (const group of ROUTE_GROUPS) {
    const fnId = synth.stack.getLogicalId(synth.stack.functions.byGroup[group].node.defaultChild as CfnResource);
    const s3Key = synth.template.toJSON().Resources[fnId].Properties.Code.S3Key as string;
    assetDirs.set(group, join(assembly.directory, `asset.${s3Key.replace(/\.zip$/, '')}`));
  }
  dynamodb = await starting;
  // The dossiers' bucket, as npm start has it: the files' bundle presigns against it.
  s3 = await startS3Local({ port: 0, bucket: 'bundling-test' });
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.BUCKET_NAME = s3.bucket;

  const bundled = await Promise.all(ROUTE_GROUPS.map(async (group) => [group, (await importBundle(bundleUrl(group))).handler] as const));
  const handlers = Object.fromEntries(
    bundled.map(([group, handler]): [RouteGroup, ApiHandler] => [
      group,
      (event, context) => {
        served.add(group);
        return handler(event, context);
      },
    ]),
  ) as Record<RouteGroup, ApiHandler>;
  api = await startTestApi({ endpoint: dynamodb.endpoint, handlers });
});
afterAll(async () => {
  await api?.close();
  await dynamodb?.stop();
  await s3?.stop();
  cleanup();
});

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
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(bundleUrl(group))}); console.log(typeof m.handler);`],
      {
        env: { ...process.env, TABLE_NAME: 'thidua-bundling-test', AWS_REGION: 'ap-southeast-1' },
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe('function');
  });
});

describe('the bundles behind the local runner, over DynamoDB Local', () => {
  const token = (email: string) => api.tokenFor(email);

  it('health: liveness and the OpenAPI document', async () => {
    expect(await api.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect((await api.request('GET', '/openapi.json')).body.openapi).toMatch(/^3\.1/);
  });

  it('org and campaigns: the signed-in user and a campaign read', async () => {
    expect(await api.request('GET', '/me', { token: await token(HR) })).toMatchObject({ status: 200, body: { role: 'hr' } });
    const campaign = await api.request('GET', `/campaigns/${CAMPAIGN_ID}`, { token: await token(HR) });
    expect(campaign).toMatchObject({ status: 200, body: { id: CAMPAIGN_ID } });
  });

  it('nominations, reports and files: a save, the validation report, an upload presigned with the S3 SDK', async () => {
    const clerk = await token(unitClerk('tong-hop'));
    const saved = await api.request('POST', BATCH, { token: clerk, body: { rows: [row(staffOf('tong-hop')[0]!.id)] } });
    expect(saved).toMatchObject({ status: 200, body: { summary: { saved: 1 } } });
    expect((await api.request('GET', `/campaigns/${CAMPAIGN_ID}/validation`, { token: await token(HR) })).status).toBe(200);
    const files = `/campaigns/${CAMPAIGN_ID}/nominations/${saved.body.rows[0].id}/files`;
    const body = { document: 'TO_TRINH', fileName: 'to-trinh.pdf', contentType: 'application/pdf', size: 2048 };
    const ticket = await api.request('POST', files, { token: clerk, body });
    expect([ticket.status, ticket.body.url], ticket.text.slice(0, 200)).toEqual([201, expect.stringContaining('X-Amz-Signature=')]);
    expect((await api.request('GET', files, { token: clerk })).status).toBe(200);
  });

  it('campaigns, council and documents: the campaign under review, its rounds, a Word file from the docx package', async () => {
    await moveCampaignTo(api, 'under_review');
    expect(await api.request('GET', `/campaigns/${CAMPAIGN_ID}/rounds`, { token: await token(HR) })).toMatchObject({ status: 200 });
    const print = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/documents/giay-khen?grid=1`, { token: await token(HR) });
    expect([print.status, print.headers.get('content-type')], print.text.slice(0, 200)).toEqual([200, DOCX_MEDIA_TYPE]);
  });

  it("register: a unit's award history, read from its partition", async () => {
    const history = await api.request('GET', '/register?kind=collective&id=tong-hop', { token: await token(HR) });
    expect(history, history.text.slice(0, 200)).toMatchObject({ status: 200, body: { entries: [] } });
  });

  it('served every request with a bundle, every group', () => {
    expect([...served].sort()).toEqual([...ROUTE_GROUPS].sort());
  });
});
