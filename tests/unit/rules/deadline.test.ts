import { describe, expect, it } from 'vitest';
import { checkNomination, type NominationStatus } from '#shared/index';
import { codesOf, ctx, LE_VAN_SON, nominateIndividual } from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 6 — Kế hoạch IV.1: "gửi hồ sơ đề nghị khen thưởng ... về phòng Hành chính tổ chức - Quản trị tài vụ trước ngày 01/10/2025".
describe('rule 6: the deadline', () => {
  // Kế hoạch IV.1: "trước ngày 01/10/2025" — received on 01/10/2025 is late.
  it('IV.1 "trước ngày 01/10/2025": a dossier received on 01/10/2025 is flagged late, with dd/MM/yyyy dates', () => {
    const report = validate(PLAN_CASES.receivedOnFirstOctober);
    expect(codesOf(report.issues)).toEqual(['LATE_SUBMISSION']);
    expect(report.issues[0]).toMatchObject({ severity: 'warning', field: 'receivedDate' });
    expect(report.issues[0]!.message.vi).toBe('Hồ sơ nhận ngày 01/10/2025, sau hạn 30/09/2025');
    expect(report.issues[0]!.message.en).toBe('Dossier received on 01/10/2025, after the deadline of 30/09/2025');
    // Flagged, never dropped: the late nomination is still in the report.
    expect(report.counts.nominations).toBe(1);
  });

  // Kế hoạch IV.1: "trước ngày 01/10/2025" — the last day, 30/09/2025, is on time.
  it('IV.1 "trước ngày 01/10/2025": a dossier received on 30/09/2025 is on time', () => {
    expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { receivedDate: '2025-09-30' }), {})).toEqual([]);
  });

  // Kế hoạch IV.1: "gửi hồ sơ ... về phòng Hành chính tổ chức - Quản trị tài vụ" — once HR handles it, it records the date.
  it('IV.1 "về phòng Hành chính tổ chức - Quản trị tài vụ": an eligible nomination without a received date is a warning', () => {
    const report = validate(PLAN_CASES.eligibleWithoutReceivedDate);
    expect(codesOf(report.issues)).toEqual(['RECEIVED_DATE_MISSING']);
    expect(report.issues[0]).toMatchObject({ severity: 'warning', field: 'receivedDate' });
    expect(report.issues[0]!.message.vi).toBe('Chưa ghi ngày phòng Hành chính tổ chức - Quản trị tài vụ nhận hồ sơ');
  });

  // Kế hoạch IV.1: "gửi hồ sơ" — before HR has it (draft, returned, submitted) there is no received date to ask for.
  it.each<NominationStatus>(['draft', 'returned', 'submitted'])(
    'IV.1 "gửi hồ sơ": no received date is asked of a %s nomination',
    (status) => {
      const nomination = nominateIndividual(LE_VAN_SON, { status, receivedDate: undefined });
      expect(checkNomination(ctx, nomination, {})).toEqual([]);
    },
  );

  // Kế hoạch IV.1: "tổng hợp và trình Hội đồng" — every status after HR's review needs the date.
  it.each<NominationStatus>(['eligible', 'selected', 'not_selected', 'awarded'])(
    'IV.1 "tổng hợp và trình Hội đồng": a %s nomination without a received date is flagged',
    (status) => {
      const nomination = nominateIndividual(LE_VAN_SON, { status, receivedDate: undefined });
      expect(codesOf(checkNomination(ctx, nomination, {}))).toEqual(['RECEIVED_DATE_MISSING']);
    },
  );
});
