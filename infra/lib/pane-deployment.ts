import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { LOG_RETENTION } from './logs';

/** The pane's runtime config, as addin/src/boot/config.ts reads it; tokens resolved at deploy. */
export const PANE_CONFIG_FILE = 'config.json';

/**
 * How long each kind of the pane's files may be kept by a browser or CloudFront. The pages and the
 * config name what to load: a browser asks again every time (no-cache revalidates; CloudFront's
 * optimized policy then keeps them its minimum of 1 s), so a release shows at the next open. The
 * files under assets/ carry their content's hash in their name, so they never change. The rest (icons,
 * the help page) have no hash but change rarely; Office wants icons cacheable, not no-cache.
 */
export const PANE_CACHE = {
  pages: { patterns: ['*.html', PANE_CONFIG_FILE], cacheControl: 'no-cache' },
  hashed: { patterns: ['assets/*'], cacheControl: 'public, max-age=31536000, immutable' },
  other: { patterns: ['everything else'], cacheControl: 'public, max-age=86400' },
} as const;

export interface PaneDeploymentProps {
  bucket: IBucket;
  /** The built pane (vite build's dist/addin/). */
  dir: string;
  /** config.json's content; may hold tokens (the API's URL, the issuer, the client id). */
  config: Record<string, unknown>;
}

/**
 * The pane's upload at deploy (issue 12): the build, plus config.json written from the stack's own
 * values, so that one `cdk deploy` brings a working pane with no second step. Three uploads, one per
 * cache class: the hashed assets first, the pages last, so a page never names a file not yet there.
 * Nothing is pruned: a pane opened before the release keeps finding its old assets.
 */
export class PaneDeployment extends Construct {
  readonly deployments: BucketDeployment[];

  constructor(scope: Construct, id: string, props: PaneDeploymentProps) {
    super(scope, id);
    // The upload's own Lambda (one per stack, shared by the three) logs where the others do, as long.
    const logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    const build = Source.asset(props.dir);
    // `aws s3 sync` filters, as the upload applies them: excludes first, then includes, the later
    // filter winning; a file no filter matches is uploaded.
    const only = (patterns: readonly string[]) => ({ exclude: ['*'], include: [...patterns] });
    const classes = [
      { name: 'Hashed', sources: [build], ...only(PANE_CACHE.hashed.patterns), cacheControl: PANE_CACHE.hashed.cacheControl },
      {
        name: 'Other',
        sources: [build],
        exclude: [...PANE_CACHE.pages.patterns, ...PANE_CACHE.hashed.patterns],
        include: [],
        cacheControl: PANE_CACHE.other.cacheControl,
      },
      {
        name: 'Pages',
        sources: [build, Source.jsonData(PANE_CONFIG_FILE, props.config)],
        ...only(PANE_CACHE.pages.patterns),
        cacheControl: PANE_CACHE.pages.cacheControl,
      },
    ];
    this.deployments = [];
    for (const kind of classes) {
      const deployment = new BucketDeployment(this, kind.name, {
        sources: kind.sources,
        destinationBucket: props.bucket,
        exclude: kind.exclude,
        ...(kind.include.length > 0 ? { include: kind.include } : {}),
        cacheControl: [CacheControl.fromString(kind.cacheControl)],
        prune: false,
        memoryLimit: 512,
        logGroup,
      });
      const previous = this.deployments.at(-1);
      if (previous) deployment.node.addDependency(previous);
      this.deployments.push(deployment);
    }
    acknowledgeUploader(Stack.of(this), props.bucket);
  }
}

/**
 * cdk-nag (AwsSolutions) over the upload's Lambda, which aws-cdk-lib makes once per stack and shapes
 * itself: it runs only during a deploy, reads the build CDK staged and writes the pane's bucket.
 */
function acknowledgeUploader(stack: Stack, bucket: IBucket): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) return;
  const bucketId = stack.getLogicalId(bucket.node.defaultChild as CfnResource);
  const reasons: Record<string, string> = {
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      'The upload Lambda of aws-cdk-lib writes its own log with the basic execution role; it runs only during a deploy.',
    'IAM5[Action::s3:GetBucket*]': "aws-cdk-lib's grant to read the build it staged in the bootstrap bucket.",
    'IAM5[Action::s3:GetObject*]': "aws-cdk-lib's grant to read the build it staged in the bootstrap bucket.",
    'IAM5[Action::s3:List*]': "aws-cdk-lib's grant to list the staged build and the pane's bucket it syncs to.",
    'IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]':
      "The bootstrap bucket's staged files, where CDK puts the build; the Lambda reads only the keys it is given.",
    'IAM5[Action::s3:Abort*]': "aws-cdk-lib's grant to write the pane's bucket (an interrupted upload aborted).",
    'IAM5[Action::s3:DeleteObject*]': "aws-cdk-lib's grant to write the pane's bucket, which holds nothing but the build.",
    [`IAM5[Resource::<${bucketId}.Arn>/*]`]: "Every object of the pane's bucket: the build is all it holds.",
    L1: "aws-cdk-lib chooses the upload Lambda's runtime and updates it with the library; it runs only during a deploy.",
  };
  for (const [rule, reason] of Object.entries(reasons)) Validations.of(handler).acknowledge({ id: `AwsSolutions-${rule}`, reason });
}
