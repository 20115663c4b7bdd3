import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CfnResource } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROOT_OBJECT } from '#infra/lib/addin-hosting';
import { applyChecks } from '#infra/lib/checks';
import { REPO_ROOT } from '#infra/lib/paths';
import { PANE_CACHE, PANE_CONFIG_FILE } from '#infra/lib/pane-deployment';
import type { ThiduaStack } from '#infra/lib/thidua-stack';
import { writeDeployedManifest } from '#scripts/deploy';
import { buildPane } from '#tests/e2e/support/assets';
import { synthStack } from './synth';

/**
 * The pane reaches AWS with the stack (issue 12, item 1): the real build (vite, as `npm run deploy`
 * makes it) uploaded by three BucketDeployments, one per cache class, config.json written from the
 * stack's own tokens, CloudFront's default object in the build, and the manifest for the deployed URL
 * naming only files the build has.
 */
type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[]; DeletionPolicy?: string };

let pane: Awaited<ReturnType<typeof buildPane>>;
let synth: ReturnType<typeof synthStack>;
let stack: ThiduaStack;
let template: Template;
let built: string[];

beforeAll(async () => {
  pane = await buildPane();
  synth = synthStack({ bundling: false, props: { paneDir: pane.dir } });
  ({ stack, template } = synth);
  built = files(pane.dir);
});
afterAll(async () => {
  synth?.cleanup();
  await pane?.remove();
});

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => relative(dir, join(dir, path)).replaceAll('\\', '/'))
    .sort();
}

const byId = (type: string) => template.findResources(type) as Record<string, Resource>;
const idOf = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<ThiduaStack['getLogicalId']>[0]);
/** The three uploads in the order the stack makes them (Hashed, Other, Pages). */
function uploads(): (Resource & { id: string })[] {
  return stack.pane!.deployments.map((deployment) => {
    const resource = deployment.node
      .findAll()
      .find((child) => CfnResource.isCfnResource(child) && child.cfnResourceType === 'Custom::CDKBucketDeployment');
    const id = stack.getLogicalId(resource as CfnResource);
    return { id, ...byId('Custom::CDKBucketDeployment')[id]! };
  });
}

/** `aws s3 sync`'s filters as the upload's Lambda passes them: excludes, then includes; the last match wins. */
function uploaded(path: string, upload: Resource): boolean {
  const filters = [
    ...((upload.Properties.Exclude ?? []) as string[]).map((pattern) => ({ pattern, keep: false })),
    ...((upload.Properties.Include ?? []) as string[]).map((pattern) => ({ pattern, keep: true })),
  ];
  const glob = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '.*')
        .replaceAll('?', '.')}$`,
    );
  return filters.reduce((keep, filter) => (glob(filter.pattern).test(path) ? filter.keep : keep), true);
}

describe('the upload', () => {
  it('sends every built file, and config.json, exactly once, with the cache header of its kind', () => {
    const [hashed, other, pages] = uploads();
    const cacheOf = (path: string) =>
      uploads()
        .filter((upload) => uploaded(path, upload))
        .map((upload) => upload.Properties.SystemMetadata['cache-control'] as string);
    for (const path of [...built, PANE_CONFIG_FILE]) expect(cacheOf(path), path).toHaveLength(1);

    expect(hashed!.Properties.SystemMetadata).toEqual({ 'cache-control': PANE_CACHE.hashed.cacheControl });
    expect(other!.Properties.SystemMetadata).toEqual({ 'cache-control': PANE_CACHE.other.cacheControl });
    expect(pages!.Properties.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    for (const page of ['taskpane.html', 'signin.html', 'commands.html', PANE_CONFIG_FILE])
      expect(cacheOf(page), page).toEqual(['no-cache']);
    const assets = built.filter((path) => path.startsWith('assets/') && path.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(3);
    for (const path of assets) {
      // A content hash in the name is what makes "immutable" true.
      expect(path).toMatch(/-[\w-]{8}\.js$/);
      expect(cacheOf(path), path).toEqual(['public, max-age=31536000, immutable']);
    }
    expect(cacheOf('icons/icon-32.png')).toEqual(['public, max-age=86400']);
  });

  it('puts the hashed assets first and the pages that name them last, and prunes nothing', () => {
    const [hashed, other, pages] = uploads();
    expect(other!.DependsOn).toContain(hashed!.id);
    expect(pages!.DependsOn).toContain(other!.id);
    for (const upload of uploads()) {
      expect(upload.Properties.Prune).toBe(false);
      expect(upload.Properties.DestinationBucketName).toEqual({ Ref: idOf(stack.hosting.bucket) });
    }
  });

  it("writes config.json from the stack's own API URL, issuer and client id", () => {
    const pagesUpload = uploads()[2]!;
    const keys = pagesUpload.Properties.SourceObjectKeys as string[];
    expect(keys).toHaveLength(2);
    // The second source is config.json's asset: CDK stages it as a folder next to the template.
    const text = readFileSync(join(synth.app.outdir, `asset.${keys[1]!.replace(/\.zip$/, '')}`, PANE_CONFIG_FILE), 'utf8');
    const markers = pagesUpload.Properties.SourceMarkers[1] as Record<string, unknown>;
    const config = JSON.parse(text.replace(/<<marker:0xbaba:\d+>>/g, (marker) => JSON.stringify(markers[marker]).replaceAll('"', "'")));
    expect(config).toMatchObject({
      environment: 'production',
      apiBaseUrl: `{'Fn::GetAtt':['${idOf(stack.httpApi.api)}','ApiEndpoint']}`,
      auth: {
        mode: 'oidc',
        issuer: `{'Fn::GetAtt':['${idOf(stack.signIn.userPool!)}','ProviderURL']}`,
        clientId: `{'Ref':'${idOf(stack.signIn.client!)}'}`,
        scopes: ['openid', 'email', 'profile'],
      },
    });
    expect(config.auth.authorizationEndpoint).toMatch(/\/oauth2\/authorize$/);
    expect(config.auth.tokenEndpoint).toMatch(/\/oauth2\/token$/);
  });

  it('logs where the functions do, a year, and keeps cdk-nag clean', () => {
    const findings = applyChecks(synth.app)
      .validateScope(stack)
      .violations.flatMap((violation) => violation.violatingResources.map((at) => `${violation.ruleName} at ${at.constructPath}`));
    expect(findings).toEqual([]);
    // The upload's own Lambda (aws-cdk-lib's, in Python) writes to a log group of the stack, kept a year.
    const uploaders = Object.values(byId('AWS::Lambda::Function')).filter((fn) => String(fn.Properties.Runtime).startsWith('python'));
    expect(uploaders).toHaveLength(1);
    const logGroup = byId('AWS::Logs::LogGroup')[uploaders[0]!.Properties.LoggingConfig.LogGroup.Ref as string]!;
    expect(logGroup.Properties.RetentionInDays).toBe(365);
  });
});

describe('CloudFront', () => {
  it('serves a default object that the build has', () => {
    const [distribution] = Object.values(byId('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.DefaultRootObject).toBe(DEFAULT_ROOT_OBJECT);
    expect(built).toContain(DEFAULT_ROOT_OBJECT);
  });

  it("serves a bucket that npm run destroy empties and deletes, while the table and the dossiers' bucket stay", () => {
    expect(byId('AWS::S3::Bucket')[idOf(stack.hosting.bucket)]!.DeletionPolicy).toBe('Delete');
    expect(Object.keys(byId('Custom::S3AutoDeleteObjects'))).toHaveLength(1);
    expect(byId('AWS::S3::Bucket')[idOf(stack.dossiers.bucket)]!.DeletionPolicy).toBe('Retain');
    expect(byId('AWS::DynamoDB::Table')[idOf(stack.table.table)]!.DeletionPolicy).toBe('Retain');
    expect(byId('AWS::Cognito::UserPool')[idOf(stack.signIn.userPool!)]!.DeletionPolicy).toBe('Retain');
  });
});

describe('the manifest for the deployed URL', () => {
  it('names the CloudFront address everywhere and only files the build has', () => {
    const target = join(mkdtempSync(join(tmpdir(), 'thidua-manifest-')), 'manifest.xml');
    try {
      const url = 'https://d111111abcdef8.cloudfront.net';
      const xml = writeDeployedManifest(
        REPO_ROOT,
        { AddinUrl: `${url}/`, ApiUrl: 'https://x', TableName: 't', Region: 'r' },
        { built: pane.dir, target },
      );
      expect(readFileSync(target, 'utf8')).toBe(xml);
      expect(xml).not.toContain('localhost');
      const named = [...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((match) => match[1]!);
      const ours = named.filter((value) => value.startsWith(`${url}/`)).map((value) => value.slice(url.length + 1).split(/[?#]/)[0]!);
      expect(ours).toContain('taskpane.html');
      for (const path of ours) expect(built, path).toContain(path);
      expect(xml).toContain(`<SourceLocation DefaultValue="${url}/taskpane.html"/>`);
    } finally {
      rmSync(join(target, '..'), { recursive: true, force: true });
    }
  });
});
