import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  type CognitoIdentityProviderClient,
  UsernameExistsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Accounts } from './account-port';

/**
 * The office's accounts in the stack's Cognito user pool (infra/lib/sign-in.ts): the e-mail is the
 * username, the pool sends the invitation with a temporary password (its template in sign-in.ts), and
 * a removed user is disabled, not deleted, so that re-adding them gives back the same account.
 */
export function cognitoAccounts(client: CognitoIdentityProviderClient, userPoolId: string): Accounts {
  return {
    async invite({ email, displayName }) {
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            UserAttributes: [
              { Name: 'email', Value: email },
              // The administrator vouches for the address: the invitation goes there.
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: displayName },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        return 'invited';
      } catch (error) {
        if (!(error instanceof UsernameExistsException)) throw error;
        await client.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: email }));
        return 'enabled';
      }
    },
    async disable(email) {
      try {
        await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }));
      } catch (error) {
        if (!(error instanceof UserNotFoundException)) throw error;
      }
    },
  };
}
