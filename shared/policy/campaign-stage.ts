import type { Campaign } from '#shared/campaign';
import { STAGE_LABELS, STAGE_MOVES, stageMove, type CampaignStage } from '#shared/campaign-stage';
import { formatDateVi } from '#shared/dates';
import type { Localized } from '#shared/localized';
import type { Role, User } from '#shared/org';
import { unlessRole, type Refusal } from './roles';

/**
 * What a campaign's stage allows, beside what a role allows (the other policies): the handlers ask
 * both. `saveNominations` covers saves, deletes and restores; `changeFiles` a dossier's scans uploaded,
 * deleted or restored (issue 11), open when the nominations are: the scans are the dossier; `runCouncil` every step of a round;
 * `draftDocument` a draft that records nothing, `recordDocument` one numbered in the register.
 */
export type StageAction =
  'saveNominations' | 'changeFiles' | 'runCouncil' | 'draftDocument' | 'recordDocument' | 'issueDecision' | 'editCampaign' | 'moveStage';

export const STAGE_ACTIONS: readonly StageAction[] = [
  'saveNominations',
  'changeFiles',
  'runCouncil',
  'draftDocument',
  'recordDocument',
  'issueDecision',
  'editCampaign',
  'moveStage',
];

/** What the stage policy reads of a campaign. */
export type StagedCampaign = Pick<Campaign, 'submissionDeadline'> & {
  stage: CampaignStage;
  lateSubmissions?: Campaign['lateSubmissions'];
};

/** The campaign's life is the office's to run: HR, or an administrator. */
const STAGE_MOVERS: readonly Role[] = ['admin', 'hr'];

/** Who still writes nominations once the units are closed out: the office, consolidating. */
const CONSOLIDATORS: readonly Role[] = ['admin', 'hr', 'secretary'];

/** The stages in which each action is open to everyone its role allows (nominations are decided below). */
const STAGES_OF: Record<Exclude<StageAction, 'saveNominations' | 'changeFiles'>, readonly CampaignStage[]> = {
  runCouncil: ['under_review'],
  draftDocument: ['under_review', 'decided', 'archived'],
  recordDocument: ['under_review', 'decided'],
  issueDecision: ['under_review', 'decided'],
  editCampaign: ['draft', 'open', 'closed', 'under_review', 'decided'],
  moveStage: ['draft', 'open', 'closed', 'under_review', 'decided'],
};

/**
 * Nominations: everyone (as the role allows) while open; a unit's late dossier while closed as the
 * campaign says ('flag': taken, flagged late by rule 2's LATE_SUBMISSION as before the stages;
 * 'refuse': refused); the office alone while the council reviews, and HR recording the province's
 * awards once decided; nobody in a draft or an archive.
 */
function refuseNominationsIn(role: Role, campaign: StagedCampaign): Refusal {
  switch (campaign.stage) {
    case 'draft':
      return 'CAMPAIGN_NOT_OPEN';
    case 'open':
      return undefined;
    case 'closed':
      return role === 'unit' && campaign.lateSubmissions === 'refuse' ? 'SUBMISSIONS_CLOSED' : undefined;
    case 'under_review':
      return role === 'unit' ? 'SUBMISSIONS_CLOSED' : unlessRole({ role }, CONSOLIDATORS, 'STAGE_FORBIDS');
    case 'decided':
      return role === 'unit' ? 'SUBMISSIONS_CLOSED' : unlessRole({ role }, ['admin', 'hr'], 'STAGE_FORBIDS');
    case 'archived':
      return 'CAMPAIGN_ARCHIVED';
  }
}

/** Why the campaign's stage keeps this user from this action (undefined: the stage allows it). */
export function refuseInStage(user: Pick<User, 'role'>, campaign: StagedCampaign, action: StageAction): Refusal {
  // A late dossier taken while closed comes with its scans; once the council reviews, only the office
  // changes them (HR attaching the province's signed papers after the decision).
  if (action === 'saveNominations' || action === 'changeFiles') return refuseNominationsIn(user.role, campaign);
  if (campaign.stage === 'archived') return 'CAMPAIGN_ARCHIVED';
  return STAGES_OF[action].includes(campaign.stage) ? undefined : 'STAGE_FORBIDS';
}

/** Moving a campaign's stage at all: asked before the request's body is read. */
export function refuseStageMover(user: Pick<User, 'role'>): Refusal {
  return unlessRole(user, STAGE_MOVERS);
}

/** Why this user may not move the campaign to `to` (undefined: they may). A step back needs a reason. */
export function refuseStageMove(user: Pick<User, 'role'>, campaign: StagedCampaign, to: CampaignStage, reason?: string): Refusal {
  const byRole = refuseStageMover(user);
  if (byRole) return byRole;
  if (campaign.stage === 'archived') return 'CAMPAIGN_ARCHIVED';
  const move = stageMove(campaign.stage, to);
  if (!move) return 'STAGE_MOVE_NOT_ALLOWED';
  return move.needsReason && !reason?.trim() ? 'STAGE_REASON_MISSING' : undefined;
}

/** The moves this user is offered from the campaign's stage (none for a role that does not move it). */
export function stageMovesFor(user: Pick<User, 'role'> | undefined, campaign: StagedCampaign) {
  if (!user || refuseStageMover(user)) return [];
  return STAGE_MOVES[campaign.stage];
}

/** Who to ask when the stage is in the way; the HR office's own name when the caller knows it. */
const ASK_HR: Localized = { vi: 'bộ phận thi đua – khen thưởng (Phòng Tổ chức)', en: 'the HR office' };

/** What each action is, in a refusal's sentence. */
const ACTION_WORDS: Record<StageAction, Localized> = {
  saveNominations: { vi: 'lưu, xóa hồ sơ đề nghị', en: 'saving or deleting nominations' },
  changeFiles: { vi: 'tải lên, xóa tệp hồ sơ đính kèm', en: "uploading or deleting the dossier's files" },
  runCouncil: { vi: 'bỏ phiếu của Hội đồng', en: "the council's voting" },
  draftDocument: { vi: 'lập văn bản', en: 'drafting documents' },
  recordDocument: { vi: 'lập và vào sổ văn bản', en: 'recording documents' },
  issueDecision: { vi: 'ban hành quyết định', en: 'issuing the decision' },
  editCampaign: { vi: 'sửa kế hoạch', en: "changing the campaign's plan" },
  moveStage: { vi: 'chuyển giai đoạn', en: 'moving the stage' },
};

/**
 * A stage refusal as the user reads it: where the campaign stands, what it keeps from them and whom
 * to ask. `hrOffice` is the HR office's name (the registry's), when the caller has it.
 */
export function stageRefusalMessage(
  code: Refusal,
  campaign: StagedCampaign,
  action: StageAction,
  hrOffice?: string,
): Localized | undefined {
  const ask = hrOffice ? { vi: hrOffice, en: `${hrOffice} (the HR office)` } : ASK_HR;
  const label = STAGE_LABELS[campaign.stage];
  const deadline = formatDateVi(campaign.submissionDeadline);
  const what = ACTION_WORDS[action];
  switch (code) {
    case 'CAMPAIGN_NOT_OPEN':
      return {
        vi: `Đợt thi đua đang ở giai đoạn "${label.vi}", chưa mở nhận hồ sơ; đề nghị liên hệ ${ask.vi} để mở nhận hồ sơ`,
        en: `The campaign is still a draft and takes no nominations yet; ask ${ask.en} to open it`,
      };
    case 'SUBMISSIONS_CLOSED':
      return {
        vi: `Đợt thi đua đã khóa nhận hồ sơ (hạn nộp ${deadline}, hiện ở giai đoạn "${label.vi}"); đề nghị liên hệ ${ask.vi} để mở lại`,
        en: `The campaign stopped taking nominations (deadline ${deadline}, now "${label.en}"); ask ${ask.en} to reopen it`,
      };
    case 'CAMPAIGN_ARCHIVED':
      return {
        vi: 'Đợt thi đua đã lưu trữ: chỉ được xem, không thay đổi được',
        en: 'The campaign is archived: it can be read, not changed',
      };
    case 'STAGE_FORBIDS':
      return {
        vi: `Ở giai đoạn "${label.vi}" không được ${what.vi}; đề nghị liên hệ ${ask.vi} để chuyển giai đoạn phù hợp`,
        en: `The "${label.en}" stage does not allow ${what.en}; ask ${ask.en} to move the campaign to the right stage`,
      };
    default:
      return undefined;
  }
}

/** A refused move as the user reads it, naming both stages (undefined: the code's own message). */
export function stageMoveRefusalMessage(code: Refusal, from: CampaignStage, to: CampaignStage): Localized | undefined {
  if (code !== 'STAGE_MOVE_NOT_ALLOWED') return undefined;
  const [was, into] = [STAGE_LABELS[from], STAGE_LABELS[to]];
  return {
    vi: `Không chuyển được Đợt thi đua từ giai đoạn "${was.vi}" sang "${into.vi}"`,
    en: `The campaign cannot move from "${was.en}" to "${into.en}"`,
  };
}
