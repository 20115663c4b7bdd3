import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isDraftLike,
  NominationStatus,
  Role,
  roleMaySetStatus,
  STATUS_TRANSITIONS,
  UNIT_STATUSES,
  type NominationStatus as Status,
} from '#shared/index';

const STATUSES = NominationStatus.options;
const ROLES = Role.options;

describe('status transitions', () => {
  // Kế hoạch IV.1: units "gửi hồ sơ đề nghị khen thưởng ... về phòng Hành chính tổ chức - Quản trị tài vụ";
  // IV.2: HR "tổng hợp kết quả, tham mưu Hội đồng Thi đua - Khen thưởng họp bình xét".
  it.each<[Status, Status]>([
    ['draft', 'submitted'], // IV.1 "gửi hồ sơ"
    ['submitted', 'draft'], // the unit takes it back before HR acts
    ['submitted', 'returned'], // IV.2 HR "tổng hợp": sends back what is wrong
    ['submitted', 'eligible'], // IV.2 HR "tham mưu Hội đồng"
    ['returned', 'draft'],
    ['returned', 'submitted'],
    ['eligible', 'returned'],
    ['selected', 'awarded'],
    ['awarded', 'selected'],
  ])('IV.1/IV.2: %s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  // Kế hoạch IV.2: "tham mưu Hội đồng ... họp bình xét theo quy định" — no step of the flow is skipped.
  it.each<[Status, Status]>([
    ['draft', 'eligible'],
    ['draft', 'selected'],
    ['draft', 'awarded'],
    ['draft', 'returned'],
    ['submitted', 'selected'],
    ['submitted', 'awarded'],
    ['returned', 'eligible'],
    ['returned', 'selected'],
    ['eligible', 'awarded'],
    ['eligible', 'draft'],
    ['not_selected', 'awarded'],
    ['awarded', 'draft'],
    ['awarded', 'not_selected'],
    // IV.2 "Hội đồng ... họp bình xét": only a confirmed round decides (ROUND_MOVES), never a save.
    ['eligible', 'selected'],
    ['eligible', 'not_selected'],
    ['selected', 'not_selected'],
    ['selected', 'eligible'],
    ['not_selected', 'selected'],
    ['not_selected', 'eligible'],
  ])('IV.2 "họp bình xét theo quy định": %s → %s is refused', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it.each(STATUSES)('staying in %s is always allowed', (status) => {
    expect(canTransition(status, status)).toBe(true);
  });

  it('the transition table names every status, and only statuses', () => {
    expect(Object.keys(STATUS_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
    for (const targets of Object.values(STATUS_TRANSITIONS)) {
      for (const target of targets) expect(STATUSES).toContain(target);
    }
  });

  it('awarded is reached only from selected', () => {
    const into = STATUSES.filter((from) => from !== 'awarded' && canTransition(from, 'awarded'));
    expect(into).toEqual(['selected']);
  });
});

describe('who may set each status', () => {
  // Kế hoạch IV.2: "Giao Phòng Hành chính tổ chức - Quản trị tài vụ tổng hợp kết quả" — HR alone finds a nomination eligible.
  // An administrator too, but only to override findings with a reason (refuseByFindings).
  it('IV.2 "Giao Phòng Hành chính tổ chức - Quản trị tài vụ tổng hợp kết quả": hr (and admin) may set eligible', () => {
    expect(ROLES.filter((role) => roleMaySetStatus(role, 'eligible'))).toEqual(['admin', 'hr']);
  });

  // Kế hoạch IV.1: "Các Phòng, ban, đơn vị ... gửi hồ sơ đề nghị khen thưởng" — a unit drafts and submits, nothing more.
  it('IV.1 "gửi hồ sơ đề nghị khen thưởng": a unit may only set draft and submitted', () => {
    expect(STATUSES.filter((status) => roleMaySetStatus('unit', status))).toEqual(['draft', 'submitted']);
    // It sees "returned" (HR sent it back) but may not set it.
    expect(UNIT_STATUSES).toEqual(['draft', 'submitted', 'returned']);
    expect(roleMaySetStatus('unit', 'returned')).toBe(false);
  });

  // Kế hoạch IV.2: "tham mưu Hội đồng Thi đua - Khen thưởng họp bình xét" — the secretary records the council's choice.
  // The secretary records the council's choice by confirming the round, never by saving a row.
  it('IV.2 "Hội đồng ... họp bình xét": nobody saves selected or not_selected, the secretary saves no status', () => {
    expect(ROLES.filter((role) => roleMaySetStatus(role, 'selected') || roleMaySetStatus(role, 'not_selected'))).toEqual([]);
    expect(STATUSES.filter((status) => roleMaySetStatus('secretary', status))).toEqual([]);
  });

  it('a viewer sets nothing; hr and admin set every status a save may set', () => {
    expect(STATUSES.filter((status) => roleMaySetStatus('viewer', status))).toEqual([]);
    for (const role of ['hr', 'admin'] as const)
      expect(STATUSES.filter((status) => roleMaySetStatus(role, status))).toEqual(
        STATUSES.filter((s) => s !== 'selected' && s !== 'not_selected'),
      );
  });

  // Kế hoạch III.2.c: what the unit is still preparing (draft, or returned to it) has warnings, not errors.
  it('III.2.c: draft and returned are draft-like; the rest are not', () => {
    expect(STATUSES.filter(isDraftLike)).toEqual(['draft', 'returned']);
  });
});
