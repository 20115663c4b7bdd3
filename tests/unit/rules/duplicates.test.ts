import { describe, expect, it } from 'vitest';
import { countNominees, validateCampaign } from '#shared/index';
import {
  codesOf,
  ctx,
  HOANG_THI_PHUONG,
  LE_VAN_SON,
  nominateCollective,
  nominateIndividual,
  PHONG_TONG_HOP,
  saved,
} from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 8: "One achievement, one award". The plan has no line for it: it is the Law on
// Emulation and Commendation (Luật Thi đua, khen thưởng), which the plan applies ("theo quy định", IV.2).
describe('rule 8: one achievement, one award', () => {
  it('rule 8: the same person proposed for the Giấy khen and the Bằng khen is an error on both', () => {
    const planCase = PLAN_CASES.sameNomineeForBothForms;
    const report = validate(planCase);
    expect(report.issues.map((issue) => [issue.nominationId, issue.code, issue.severity, issue.field])).toEqual([
      [planCase.nominations[0]!.id, 'DUPLICATE_NOMINEE', 'error', 'nomineeId'],
      [planCase.nominations[1]!.id, 'DUPLICATE_NOMINEE', 'error', 'nomineeId'],
    ]);
    expect(report.issues[0]!.message.vi).toBe('Hoàng Thị Phương được đề nghị 2 lần trong Đợt thi đua (một thành tích chỉ khen một lần)');
  });

  it('rule 8: a deleted nomination does not count (nor is it validated)', () => {
    const first = saved(nominateIndividual(HOANG_THI_PHUONG));
    const deleted = saved(nominateIndividual(HOANG_THI_PHUONG, { awardForm: 'BANG_KHEN_CT_UBND' }), {
      deletedAt: '2025-09-21T03:00:00.000Z',
      deletedBy: 'tong-hop@thidua.local',
    });
    const report = validateCampaign(ctx, [first, deleted]);
    expect(report.issues).toEqual([]);
    expect(report.counts.nominations).toBe(1);
  });

  it('rule 8: the same unit proposed twice as a collective is flagged with its count', () => {
    const report = validateCampaign(ctx, [
      saved(nominateCollective(PHONG_TONG_HOP)),
      saved(nominateCollective(PHONG_TONG_HOP, { status: 'draft' })),
      saved(nominateCollective(PHONG_TONG_HOP, { awardForm: 'BANG_KHEN_CT_UBND' })),
    ]);
    const duplicates = report.issues.filter((issue) => issue.code === 'DUPLICATE_NOMINEE');
    expect(duplicates).toHaveLength(3);
    expect(duplicates[0]!.message.vi).toBe('Phòng Tổng hợp được đề nghị 3 lần trong Đợt thi đua (một thành tích chỉ khen một lần)');
  });

  it('rule 8: different people of one unit are not duplicates', () => {
    const report = validateCampaign(ctx, [saved(nominateIndividual(LE_VAN_SON)), saved(nominateIndividual(HOANG_THI_PHUONG))]);
    expect(codesOf(report.issues)).not.toContain('DUPLICATE_NOMINEE');
    expect(
      countNominees([
        { nomineeKind: 'individual', nomineeId: LE_VAN_SON.id },
        { nomineeKind: 'individual', nomineeId: LE_VAN_SON.id },
        { nomineeKind: 'collective', nomineeId: PHONG_TONG_HOP.id },
      ]),
    ).toEqual(
      new Map([
        [`individual#${LE_VAN_SON.id}`, 2],
        [`collective#${PHONG_TONG_HOP.id}`, 1],
      ]),
    );
  });
});

// Issue 8, item 7: a name typed in decomposed Unicode (input methods, text copied from PDFs), in capitals
// or with doubled spaces is the same person for rule 8.
describe('rule 8: a name is one person whatever its Unicode form', () => {
  const typed = 'Nguyễn Thị Hoà';
  it('counts an unregistered name typed NFC, NFD, in capitals and with extra spaces as one nominee', () => {
    const forms = [typed, typed.normalize('NFD'), '  NGUYỄN  THỊ HOÀ ', typed.normalize('NFD').toUpperCase()];
    expect(new Set(forms).size).toBe(4);
    expect(countNominees(forms.map((nomineeId) => ({ nomineeKind: 'individual' as const, nomineeId })))).toEqual(
      new Map([['individual#nguyễn thị hoà', 4]]),
    );
  });

  it('flags the NFC and the NFD spelling of one name as a duplicate on both rows', () => {
    const report = validateCampaign(ctx, [
      saved(nominateIndividual(LE_VAN_SON, { nomineeId: typed })),
      saved(nominateIndividual(LE_VAN_SON, { nomineeId: typed.normalize('NFD'), awardForm: 'BANG_KHEN_CT_UBND' })),
    ]);
    expect(report.issues.filter((issue) => issue.code === 'DUPLICATE_NOMINEE')).toHaveLength(2);
  });

  it('keeps different people apart', () => {
    expect(
      countNominees([
        { nomineeKind: 'individual', nomineeId: 'Nguyễn Thị Hoà' },
        { nomineeKind: 'individual', nomineeId: 'Nguyễn Thị Hoa' },
        { nomineeKind: 'collective', nomineeId: 'nguyễn thị hoà' },
      ]).size,
    ).toBe(3);
  });
});
