import { AllowedMethods, CachePolicy, Distribution, HttpVersion, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The page CloudFront serves for the bare address: the pane itself (outside Excel it says to open Excel). */
export const DEFAULT_ROOT_OBJECT = 'taskpane.html';

/**
 * Where the Excel add-in's static files are served from: a private bucket read only by CloudFront
 * (origin access control), over HTTPS, which Office requires of add-ins. The build is uploaded by
 * PaneDeployment (pane-deployment.ts). The bucket holds nothing but that build, which any deploy
 * makes again: `npm run destroy` empties and deletes it (unlike the table and the dossiers' bucket).
 */
export class AddinHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>, with no trailing slash: usable as a CORS origin. */
  readonly url: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'thidua Excel add-in',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        // No managed security-headers policy: its X-Frame-Options would stop Excel on the web
        // from showing the task pane, which it loads in an iframe.
      },
      defaultRootObject: DEFAULT_ROOT_OBJECT,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Default price class (all edge locations): the users are in Viet Nam.
    });

    // cdk-nag (AwsSolutions), where the app applies it (infra/lib/checks.ts). The bucket and the
    // distribution serve the pane's static files, the same for everyone and holding no data: the
    // office's data is behind the API, which logs every request and checks every token.
    const acknowledge = (on: Construct, id: string, reason: string) => Validations.of(on).acknowledge({ id, reason });
    acknowledge(this.bucket, 'AwsSolutions-S1', 'Read only by CloudFront (origin access control): nothing else reaches it to log.');
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR3',
      "Viewer logs of static files would need a log bucket with ACLs for no insight: the pane's requests show in the API's access log.",
    );
    acknowledge(this.distribution, 'AwsSolutions-CFR1', 'Staff open the pane from wherever they work, travel included; it holds no data.');
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'A web ACL costs more than the office spends on the stack, to guard files that hold no data.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'Served on its *.cloudfront.net name, whose certificate and TLS policy CloudFront sets; a minimum of TLS 1.2 needs a custom domain and certificate.',
    );

    this.url = `https://${this.distribution.distributionDomainName}`;
  }
}
