import type { StoredCampaign } from '#shared/api/campaign';
import type { ValidationReport } from '#shared/api/validation';
import type { User } from '#shared/org';
import { reportFor } from '#shared/policy/nominations';
import { makeRuleContext, validateCampaign } from '#shared/rules/index';
import { awardsOfNominees } from '#functions/register/nominee-awards';
import type { Db } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { loadRegistry } from '#functions/store/org-store';

/**
 * GET /campaigns/{id}/validation ("Kiểm tra lại"): every finding of the campaign, as the user may see
 * them. Rule 8 reads the award register as a save does (functions/register/nominee-awards.ts): the
 * markers of the live nominees' names in BatchGets of 100, then one Query per name that has entries.
 * The report covers the whole campaign, which is what the user asked for; the register is never read whole.
 */
export async function campaignValidation(db: Db, campaign: StoredCampaign, user: User): Promise<ValidationReport> {
  const [registry, nominations] = await Promise.all([
    loadRegistry(db),
    loadAllNominations(db, campaign.id, { files: campaign.dossierFilesRequired }),
  ]);
  const ctx = makeRuleContext(campaign, registry.units, registry.people);
  const awards = await awardsOfNominees(
    db,
    ctx,
    nominations.filter((nomination) => !nomination.deletedAt),
  );
  return reportFor(user, validateCampaign(ctx, nominations, awards), nominations);
}
