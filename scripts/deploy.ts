/**
 * `npm run deploy` and `npm run destroy` (scripts/deploy-plan.ts says what each does and takes):
 * thidua to an AWS account with the aws-cdk CLI of node_modules and the SDK's usual credentials
 * (--profile, or AWS_PROFILE, the environment, SSO). Deploy builds the pane, deploys the stack, which
 * uploads the pane with its config.json, writes dist/manifest.xml for the deployed address and prints
 * what to do next. Destroy removes the stack and keeps the table, the dossiers and the accounts.
 * `--dry-run` prints the commands and the files without running anything.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkManifests, normalizeAddinUrl, writeManifest } from './build-manifest';
import {
  afterDestroy,
  deployPlan,
  destroyPlan,
  MANIFEST_FILE,
  nextSteps,
  OUTPUTS_FILE,
  PANE_DIR,
  parseDeployArgs,
  PLACEHOLDER_OUTPUTS,
  readOutputs,
  USAGE,
  type Command,
  type DeployOptions,
  type Step,
  type StackOutputs,
} from './deploy-plan';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface DeployIo {
  root?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Runs one step; its exit code. The default spawns it with the terminal attached. */
  exec?: (step: Step) => Promise<number>;
}

function spawnStep(root: string): (step: Step) => Promise<number> {
  return (step) =>
    new Promise((resolve, reject) => {
      const child = spawn(step.argv[0]!, step.argv.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
}

const shown = (step: Step) =>
  [
    ...Object.entries(step.env).map(([key, value]) => `${key}=${value}`),
    ...step.argv.map((arg) => (/\s/.test(arg) ? `"${arg}"` : arg)),
  ].join(' ');

/** The manifest for the deployed address, from the outputs the CDK CLI wrote (its text); every file it names must be built. */
export function writeDeployedManifest(
  root: string,
  outputs: StackOutputs,
  { built = join(root, PANE_DIR), target = join(root, MANIFEST_FILE) } = {},
): string {
  return writeManifest(root, normalizeAddinUrl(outputs.AddinUrl), built, target);
}

function lastOutputs(root: string): StackOutputs | undefined {
  const file = join(root, OUTPUTS_FILE);
  try {
    return existsSync(file) ? readOutputs(readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

async function runSteps(steps: Step[], options: DeployOptions, io: Required<DeployIo>): Promise<boolean> {
  for (const [index, step] of steps.entries()) {
    io.out(`\n[${index + 1}/${steps.length}] ${step.what}`);
    io.out(`  $ ${shown(step)}`);
    if (options.dryRun) continue;
    const code = await io.exec(step);
    if (code !== 0) {
      io.err(
        `Bước ${index + 1} thất bại (mã ${code}); không làm các bước sau. / Step ${index + 1} failed (exit ${code}); nothing after it ran.`,
      );
      return false;
    }
  }
  return true;
}

/** The command, testable: its exit code. */
export async function runDeploy(command: Command, args: readonly string[], given: DeployIo = {}): Promise<number> {
  const root = given.root ?? ROOT;
  const io: Required<DeployIo> = { root, out: console.log, err: console.error, exec: spawnStep(root), ...given };
  const options = parseDeployArgs(command, args);
  if ('problem' in options) {
    io.err(options.problem);
    io.err(USAGE[command]);
    return 2;
  }
  if (options.dryRun) io.out('--dry-run: chỉ in kế hoạch, không chạy gì. / --dry-run: the plan only, nothing runs.');

  if (command === 'destroy') {
    const before = lastOutputs(root);
    if (!(await runSteps(destroyPlan(root, options), options, io))) return 1;
    if (options.dryRun) io.out('\nSau khi gỡ thật, lệnh in: / After a real destroy, it prints:');
    afterDestroy(before).forEach((line) => io.out(line));
    return 0;
  }

  if (!(await runSteps(deployPlan(root, options), options, io))) return 1;
  io.out(`\n[+] ${MANIFEST_FILE}: manifest cho địa chỉ đã triển khai / the manifest for the deployed address (from ${OUTPUTS_FILE})`);
  let outputs = PLACEHOLDER_OUTPUTS;
  if (!options.dryRun) {
    outputs = readOutputs(readFileSync(join(root, OUTPUTS_FILE), 'utf8'));
    writeDeployedManifest(root, outputs);
    await checkManifests(root, join(root, MANIFEST_FILE));
  }
  io.out('');
  nextSteps(outputs, options).forEach((line) => io.out(line));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'deploy' && command !== 'destroy') {
    console.error(`${USAGE.deploy}\n${USAGE.destroy}`);
    process.exit(2);
  }
  runDeploy(command, args).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Không triển khai được / Failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
