import type { StoredCampaign } from '#shared/api/campaign';
import { STAGE_LABELS, type CampaignStage } from '#shared/campaign-stage';
import type { Localized } from '#shared/localized';
import type { User } from '#shared/org';
import { refuseInStage, stageMovesFor, type StageAction } from '#shared/policy/campaign-stage';
import { runsTheVote } from '#shared/policy/council';
import { documentsFor, refuseIssueDocument } from '#shared/policy/documents';
import { mayWriteNominations } from '#shared/policy/nominations';
import { refuseOrg } from '#shared/policy/org';
import { localized, type MessageKey } from '#addin/i18n/index';

/** The campaign's stage as the campaign bar shows it: where it stands, what this user may do, the moves offered. */
export interface StageView {
  stage: CampaignStage;
  label: Localized;
  /** "Bạn có thể: …", or that the user only reads in this stage. */
  mayNow: Localized;
  moves: { to: CampaignStage; label: Localized; needsReason: boolean }[];
}

/**
 * Whether the role allows the action at all (the stage aside): the same policies the handlers ask.
 * The dossier's files follow the nominations, whose phrase already says it.
 */
const ROLE_ALLOWS: Record<Exclude<StageAction, 'draftDocument' | 'changeFiles'>, (user: User) => boolean> = {
  saveNominations: mayWriteNominations,
  runCouncil: runsTheVote,
  recordDocument: (user) => documentsFor(user).length > 0,
  issueDecision: (user) => !refuseIssueDocument(user, 'quyet-dinh'),
  editCampaign: (user) => !refuseOrg(user, 'writeCampaigns'),
  moveStage: (user) => stageMovesFor(user, { stage: 'draft', submissionDeadline: '' }).length > 0,
};

/** What each allowed action reads as in the line; a unit's late dossier in a closed campaign has its own. */
function phraseOf(action: keyof typeof ROLE_ALLOWS, user: User, campaign: StoredCampaign): MessageKey {
  if (action === 'saveNominations' && user.role === 'unit') return campaign.stage === 'closed' ? 'stage.may.late' : 'stage.may.submit';
  return `stage.may.${action}`;
}

export function stageView(user: User | undefined, campaign: StoredCampaign): StageView {
  const allowed = user
    ? (Object.keys(ROLE_ALLOWS) as (keyof typeof ROLE_ALLOWS)[]).filter(
        (action) => ROLE_ALLOWS[action](user) && !refuseInStage(user, campaign, action),
      )
    : [];
  const phrases = user ? allowed.map((action) => localized(phraseOf(action, user, campaign))) : [];
  const mayNow =
    phrases.length === 0
      ? localized('stage.readOnly')
      : localized('stage.mayNow', {}, { list: { vi: phrases.map((p) => p.vi).join('; '), en: phrases.map((p) => p.en).join('; ') } });
  const moves = stageMovesFor(user, campaign).map(({ to, label, needsReason }) => ({ to, label, needsReason }));
  return { stage: campaign.stage, label: STAGE_LABELS[campaign.stage], mayNow, moves };
}
