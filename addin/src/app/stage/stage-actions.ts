import type { CampaignStage } from '#shared/campaign-stage';
import { STAGE_LABELS } from '#shared/campaign-stage';
import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { stageView } from './stage-view';

/**
 * Moving the campaign's stage from the pane (HR, an administrator): from the version the pane read,
 * with the reason a step back needs. The answer replaces the pane's campaign; a refusal (a stale
 * version, a move another made meanwhile) shows the API's message.
 */
export function createStageActions(core: PaneCore) {
  const { api, store, memory } = core;
  async function moveStage(to: CampaignStage, reason?: string): Promise<void> {
    const campaign = memory.campaign;
    const { user } = store.state;
    if (!campaign || !user) return;
    const move = stageView(user, campaign).moves.find((candidate) => candidate.to === to);
    if (!move) return;
    if (move.needsReason && !reason?.trim()) {
      store.set({ notice: localized('stage.reasonNeeded') });
      return;
    }
    store.set({ busy: true, error: undefined, notice: undefined });
    try {
      const moved = await api.moveStage(campaign.id, {
        to,
        version: campaign.version,
        ...(reason?.trim() ? { reason: reason.trim() } : {}),
      });
      if (memory.campaign?.id !== moved.id) return;
      memory.campaign = moved;
      if (memory.ctx) memory.ctx = { ...memory.ctx, campaign: moved };
      store.set({ stage: stageView(user, moved), notice: localized('stage.moved', {}, { stage: STAGE_LABELS[moved.stage] }) });
    } catch (error) {
      core.fail(error);
    } finally {
      store.set({ busy: false });
    }
  }
  return { moveStage };
}
