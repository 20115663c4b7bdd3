import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalIssuerFromContext } from '#infra/lib/sign-in';
import type { ThiduaStack } from '#infra/lib/thidua-stack';
import { synthStack } from './synth';

/**
 * Sign-in in both modes: the stack's own Cognito pool (the default), and another OpenID Connect
 * issuer given by configuration, where no pool is made. Either way the API's JWT authorizer trusts
 * that issuer with the pane's client id as the audience (the pane sends the ID token).
 */
type Resource = { Properties: Record<string, any>; DeletionPolicy?: string };
const only = (template: Template, type: string): Resource => {
  const found = Object.values(template.findResources(type)) as Resource[];
  expect(found).toHaveLength(1);
  return found[0]!;
};
const ref = (stack: ThiduaStack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<ThiduaStack['getLogicalId']>[0]);

describe('by default: a Cognito user pool', () => {
  let stack: ThiduaStack;
  let template: Template;
  let cleanup = () => {};
  beforeAll(() => ({ stack, template, cleanup } = synthStack({ bundling: false })));
  afterAll(() => cleanup());

  it('holds the office accounts the administrator makes: e-mail as username, a strong password, kept on deletion', () => {
    const pool = only(template, 'AWS::Cognito::UserPool');
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
      },
      DeletionProtection: 'ACTIVE',
    });
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it("has the pane's public client: code grant only, the OpenID scopes, the dialog page at the pane's origin", () => {
    const client = only(template, 'AWS::Cognito::UserPoolClient');
    const signInPage = {
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ref(stack, stack.hosting.distribution), 'DomainName'] }, '/signin.html']],
    };
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [signInPage],
      LogoutURLs: [signInPage],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      UserPoolId: { Ref: ref(stack, stack.signIn.userPool!) },
    });
    expect(only(template, 'AWS::Cognito::UserPoolDomain').Properties.Domain).toEqual({
      'Fn::Join': ['-', ['thidua', { Ref: 'AWS::AccountId' }]],
    });
  });

  it("makes the authorizer trust the pool's issuer, with the client id as the audience", () => {
    const authorizer = only(template, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.JwtConfiguration).toEqual({
      Issuer: { 'Fn::GetAtt': [ref(stack, stack.signIn.userPool!), 'ProviderURL'] },
      Audience: [{ Ref: ref(stack, stack.signIn.client!) }],
    });
  });

  it("gives the pane its config.json: issuer, client id, scopes and Cognito's endpoints", () => {
    const output = template.findOutputs('PaneConfig').PaneConfig!;
    const text = JSON.stringify(output.Value);
    for (const part of ['\\"mode\\":\\"oidc\\"', '\\"issuer\\":', '\\"clientId\\":', 'openid', '/oauth2/authorize', '/oauth2/token'])
      expect(text).toContain(part);
    template.hasOutput('UserPoolId', Match.anyValue());
  });

  it('lets the org function alone invite, enable and disable accounts, on this pool only, and invites in vi and en', () => {
    const poolArn = { 'Fn::GetAtt': [ref(stack, stack.signIn.userPool!), 'Arn'] };
    const cognito = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')))
        .map((statement) => ({ roles: policy.Properties.Roles, ...statement })),
    );
    expect(cognito).toHaveLength(1);
    expect(cognito[0]).toMatchObject({
      roles: [{ Ref: ref(stack, stack.functions.byGroup.org.role!) }],
      Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser'],
      Resource: poolArn,
    });
    const org = template.findResources('AWS::Lambda::Function')[ref(stack, stack.functions.byGroup.org)] as Resource;
    expect(org.Properties.Environment.Variables.USER_POOL_ID).toEqual({ Ref: ref(stack, stack.signIn.userPool!) });
    const invitation = only(template, 'AWS::Cognito::UserPool').Properties.AdminCreateUserConfig.InviteMessageTemplate;
    expect(invitation.EmailMessage).toContain('{username}');
    expect(invitation.EmailMessage).toContain('{####}');
    expect(invitation.EmailMessage).toContain('Trang đầu → Đề nghị khen thưởng');
    expect(invitation.EmailSubject).toMatch(/Tài khoản .* account/);
  });
});

describe('another OpenID Connect issuer, by configuration', () => {
  const external = { issuer: 'https://login.microsoftonline.com/0000-tenant/v2.0', clientId: 'pane-app-id' };
  let template: Template;
  let cleanup = () => {};
  beforeAll(() => ({ template, cleanup } = synthStack({ bundling: false, props: { externalIssuer: external } })));
  afterAll(() => cleanup());

  it('makes no user pool, and the authorizer trusts that issuer and client', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    expect(only(template, 'AWS::ApiGatewayV2::Authorizer').Properties.JwtConfiguration).toEqual({
      Issuer: external.issuer,
      Audience: [external.clientId],
    });
    const text = JSON.stringify(template.findOutputs('PaneConfig').PaneConfig!.Value);
    expect(text).toContain(external.issuer);
    expect(text).not.toContain('oauth2');
  });

  it('gives the org function no account to keep: the issuer has its own', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('cognito-idp:');
    expect(JSON.stringify(template.toJSON())).not.toContain('USER_POOL_ID');
  });

  it('reads the issuer from CDK context, and refuses half of it', () => {
    const context = (values: Record<string, string>) => (key: string) => values[key];
    expect(externalIssuerFromContext(context({}))).toBeUndefined();
    expect(externalIssuerFromContext(context({ oidcIssuer: external.issuer, oidcClientId: 'x', oidcScopes: 'openid email' }))).toEqual({
      issuer: external.issuer,
      clientId: 'x',
      scopes: ['openid', 'email'],
    });
    expect(() => externalIssuerFromContext(context({ oidcIssuer: external.issuer }))).toThrow(/oidcClientId/);
    expect(() => externalIssuerFromContext(context({ oidcIssuer: 'http://sso.local', oidcClientId: 'x' }))).toThrow(/https/);
  });
});
