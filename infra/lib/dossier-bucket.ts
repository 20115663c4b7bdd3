import { CfnResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DELETED_RETENTION_DAYS, PENDING_RETENTION_DAYS } from '#shared/dossier-files';
import { DELETED_PREFIX, PENDING_PREFIX } from '#functions/store/file-objects';
import { LOG_RETENTION } from './logs';

/** Where stored files live (functions/store/file-objects.ts's objectKey). */
const STORED_PREFIX = 'campaigns/';

/**
 * The dossiers' scanned documents (issue 11): a private, encrypted, TLS-only bucket that the pane
 * reaches only through presigned URLs the files' Lambda signs, from the pane's own origin (CORS). A
 * deleted file is moved under `deleted/`, which a lifecycle rule empties after 30 days; an upload lands
 * under `pending/` until confirmed, and what is never confirmed is removed after a day, as is a
 * multipart upload left half-done. Retained: the office's records outlive a stack.
 */
export class DossierBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { paneOrigin: string }) {
    super(scope, id);
    // Who read or wrote a scan: the downloads go straight to S3 through presigned URLs, so S3's own
    // access log is their only record. Kept as long as the functions' logs.
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3 delivers server access logs only to a bucket encrypted with S3-managed keys.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(LOG_RETENTION) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "This bucket holds the dossier bucket's access logs: logging it would log the logging.",
    });
    this.bucket = new Bucket(this, 'Bucket', {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'dossiers/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedOrigins: [props.paneOrigin],
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedHeaders: ['content-type'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'deleted-files', prefix: DELETED_PREFIX, expiration: Duration.days(DELETED_RETENTION_DAYS) },
        { id: 'unconfirmed-uploads', prefix: PENDING_PREFIX, expiration: Duration.days(PENDING_RETENTION_DAYS) },
        { id: 'unfinished-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
  }

  /**
   * What the files' Lambda needs, and only that: put (the presigned PUT is signed with its role), get
   * (the type check's ranged GET, the presigned download, the copy's source), delete (a refused upload,
   * the moves between `pending/`, `campaigns/` and `deleted/`), on the objects of its three prefixes.
   */
  grantFiles(fn: LambdaFunction & IGrantable): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [STORED_PREFIX, DELETED_PREFIX, PENDING_PREFIX].map((prefix) => this.bucket.arnForObjects(`${prefix}*`)),
      }),
    );
    fn.addEnvironment('BUCKET_NAME', this.bucket.bucketName);
    // cdk-nag (AwsSolutions), where the app applies it (infra/lib/checks.ts).
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnResource);
    for (const prefix of [STORED_PREFIX, DELETED_PREFIX, PENDING_PREFIX])
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
        reason: `Each upload makes its own object key under ${prefix}: the files' routes cannot name them in advance.`,
      });
  }
}
