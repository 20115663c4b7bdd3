import { describe, expect, it } from 'vitest';
import { EXCEL_WEB_UPLOAD } from '#shared/addin-upload';
import { afterDestroy, nextSteps, parseDeployArgs, readOutputs, type DeployOptions, type Step } from '#scripts/deploy-plan';
import { runDeploy } from '#scripts/deploy';

/**
 * `npm run deploy` / `npm run destroy` as a plan (issue 12, item 1): no AWS here, so the tests read
 * the commands a dry run prints and those a run hands to its executor, and what it says afterwards.
 */
const ROOT = '/repo';

async function run(command: 'deploy' | 'destroy', args: string[], exec?: (step: Step) => Promise<number>) {
  const out: string[] = [];
  const err: string[] = [];
  const steps: Step[] = [];
  const code = await runDeploy(command, args, {
    root: ROOT,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    exec: async (step) => {
      steps.push(step);
      return exec ? exec(step) : 0;
    },
  });
  return { code, out, err, steps, text: out.join('\n') };
}

describe('npm run deploy --dry-run', () => {
  it('builds the pane, then deploys the stack with the pinned CLI, the pane dir and the alarms, running nothing', async () => {
    const { code, steps, text } = await run('deploy', [
      '--dry-run',
      '--profile',
      'office',
      '--region',
      'ap-southeast-1',
      '--email',
      'it@so.gov.vn',
    ]);
    expect(code).toBe(0);
    expect(steps).toEqual([]);
    expect(text).toContain(`${process.execPath} /repo/node_modules/vite/bin/vite.js build`);
    expect(text).toContain(
      `AWS_REGION=ap-southeast-1 AWS_DEFAULT_REGION=ap-southeast-1 ${process.execPath} /repo/node_modules/aws-cdk/bin/cdk deploy ThiduaStack ` +
        '--outputs-file dist/deploy-outputs.json --require-approval broadening -c paneDir=dist/addin -c alarmEmail=it@so.gov.vn --profile office',
    );
    // The manifest is written from the outputs, after the deploy; the next steps name the placeholders.
    expect(text).toMatch(/dist\/manifest\.xml: .* \(from dist\/deploy-outputs\.json\)/);
    expect(text).toContain(
      'AWS_PROFILE=office npm run admin -- <e-mail> --name "Họ tên" --table <TableName> --region <Region> --user-pool <UserPoolId>',
    );
    expect(text.indexOf('vite.js build')).toBeLessThan(text.indexOf('cdk deploy'));
  });

  it('passes another issuer, a topic and --yes on to the CDK CLI', async () => {
    const { text } = await run('deploy', [
      '--dry-run',
      '--alarm-topic=arn:aws:sns:ap-southeast-1:123456789012:it',
      '--context',
      'oidcIssuer=https://sso.backan.gov.vn/realms/ubnd',
      '-c',
      'oidcClientId=thidua',
      '--yes',
    ]);
    expect(text).toContain(
      '--require-approval never -c paneDir=dist/addin -c alarmTopicArn=arn:aws:sns:ap-southeast-1:123456789012:it ' +
        '-c oidcIssuer=https://sso.backan.gov.vn/realms/ubnd -c oidcClientId=thidua',
    );
    expect(text).not.toContain('AWS_REGION=');
  });
});

describe('npm run deploy', () => {
  it('stops at the first failing step and says so in both languages', async () => {
    const { code, steps, err } = await run('deploy', ['--region', 'ap-southeast-1'], async (step) =>
      step.argv.includes('deploy') ? 1 : 0,
    );
    expect(code).toBe(1);
    expect(steps.map((step) => step.argv[2])).toEqual(['build', 'deploy']);
    expect(err.join('\n')).toMatch(/Bước 2 thất bại .* Step 2 failed/);
  });

  it('refuses what it does not understand, with its usage', async () => {
    for (const args of [
      ['--regoin', 'x'],
      ['--region', 'Singapore'],
      ['--alarm-topic', 'it@so'],
      ['--email', 'a@b', '--alarm-topic', 'arn:x'],
      ['-c', 'novalue'],
    ]) {
      const { code, err, steps } = await run('deploy', args);
      expect(code, args.join(' ')).toBe(2);
      expect(steps).toEqual([]);
      expect(err.at(-1)).toMatch(/^usage: npm run deploy/);
    }
  });
});

describe('npm run destroy', () => {
  it('destroys the stack (asking first unless --yes) and names what it kept', async () => {
    const asked = await run('destroy', ['--dry-run', '--profile', 'office']);
    expect(asked.text).toContain('/repo/node_modules/aws-cdk/bin/cdk destroy ThiduaStack --profile office');
    expect(asked.text).toContain('After a real destroy, it prints:');
    const forced = await run('destroy', ['--yes']);
    expect(forced.steps.map((step) => step.argv.slice(2))).toEqual([['destroy', 'ThiduaStack', '--force']]);
    expect(forced.text).toMatch(/bảng dữ liệu \/ the table/);
    expect(forced.text).toMatch(/kho hồ sơ .* the dossiers' bucket/);
  });

  it('takes no deploy options', async () => {
    expect((await run('destroy', ['--email', 'it@so.gov.vn'])).code).toBe(2);
  });
});

describe('after the deploy', () => {
  const outputs = readOutputs(
    JSON.stringify({
      ThiduaStack: {
        AddinUrl: 'https://d111111abcdef8.cloudfront.net',
        ApiUrl: 'https://abc123.execute-api.ap-southeast-1.amazonaws.com',
        TableName: 'ThiduaStack-DataTable1A2B3C-XYZ',
        Region: 'ap-southeast-1',
        UserPoolId: 'ap-southeast-1_AbCdEf',
        DossierBucket: 'thiduastack-dossiers-1',
      },
    }),
  );
  const options = parseDeployArgs('deploy', ['--profile', 'van phong']) as DeployOptions;

  it('prints the first-admin command with the real table, region and user pool, and where the manifest is', () => {
    const text = nextSteps(outputs, options).join('\n');
    expect(text).toContain(
      'AWS_PROFILE=\'van phong\' npm run admin -- <e-mail> --name "Họ tên" --table ThiduaStack-DataTable1A2B3C-XYZ --region ap-southeast-1 --user-pool ap-southeast-1_AbCdEf',
    );
    expect(text).toContain('https://d111111abcdef8.cloudfront.net/taskpane.html');
    expect(text).toContain('dist/manifest.xml');
    expect(text).toContain('Microsoft 365 admin center → Settings → Integrated apps');
    expect(text).toContain(EXCEL_WEB_UPLOAD.vi);
    expect(text).toContain(EXCEL_WEB_UPLOAD.en);
  });

  it('with another issuer, says the accounts are there and gives no user pool', () => {
    const { UserPoolId: _, ...external } = outputs;
    const text = nextSteps(external, options).join('\n');
    expect(text).not.toContain('--user-pool');
    expect(text).toContain('OpenID Connect issuer');
  });

  it("names the kept table after a destroy, from the last deploy's outputs", () => {
    expect(afterDestroy(outputs).join('\n')).toContain('ThiduaStack-DataTable1A2B3C-XYZ');
  });

  it('refuses an outputs file without the stack', () => {
    expect(() => readOutputs('{"Other":{}}')).toThrow(/ThiduaStack/);
  });
});
