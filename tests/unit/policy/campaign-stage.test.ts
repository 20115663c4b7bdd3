import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STAGES, forwardPath, stageMove, STAGE_MOVES, type CampaignStage } from '#shared/campaign-stage';
import { Role } from '#shared/org';
import {
  refuseInStage,
  refuseStageMove,
  stageMovesFor,
  stageRefusalMessage,
  STAGE_ACTIONS,
  type StageAction,
  type StagedCampaign,
} from '#shared/policy/campaign-stage';

const at = (stage: CampaignStage, lateSubmissions: 'flag' | 'refuse' = 'flag'): StagedCampaign => ({
  stage,
  lateSubmissions,
  submissionDeadline: '2025-09-30',
});

/**
 * What each role may do in each stage, as the stage sees it (the role's own policy is asked beside
 * it): '.' allowed, N CAMPAIGN_NOT_OPEN, S SUBMISSIONS_CLOSED, F STAGE_FORBIDS, A CAMPAIGN_ARCHIVED.
 * Columns: draft, open, closed, under_review, decided, archived.
 */
const CODES = { '.': undefined, N: 'CAMPAIGN_NOT_OPEN', S: 'SUBMISSIONS_CLOSED', F: 'STAGE_FORBIDS', A: 'CAMPAIGN_ARCHIVED' } as const;
const TABLE: Record<StageAction, Record<Role, string>> = {
  saveNominations: { admin: 'N....A', hr: 'N....A', secretary: 'N...FA', unit: 'N..SSA', viewer: 'N..FFA' },
  // The scans follow the nominations (the files' own policy keeps the secretary and a viewer reading).
  changeFiles: { admin: 'N....A', hr: 'N....A', secretary: 'N...FA', unit: 'N..SSA', viewer: 'N..FFA' },
  runCouncil: { admin: 'FFF.FA', hr: 'FFF.FA', secretary: 'FFF.FA', unit: 'FFF.FA', viewer: 'FFF.FA' },
  draftDocument: { admin: 'FFF..A', hr: 'FFF..A', secretary: 'FFF..A', unit: 'FFF..A', viewer: 'FFF..A' },
  recordDocument: { admin: 'FFF..A', hr: 'FFF..A', secretary: 'FFF..A', unit: 'FFF..A', viewer: 'FFF..A' },
  issueDecision: { admin: 'FFF..A', hr: 'FFF..A', secretary: 'FFF..A', unit: 'FFF..A', viewer: 'FFF..A' },
  editCampaign: { admin: '.....A', hr: '.....A', secretary: '.....A', unit: '.....A', viewer: '.....A' },
  moveStage: { admin: '.....A', hr: '.....A', secretary: '.....A', unit: '.....A', viewer: '.....A' },
};

describe('what each role may do in each stage (role × stage × action)', () => {
  for (const action of STAGE_ACTIONS)
    for (const role of Role.options)
      it(`${action}, ${role}: ${TABLE[action][role]}`, () => {
        const got = CAMPAIGN_STAGES.map((stage) => refuseInStage({ role }, at(stage), action));
        expect(got).toEqual([...TABLE[action][role]].map((mark) => CODES[mark as keyof typeof CODES]));
      });

  it('a late dossier in a closed campaign follows its setting: flagged (taken) by default, or refused', () => {
    expect(refuseInStage({ role: 'unit' }, at('closed', 'flag'), 'saveNominations')).toBeUndefined();
    expect(refuseInStage({ role: 'unit' }, { stage: 'closed', submissionDeadline: '2025-09-30' }, 'saveNominations')).toBeUndefined();
    expect(refuseInStage({ role: 'unit' }, at('closed', 'refuse'), 'saveNominations')).toBe('SUBMISSIONS_CLOSED');
    // HR still consolidates: the setting is about the units' dossiers.
    expect(refuseInStage({ role: 'hr' }, at('closed', 'refuse'), 'saveNominations')).toBeUndefined();
    // A late dossier's scans come with it, or not at all.
    expect(refuseInStage({ role: 'unit' }, at('closed', 'flag'), 'changeFiles')).toBeUndefined();
    expect(refuseInStage({ role: 'unit' }, at('closed', 'refuse'), 'changeFiles')).toBe('SUBMISSIONS_CLOSED');
  });
});

describe('moving the stage', () => {
  it('is HR’s or an administrator’s; every other role is refused before the move is judged', () => {
    for (const role of Role.options) {
      const expected = role === 'admin' || role === 'hr' ? undefined : 'FORBIDDEN';
      expect(refuseStageMove({ role }, at('draft'), 'open')).toBe(expected);
      expect(stageMovesFor({ role }, at('draft')).map((m) => m.to)).toEqual(expected ? [] : ['open']);
    }
  });

  it('goes forward one stage at a time, back only with a reason, and never out of an archive', () => {
    const hr = { role: 'hr' as const };
    expect(refuseStageMove(hr, at('draft'), 'closed')).toBe('STAGE_MOVE_NOT_ALLOWED');
    expect(refuseStageMove(hr, at('open'), 'draft')).toBe('STAGE_MOVE_NOT_ALLOWED');
    expect(refuseStageMove(hr, at('closed'), 'open')).toBe('STAGE_REASON_MISSING');
    expect(refuseStageMove(hr, at('closed'), 'open', '   ')).toBe('STAGE_REASON_MISSING');
    expect(refuseStageMove(hr, at('closed'), 'open', 'Gia hạn đến 15/10/2025 theo Công văn 12/UBND')).toBeUndefined();
    expect(refuseStageMove(hr, at('archived'), 'decided', 'Nhầm')).toBe('CAMPAIGN_ARCHIVED');
    expect(STAGE_MOVES.archived).toEqual([]);
    for (const from of CAMPAIGN_STAGES) for (const move of STAGE_MOVES[from]) expect(move.needsReason).toBe(move.direction === 'back');
    expect(stageMove('under_review', 'decided')?.direction).toBe('forward');
    expect(forwardPath('draft', 'under_review')).toEqual(['open', 'closed', 'under_review']);
    expect(forwardPath('decided', 'open')).toEqual([]);
  });
});

describe('a refusal says where the campaign stands and whom to ask', () => {
  it('names the deadline as dd/MM/yyyy and the HR office', () => {
    const message = stageRefusalMessage('SUBMISSIONS_CLOSED', at('closed', 'refuse'), 'saveNominations', 'Phòng Hành chính tổ chức');
    expect(message?.vi).toBe(
      'Đợt thi đua đã khóa nhận hồ sơ (hạn nộp 30/09/2025, hiện ở giai đoạn "Đã khóa nhận hồ sơ"); đề nghị liên hệ Phòng Hành chính tổ chức để mở lại',
    );
    expect(message?.en).toContain('deadline 30/09/2025');
    expect(stageRefusalMessage('STAGE_FORBIDS', at('open'), 'runCouncil')?.vi).toContain(
      'Ở giai đoạn "Đang nhận hồ sơ" không được bỏ phiếu của Hội đồng',
    );
    expect(stageRefusalMessage(undefined, at('open'), 'runCouncil')).toBeUndefined();
  });
});
