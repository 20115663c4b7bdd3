import { Aws, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** The pane's sign-in page: the Office dialog opens it, the issuer redirects back to it (addin/signin.html). */
export const SIGN_IN_PAGE = 'signin.html';
export const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

/** Cognito's invitation e-mail, in both languages; {username} and {####} are Cognito's placeholders. */
export const INVITATION = {
  emailSubject: 'Tài khoản Thi đua – Khen thưởng / Your Emulation and Commendation account',
  emailBody: [
    'Quản trị viên của cơ quan đã tạo cho bạn tài khoản dùng bổ trợ Thi đua – Khen thưởng trong Excel.',
    'Tên đăng nhập: {username}',
    'Mật khẩu tạm (đổi ở lần đăng nhập đầu, hết hạn sau 3 ngày): {####}',
    'Trong Excel: Trang đầu → Đề nghị khen thưởng → Đăng nhập.',
    '',
    "Your office's administrator made you an account for the Emulation and Commendation add-in in Excel.",
    'Username: {username}',
    'Temporary password (change it at your first sign-in; valid 3 days): {####}',
    'In Excel: Home → Nominations → Đăng nhập (Sign in).',
  ].join('<br>'),
};

/** Another OpenID Connect issuer than the stack's own Cognito pool: Entra ID, the province's SSO. */
export interface ExternalIssuer {
  /** The `iss` of its tokens, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0 */
  issuer: string;
  /** The pane's client (app registration) at that issuer: a public client, code flow with PKCE. */
  clientId: string;
  scopes?: string[];
}

export interface SignInProps {
  /** https://<where the pane is served>, no trailing slash. */
  paneUrl: string;
  /** Absent: the stack makes a Cognito user pool. */
  external?: ExternalIssuer | undefined;
  /** The Cognito domain's prefix (unique in the region); default thidua-<account id>. */
  domainPrefix?: string | undefined;
}

/**
 * Who signs users in, and what the API's JWT authorizer trusts. By default an Amazon Cognito user
 * pool of the office's own accounts (most provincial offices have no Microsoft 365 tenant): no
 * self sign-up, the administrator makes each account, the e-mail is the username. Configured with
 * an external issuer, no pool is made and the authorizer trusts that issuer instead.
 *
 * The pane sends the ID token (see docs/architecture.md, "Sign-in"): it is the token that carries
 * the e-mail the API finds the user by, and its `aud` is the pane's client id, hence the
 * authorizer's audience. A Cognito access token has neither `email` nor `aud`.
 */
export class SignIn extends Construct {
  readonly issuer: string;
  readonly clientId: string;
  readonly audience: string[];
  readonly scopes: string[];
  /** Where the issuer's hosted login is (Cognito's domain); undefined for an external issuer (discovery says). */
  readonly loginBaseUrl: string | undefined;
  readonly userPool: UserPool | undefined;
  readonly client: UserPoolClient | undefined;
  readonly domain: UserPoolDomain | undefined;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    if (props.external) {
      this.issuer = props.external.issuer.replace(/\/+$/, '');
      this.clientId = props.external.clientId;
      this.scopes = props.external.scopes?.length ? props.external.scopes : DEFAULT_SCOPES;
      this.audience = [this.clientId];
      this.loginBaseUrl = undefined;
      return;
    }

    const pool = new UserPool(this, 'Users', {
      // The office's own staff only: the administrator makes each account (console or CLI).
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // The invitation a user added in the Người dùng sheet receives (functions/org/cognito-accounts.ts).
      userInvitation: INVITATION,
      // The accounts outlive a stack update or deletion, as the table does.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // cdk-nag's AwsSolutions pack, where it is applied, reads these acknowledgements.
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is offered (TOTP), not forced: staff sign in from shared office PCs and many have no smartphone.',
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason: "Threat protection needs Cognito's Plus plan; an office of a few hundred internal accounts stays on Essentials.",
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: "The Plus plan's threat protection is not needed by a few hundred internal accounts made by the administrator (as COG3).",
    });

    const signInPage = `${props.paneUrl}/${SIGN_IN_PAGE}`;
    const client = pool.addClient('Pane', {
      // A public client: the pane runs in the user's Office; PKCE replaces the secret.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [signInPage],
        logoutUrls: [signInPage],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      // A working day: the pane asks again after it, keeping the unsaved rows in the sheet.
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.days(1),
    });
    const domain = pool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? Fn.join('-', ['thidua', Aws.ACCOUNT_ID]) },
    });

    this.userPool = pool;
    this.client = client;
    this.domain = domain;
    this.issuer = pool.userPoolProviderUrl;
    this.clientId = client.userPoolClientId;
    this.audience = [this.clientId];
    this.scopes = DEFAULT_SCOPES;
    this.loginBaseUrl = domain.baseUrl();
  }

  /**
   * Lets `fn` (the org function) keep the pool's accounts in step with the users sheet: invite, enable
   * again, disable; nothing else, on this pool only. Nothing to do with another issuer.
   */
  grantAccounts(fn: LambdaFunction): void {
    if (!this.userPool) return;
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
    this.userPool.grant(fn, 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminDisableUser');
  }

  /** The `auth` part of the pane's config.json (addin/src/boot/config.ts). */
  paneAuthConfig(): Record<string, unknown> {
    return {
      mode: 'oidc',
      issuer: this.issuer,
      clientId: this.clientId,
      scopes: this.scopes,
      // Cognito's endpoints, known here: the pane need not fetch a discovery document for them.
      ...(this.loginBaseUrl
        ? { authorizationEndpoint: `${this.loginBaseUrl}/oauth2/authorize`, tokenEndpoint: `${this.loginBaseUrl}/oauth2/token` }
        : {}),
    };
  }
}

/** The external issuer from CDK context (`cdk deploy -c oidcIssuer=... -c oidcClientId=...`), if set. */
export function externalIssuerFromContext(context: (key: string) => unknown): ExternalIssuer | undefined {
  const text = (key: string) => {
    const value = context(key);
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const issuer = text('oidcIssuer');
  const clientId = text('oidcClientId');
  if (!issuer && !clientId) return undefined;
  if (!issuer || !clientId) throw new Error('Another OpenID Connect issuer needs both -c oidcIssuer=https://... and -c oidcClientId=...');
  if (!/^https:\/\/\S+$/.test(issuer)) throw new Error(`oidcIssuer must be an https:// URL, not ${issuer}`);
  const scopes = text('oidcScopes')
    ?.split(/[\s,]+/)
    .filter(Boolean);
  return { issuer, clientId, ...(scopes?.length ? { scopes } : {}) };
}
