import { mapLimit } from '#shared/async/map-limit';
import type { User } from '#shared/org';
import { accountNotDisabled, findings } from '#shared/registry/findings';
import { accountsToDisable, accountsToInvite, type UsersSavePlan } from '#shared/registry/users-plan';
import { logger } from '#functions/commons/powertools';
import { accountFailure, type Accounts } from './account-port';

/** Cognito's admin actions allow a few dozen a second: a pasted list of staff is invited a few at a time. */
const PARALLEL = 5;

/**
 * Invites the users new to the table before they are written: a row whose account could not be made
 * is refused and left out of the write, so saving it again retries (an account made meanwhile is
 * found and enabled, not made twice).
 */
export async function inviteNewUsers(plan: UsersSavePlan, stored: ReadonlyMap<string, User>, port: Accounts): Promise<void> {
  const invites = accountsToInvite(plan, stored);
  const failures = await mapLimit(invites, PARALLEL, async (user) => {
    try {
      await port.invite(user);
      return undefined;
    } catch (error) {
      logger.warn('account not invited', { error: accountFailure(error) });
      return accountFailure(error);
    }
  });
  const failed = new Map(invites.flatMap((user, index) => (failures[index] ? [[user.email, failures[index]] as const] : [])));
  if (failed.size === 0) return;
  plan.puts = plan.puts.filter((user) => !failed.has(user.email));
  for (const result of plan.results) {
    const failure = result.id ? failed.get(result.id) : undefined;
    if (failure && result.outcome === 'saved')
      Object.assign(result, { outcome: 'refused', findings: [findings.accountNotInvited(failure)] });
  }
}

/** Disables the accounts of the users the save deleted; one that could not be is said on its removal. */
export async function disableRemovedUsers(plan: Pick<UsersSavePlan, 'removedResults'>, port: Accounts): Promise<void> {
  const emails = new Set(accountsToDisable(plan.removedResults));
  await mapLimit(
    plan.removedResults.filter((result) => emails.has(result.id)),
    PARALLEL,
    async (result) => {
      try {
        await port.disable(result.id);
      } catch (error) {
        logger.warn('account not disabled', { error: accountFailure(error) });
        result.reason = accountNotDisabled(accountFailure(error));
      }
    },
  );
}
