import { describe, expect, it } from 'vitest';
import { checkNomination } from '#shared/index';
import { codesOf, completeDossier, ctx, LE_VAN_SON, nominateIndividual } from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 1 — Kế hoạch II.2 "Thời gian phát động": "Từ ngày 01/10/2024 đến hết ngày 30/9/2025".
describe('rule 1: the period of the campaign', () => {
  // Kế hoạch II.2: "Từ ngày 01/10/2024" — a document of the campaign cannot predate its launch.
  it('II.2 "Từ ngày 01/10/2024": a minutes dated 30/09/2024 is flagged as outside the period (warning)', () => {
    const report = validate(PLAN_CASES.documentBeforeLaunch);
    expect(report.issues).toHaveLength(1);
    const [issue] = report.issues;
    expect(issue).toMatchObject({
      code: 'DATE_OUTSIDE_PERIOD',
      severity: 'warning',
      field: 'dossier.BIEN_BAN_HOP_XET',
      nominationId: PLAN_CASES.documentBeforeLaunch.nominations[0]!.id,
    });
    expect(issue!.message.vi).toBe(
      'Biên bản cuộc họp xét khen thưởng ngày 30/09/2024 nằm ngoài thời gian Đợt thi đua (01/10/2024 – 30/09/2025)',
    );
    expect(issue!.message.en).toBe(
      'Minutes of the review meeting dated 30/09/2024 is outside the campaign period (01/10/2024 – 30/09/2025)',
    );
  });

  // Kế hoạch II.2: "Từ ngày 01/10/2024" — the first day belongs to the period.
  it('II.2 "Từ ngày 01/10/2024": documents dated 01/10/2024 are inside the period', () => {
    const dossier = completeDossier();
    for (const document of Object.values(dossier)) document.date = '2024-10-01';
    expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { dossier }), { nominationId: 'N1' })).toEqual([]);
  });

  // Kế hoạch II.2: "Từ ngày 01/10/2024" — a dossier cannot reach HR before the campaign starts.
  it('II.2 "Từ ngày 01/10/2024": a dossier received on 30/09/2024 is flagged on receivedDate', () => {
    const issues = checkNomination(ctx, nominateIndividual(LE_VAN_SON, { receivedDate: '2024-09-30' }), { nominationId: 'N1' });
    expect(codesOf(issues)).toEqual(['DATE_OUTSIDE_PERIOD']);
    expect(issues[0]).toMatchObject({ severity: 'warning', field: 'receivedDate' });
    expect(issues[0]!.message.vi).toBe('Hồ sơ nhận ngày 30/09/2024 nằm ngoài thời gian Đợt thi đua (01/10/2024 – 30/09/2025)');
  });

  // Kế hoạch II.2: "đến hết ngày 30/9/2025" — the last day belongs to the period.
  it('II.2 "đến hết ngày 30/9/2025": a dossier dated and received on 30/09/2025 raises nothing', () => {
    const dossier = completeDossier();
    for (const document of Object.values(dossier)) document.date = '2025-09-30';
    const nomination = nominateIndividual(LE_VAN_SON, { dossier, receivedDate: '2025-09-30' });
    expect(checkNomination(ctx, nomination, { nominationId: 'N1' })).toEqual([]);
  });
});
