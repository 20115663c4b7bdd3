import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Accounts } from '#functions/org/accounts';
import { cognitoAccounts } from '#functions/org/cognito-accounts';

/**
 * Cognito out of reach: the product's own Cognito adapter over a client that cannot connect (a closed
 * port, one attempt), so each call fails with the SDK's own error, as in AWS when the service does not
 * answer. Install it with `useAccounts(unreachableCognito())`.
 */
export function unreachableCognito(): Accounts {
  const client = new CognitoIdentityProviderClient({
    region: 'ap-southeast-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return cognitoAccounts(client, 'ap-southeast-1_Test');
}
