import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { NO_ACCOUNTS, type Accounts } from './account-port';
import { cognitoAccounts } from './cognito-accounts';

export { accountFailure, NO_ACCOUNTS, type Accounts } from './account-port';

/** Which accounts this process keeps: Cognito's where the stack set USER_POOL_ID, else none (see account-port.ts). */
let current: Accounts | undefined;

/** The process's accounts (one per Lambda container), from its environment on first use. */
export function accounts(env: NodeJS.ProcessEnv = process.env): Accounts {
  if (!current) {
    const pool = env.USER_POOL_ID;
    current = pool ? cognitoPool(pool, env.AWS_REGION ?? 'ap-southeast-1') : NO_ACCOUNTS;
  }
  return current;
}

/** The accounts of a Cognito user pool, with the SDK's default credentials (the Lambda's role, or the IT person's profile). */
export function cognitoPool(userPoolId: string, region: string): Accounts {
  return cognitoAccounts(new CognitoIdentityProviderClient({ region, maxAttempts: 3 }), userPoolId);
}

/** Another port for this process (the local OpenID Connect server's accounts in a test); undefined goes back to the environment's. */
export function useAccounts(port: Accounts | undefined): void {
  current = port;
}
