import type { Campaign } from '#shared/campaign';
import { confirmationActions } from '#shared/council/candidates';
import type { Nomination } from '#shared/nomination';
import { TRANSACTION_LIMIT } from '#functions/store/transact';

/** Whether confirming a round of these candidates fits the one transaction a confirmation is. */
export function fitsOneConfirmation(campaign: Pick<Campaign, 'quotaRules'>, candidates: readonly Nomination[]): boolean {
  return confirmationActions(campaign, candidates) <= TRANSACTION_LIMIT;
}
