/**
 * What `npm run deploy` and `npm run destroy` do, as data: the options, the commands in order, the
 * stack's outputs they read back and what they print. scripts/deploy.ts runs it; `--dry-run` prints
 * it, which is how the tests see it (there is no AWS here).
 */
import { join } from 'node:path';
import { EXCEL_WEB_UPLOAD, PANE_BUTTON } from '#shared/addin-upload';

export const STACK_NAME = 'ThiduaStack';
/** Where the CDK CLI writes the deployed stack's outputs, and the manifest for the deployed URL. */
export const OUTPUTS_FILE = 'dist/deploy-outputs.json';
export const MANIFEST_FILE = 'dist/manifest.xml';
export const PANE_DIR = 'dist/addin';

export type Command = 'deploy' | 'destroy';

export interface DeployOptions {
  command: Command;
  profile?: string;
  region?: string;
  /** Alarms to this SNS topic (CDK context alarmTopicArn) ... */
  alarmTopicArn?: string;
  /** ... or to a topic the stack makes, this address subscribed (alarmEmail). */
  alarmEmail?: string;
  /** More CDK context, `key=value`: oidcIssuer, oidcClientId, oidcScopes, cognitoDomainPrefix. */
  context: string[];
  /** No questions from the CDK CLI (security changes on deploy, the confirmation on destroy). */
  yes: boolean;
  dryRun: boolean;
}

export const USAGE: Record<Command, string> = {
  deploy:
    'usage: npm run deploy -- [--profile P] [--region R] [--alarm-email it@office | --alarm-topic arn:aws:sns:…] [--context key=value]… [--yes] [--dry-run]',
  destroy: 'usage: npm run destroy -- [--profile P] [--region R] [--yes] [--dry-run]',
};

const VALUE_OPTIONS = {
  '--profile': 'profile',
  '--region': 'region',
  '--alarm-topic': 'alarmTopicArn',
  '--alarm-email': 'alarmEmail',
  '--email': 'alarmEmail',
  '--context': 'context',
  '-c': 'context',
} as const;

/** The command line as options, or what is wrong with it (in both languages). */
export function parseDeployArgs(command: Command, args: readonly string[]): DeployOptions | { problem: string } {
  const options: DeployOptions = { command, context: [], yes: false, dryRun: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === '--yes' || flag === '-y') options.yes = true;
    else if (flag === '--dry-run') options.dryRun = true;
    else if (flag in VALUE_OPTIONS) {
      const key = VALUE_OPTIONS[flag as keyof typeof VALUE_OPTIONS];
      const value = (inline ?? args[++index])?.trim();
      if (!value) return { problem: `${flag}: thiếu giá trị / needs a value` };
      if (key === 'context') {
        if (!/^[A-Za-z][\w.:-]*=./.test(value)) return { problem: `${flag} ${value}: cần dạng khóa=giá trị / needs key=value` };
        options.context.push(value);
      } else options[key] = value;
    } else return { problem: `tùy chọn không rõ / unknown option: ${arg}` };
  }
  if (command === 'destroy' && (options.alarmEmail || options.alarmTopicArn || options.context.length > 0))
    return { problem: 'npm run destroy nhận --profile, --region, --yes, --dry-run / takes --profile, --region, --yes, --dry-run only' };
  if (options.alarmEmail && options.alarmTopicArn)
    return { problem: '--alarm-email hoặc --alarm-topic, không cả hai / --alarm-email or --alarm-topic, not both' };
  if (options.alarmTopicArn && !options.alarmTopicArn.startsWith('arn:'))
    return { problem: `--alarm-topic cần ARN của chủ đề SNS / needs an SNS topic ARN: ${options.alarmTopicArn}` };
  if (options.region && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region))
    return { problem: `--region không hợp lệ / not a region: ${options.region}` };
  return options;
}

/** One command of the plan: what it is for (vi / en), its argv and the environment it adds. */
export interface Step {
  what: string;
  argv: string[];
  env: Record<string, string>;
}

/** The AWS CLI's and SDK's region variables, so the CDK CLI deploys where asked. */
function awsEnv(options: DeployOptions): Record<string, string> {
  return options.region ? { AWS_REGION: options.region, AWS_DEFAULT_REGION: options.region } : {};
}

/** The aws-cdk CLI of node_modules (pinned 2.1148.x: the 3.x CLI cannot read aws-cdk-lib 2's assembly). */
function cdk(root: string, options: DeployOptions, args: string[]): string[] {
  return [
    process.execPath,
    join(root, 'node_modules/aws-cdk/bin/cdk'),
    ...args,
    ...(options.profile ? ['--profile', options.profile] : []),
  ];
}

export function deployPlan(root: string, options: DeployOptions): Step[] {
  const context = [
    `paneDir=${PANE_DIR}`,
    ...(options.alarmEmail ? [`alarmEmail=${options.alarmEmail}`] : []),
    ...(options.alarmTopicArn ? [`alarmTopicArn=${options.alarmTopicArn}`] : []),
    ...options.context,
  ];
  return [
    {
      what: `Dựng ngăn bổ trợ vào ${PANE_DIR}/ / Build the pane into ${PANE_DIR}/`,
      argv: [process.execPath, join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      env: {},
    },
    {
      what: 'Triển khai stack (kèm tải ngăn và config.json lên) / Deploy the stack (the pane and its config.json uploaded with it)',
      argv: cdk(root, options, [
        'deploy',
        STACK_NAME,
        '--outputs-file',
        OUTPUTS_FILE,
        '--require-approval',
        options.yes ? 'never' : 'broadening',
        ...context.flatMap((entry) => ['-c', entry]),
      ]),
      env: awsEnv(options),
    },
  ];
}

export function destroyPlan(root: string, options: DeployOptions): Step[] {
  return [
    {
      what: 'Gỡ stack (giữ bảng dữ liệu, kho hồ sơ, tài khoản) / Destroy the stack (the table, dossiers and accounts kept)',
      argv: cdk(root, options, ['destroy', STACK_NAME, ...(options.yes ? ['--force'] : [])]),
      env: awsEnv(options),
    },
  ];
}

/** The deployed stack's outputs that the next steps need (infra/lib/thidua-stack.ts names them). */
export interface StackOutputs {
  AddinUrl: string;
  ApiUrl: string;
  TableName: string;
  Region: string;
  DossierBucket?: string;
  UserPoolId?: string;
  SignInIssuer?: string;
  AlarmTopicArn?: string;
}

/** The outputs file the CDK CLI writes (`{ "<stack>": { "<output>": "<value>" } }`). */
export function readOutputs(text: string): StackOutputs {
  const stack = (JSON.parse(text) as Record<string, Record<string, string>>)[STACK_NAME];
  const missing = ['AddinUrl', 'ApiUrl', 'TableName', 'Region'].filter((key) => !stack?.[key]);
  if (!stack || missing.length > 0) throw new Error(`${OUTPUTS_FILE} lacks ${STACK_NAME}'s ${missing.join(', ') || 'outputs'}`);
  return stack as unknown as StackOutputs;
}

/** The outputs a dry run shows in place of the real ones. */
export const PLACEHOLDER_OUTPUTS: StackOutputs = {
  AddinUrl: 'https://<AddinUrl>.cloudfront.net',
  ApiUrl: 'https://<ApiUrl>.execute-api.<region>.amazonaws.com',
  TableName: '<TableName>',
  Region: '<Region>',
  UserPoolId: '<UserPoolId>',
};

const quote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

/** What `npm run deploy` prints at the end: where things are and what to do next, in vi then en. */
export function nextSteps(outputs: StackOutputs, options: DeployOptions): string[] {
  const profile = options.profile ? `AWS_PROFILE=${quote(options.profile)} ` : '';
  const pool = outputs.UserPoolId ? ` --user-pool ${outputs.UserPoolId}` : '';
  const admin = `${profile}npm run admin -- <e-mail> --name "Họ tên" --table ${outputs.TableName} --region ${outputs.Region}${pool}`;
  return [
    `Đã triển khai thidua (vùng ${outputs.Region}). / thidua is deployed (region ${outputs.Region}).`,
    `  Ngăn bổ trợ / The pane:    ${outputs.AddinUrl}/taskpane.html`,
    `  API:                       ${outputs.ApiUrl}`,
    `  Bảng dữ liệu / The table:  ${outputs.TableName}`,
    '',
    'Việc tiếp theo / What to do next:',
    outputs.UserPoolId
      ? '1. Tạo quản trị viên đầu tiên; Cognito gửi cho người đó thư mời kèm mật khẩu tạm. / Make the first administrator; Cognito e-mails them an invitation with a temporary password.'
      : '1. Tạo quản trị viên đầu tiên (tài khoản đăng nhập của người đó do nhà cung cấp đăng nhập của cơ quan cấp). / Make the first administrator (their sign-in account is at your OpenID Connect issuer).',
    `   ${admin}`,
    `2. Phân phối manifest / Distribute the manifest: ${MANIFEST_FILE}`,
    '   - Cả cơ quan / The whole office: Microsoft 365 admin center → Settings → Integrated apps → Upload custom apps',
    '   - Excel trên Windows, không có Microsoft 365 / Excel desktop on Windows without Microsoft 365: a shared-folder catalog (README, "Deploy to AWS")',
    `   - Excel trên web / Excel on the web: ${EXCEL_WEB_UPLOAD.vi} / ${EXCEL_WEB_UPLOAD.en}`,
    `3. Người dùng mở ${PANE_BUTTON.vi} rồi bấm "Đăng nhập". / Users open ${PANE_BUTTON.en} and select "Đăng nhập" (Sign in).`,
    '',
    'Cập nhật: chạy lại npm run deploy; người dùng nhận bản mới khi mở lại ngăn. / To update: run npm run deploy again; users get it when they reopen the pane.',
    'Gỡ: npm run destroy (giữ bảng dữ liệu và kho hồ sơ). / To remove: npm run destroy (the table and the dossiers are kept).',
  ];
}

/** What `npm run destroy` prints once done: what it kept, named when the last deploy's outputs say. */
export function afterDestroy(outputs: Partial<StackOutputs> | undefined): string[] {
  const named = (value: string | undefined) => (value ? ` ${value}` : '');
  return [
    'Đã gỡ stack thidua. Được giữ lại, còn tính phí lưu trữ cho đến khi bạn tự xóa: / The thidua stack is gone. Kept, and still billed for storage until you delete them yourself:',
    `  - bảng dữ liệu / the table${named(outputs?.TableName)} (deletion protection on)`,
    `  - kho hồ sơ và nhật ký truy cập của nó / the dossiers' bucket${named(outputs?.DossierBucket)} and its access-log bucket`,
    `  - tài khoản Cognito / the Cognito user pool${named(outputs?.UserPoolId)} (deletion protection on)`,
    'Triển khai lại sẽ tạo bảng mới, rỗng. / A new deploy makes a new, empty table.',
  ];
}
