import type { StoredCampaign } from '#shared/api/campaign';
import { MAX_DECISION_NOMINATIONS, type RecordDecisionRequest } from '#shared/api/register';
import { parseDateVi } from '#shared/dates';
import type { Localized } from '#shared/localized';
import type { Nomination } from '#shared/nomination';
import { DECISION_MOVES } from '#shared/status';
import { compareVietnamese } from '#shared/text';
import { IdempotencyMemory, isApiRequestError, newUuid } from '#addin/api/index';
import { localized } from '#addin/i18n/index';
import { withBusy } from '#addin/app/core/busy';
import { mayRecordDecision, type DecisionChoices, type DecisionDraft } from './register-state';
import type { PaneCore } from '#addin/app/core/pane-core';

const awaiting: readonly string[] = DECISION_MOVES.issue.from;

/** The choices after a load, in the sheet's row order, each nominee named as its row names it. */
export function decisionChoices(
  campaign: Pick<StoredCampaign, 'id' | 'awardForms'>,
  nominations: readonly Nomination[],
  labels: ReadonlyMap<string, string>,
  rowIds: ReadonlyMap<string, number>,
): DecisionChoices {
  const forms = campaign.awardForms.filter((form) => form.decidedBy !== 'office');
  const codes = new Set(forms.map((form) => form.code));
  const offered = nominations
    .filter((n) => !n.deletedAt && awaiting.includes(n.status) && codes.has(n.awardForm))
    .map((n) => ({ id: n.id, label: labels.get(n.id) ?? n.nomineeId, awardForm: n.awardForm }));
  const at = (id: string) => rowIds.get(id) ?? Number.MAX_SAFE_INTEGER;
  offered.sort((a, b) => at(a.id) - at(b.id) || compareVietnamese(a.label, b.label));
  return { campaignId: campaign.id, forms: forms.map((form) => ({ code: form.code, name: form.name })), nominations: offered };
}

/** The request a draft makes, or what HR must put right first (said in the status line, nothing sent). */
export function decisionRequest(draft: DecisionDraft): { request: RecordDecisionRequest } | { problem: Localized } {
  const number = draft.number.normalize('NFC').trim();
  const signer = draft.signer.normalize('NFC').trim();
  const date = parseDateVi(draft.date);
  if (!draft.awardForm) return { problem: localized('register.decision.noForm') };
  if (!number) return { problem: localized('register.decision.noNumber') };
  if (!date) return { problem: localized('register.decision.badDate', { text: draft.date.trim() }) };
  if (!signer) return { problem: localized('register.decision.noSigner') };
  const ids = [...new Set(draft.nominationIds)];
  if (ids.length === 0) return { problem: localized('register.decision.noneTicked') };
  if (ids.length > MAX_DECISION_NOMINATIONS)
    return { problem: localized('register.decision.tooMany', { n: ids.length, max: MAX_DECISION_NOMINATIONS }) };
  return { request: { awardForm: draft.awardForm, number, date, signer, nominationIds: ids } };
}

/**
 * Records the decision (POST /campaigns/{id}/decisions), under the same Idempotency-Key as long as its
 * fate is unknown, so a retry after a dropped answer does not award twice; then the nomination sheet
 * is reloaded, as after an issued decision, and the status line says how many were awarded.
 */
export function createDecisionRecorder(core: PaneCore, reloadSheet: () => Promise<void>) {
  const { api, store } = core;
  const keys = new IdempotencyMemory();

  return async function recordDecision(draft: DecisionDraft): Promise<void> {
    const { campaignId, user } = store.state;
    if (!campaignId || !mayRecordDecision(user)) return;
    const made = decisionRequest(draft);
    if ('problem' in made) return store.set({ error: undefined, notice: made.problem });
    const digest = IdempotencyMemory.digest(JSON.stringify([campaignId, made.request]));
    const key = keys.keyFor(digest) ?? newUuid();
    keys.remember(digest, key);
    let notice: Localized | undefined;
    await core.track(
      withBusy(core, async () => {
        try {
          const result = await api.recordDecision(campaignId, made.request, key);
          keys.forget(digest);
          notice = localized('register.decision.recorded', { n: result.awarded, number: made.request.number });
          store.set({ notice });
        } catch (error) {
          if (isApiRequestError(error) && error.status >= 400 && error.status < 500) keys.forget(digest);
          throw error;
        }
      }),
    );
    if (!notice) return;
    await reloadSheet();
    if (!store.state.error) store.set({ notice });
  };
}
