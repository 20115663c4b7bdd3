import { z } from 'zod';
import type { Localized } from './localized';

/**
 * A campaign's life: drafted, open to the units' dossiers, closed to them after the deadline, under
 * the council's review, decided (the award decision issued), archived (read-only). Stored with the
 * campaign; a campaign stored before stages existed reads as open (STAGE_OF_LEGACY).
 */
export const CampaignStage = z.enum(['draft', 'open', 'closed', 'under_review', 'decided', 'archived']);
export type CampaignStage = z.infer<typeof CampaignStage>;

export const CAMPAIGN_STAGES = CampaignStage.options;

/** Campaigns stored before the stages existed were all taking dossiers: they read as open. */
export const STAGE_OF_LEGACY: CampaignStage = 'open';

/** Where a campaign made with POST /campaigns starts: the plan is still being written. */
export const STAGE_OF_NEW: CampaignStage = 'draft';

export const STAGE_LABELS: Record<CampaignStage, Localized> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  open: { vi: 'Đang nhận hồ sơ', en: 'Open for submissions' },
  closed: { vi: 'Đã khóa nhận hồ sơ', en: 'Closed to submissions' },
  under_review: { vi: 'Đang xét duyệt', en: 'Under review' },
  decided: { vi: 'Đã quyết định khen thưởng', en: 'Decided' },
  archived: { vi: 'Đã lưu trữ', en: 'Archived' },
};

/** A move of the campaign's stage: forward, or a step back that an office sometimes needs. */
export interface StageMove {
  to: CampaignStage;
  direction: 'forward' | 'back';
  /** A step back undoes what others relied on: it says why, and the audit log keeps it. */
  needsReason: boolean;
  /** What the pane's button says. */
  label: Localized;
}

const forward = (to: CampaignStage, label: Localized): StageMove => ({ to, direction: 'forward', needsReason: false, label });
const back = (to: CampaignStage, label: Localized): StageMove => ({ to, direction: 'back', needsReason: true, label });

/**
 * Every move allowed, from each stage. Back: closed → open reopens the submissions (the deadline
 * extended, the plan's date changed with PUT /campaigns/{id}); under_review → closed takes a dossier
 * back out of the council's hands; decided → under_review corrects a decision (a round annulled,
 * voted again). Archived is final.
 */
export const STAGE_MOVES: Record<CampaignStage, readonly StageMove[]> = {
  draft: [forward('open', { vi: 'Mở nhận hồ sơ', en: 'Open for submissions' })],
  open: [forward('closed', { vi: 'Khóa nhận hồ sơ', en: 'Close submissions' })],
  closed: [
    forward('under_review', { vi: 'Chuyển xét duyệt', en: 'Start the review' }),
    back('open', { vi: 'Mở lại nhận hồ sơ', en: 'Reopen submissions' }),
  ],
  under_review: [
    forward('decided', { vi: 'Đã quyết định khen thưởng', en: 'Mark as decided' }),
    back('closed', { vi: 'Trở lại khóa nhận hồ sơ', en: 'Back to closed' }),
  ],
  decided: [forward('archived', { vi: 'Lưu trữ', en: 'Archive' }), back('under_review', { vi: 'Xét duyệt lại', en: 'Review again' })],
  archived: [],
};

/** The move from `from` to `to`, if there is one. */
export function stageMove(from: CampaignStage, to: CampaignStage): StageMove | undefined {
  return STAGE_MOVES[from].find((move) => move.to === to);
}

/** The forward moves from `from` to `to`, in order (for a set-up that walks a campaign to a stage). */
export function forwardPath(from: CampaignStage, to: CampaignStage): CampaignStage[] {
  const path: CampaignStage[] = [];
  for (let at = from; at !== to;) {
    const next = STAGE_MOVES[at].find((move) => move.direction === 'forward');
    if (!next) return [];
    path.push(next.to);
    at = next.to;
  }
  return path;
}
