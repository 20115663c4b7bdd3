import { describe, expect, it } from 'vitest';
import { checkNomination, missingDossier } from '#shared/index';
import { campaignVariant, completeDossier, contextWith, ctx, LE_VAN_SON, nominateIndividual } from '#tests/unit/fixtures';

// Issue 11: "A document counts as present when a file is attached and its number and date are given",
// when the campaign asks for files (dossierFilesRequired); by default "Có" in the sheet is enough.
const withFiles = contextWith({ campaign: campaignVariant((draft) => void (draft.dossierFilesRequired = true)) });
const allFiles = { TO_TRINH: 1, BIEN_BAN_HOP_XET: 2, BAO_CAO_THANH_TICH: 1 };

describe('rule 5 with dossier files', () => {
  it('by default (the seed campaign) files are not counted: "Có" with number and date is complete', () => {
    expect(ctx.campaign.dossierFilesRequired).toBe(false);
    const nomination = nominateIndividual(LE_VAN_SON, { dossier: completeDossier(), status: 'submitted' });
    expect(checkNomination(ctx, nomination, {}).filter((issue) => issue.code.startsWith('DOSSIER'))).toEqual([]);
    expect(missingDossier(ctx.campaign, nomination)).toEqual([]);
  });

  it('asked for files, a document without one is missing: a warning in draft, an error once submitted', () => {
    for (const [status, severity] of [
      ['draft', 'warning'],
      ['submitted', 'error'],
    ] as const) {
      const nomination = { ...nominateIndividual(LE_VAN_SON, { dossier: completeDossier(), status }), files: { TO_TRINH: 1 } };
      const issues = checkNomination(withFiles, nomination, {}).filter((issue) => issue.code.startsWith('DOSSIER'));
      expect(issues.map((issue) => [issue.code, issue.severity, issue.field])).toEqual([
        ['DOSSIER_FILE_MISSING', severity, 'dossier.BIEN_BAN_HOP_XET'],
        ['DOSSIER_FILE_MISSING', severity, 'dossier.BAO_CAO_THANH_TICH'],
      ]);
      expect(issues[0]!.message.vi).toBe(
        'Biên bản cuộc họp xét khen thưởng: chưa đính kèm tệp bản quét (mục "Hồ sơ đính kèm" trên khung bên phải)',
      );
    }
  });

  it('asked for files, a file without its number or date is not enough (an error once submitted)', () => {
    const dossier = { ...completeDossier(), TO_TRINH: { present: true, date: '2025-09-15' } };
    const nomination = { ...nominateIndividual(LE_VAN_SON, { dossier, status: 'submitted' }), files: allFiles };
    const issues = checkNomination(withFiles, nomination, {}).filter((issue) => issue.code.startsWith('DOSSIER'));
    expect(issues.map((issue) => [issue.code, issue.severity, issue.field])).toEqual([
      ['DOSSIER_DOCUMENT_DETAILS_MISSING', 'error', 'dossier.TO_TRINH'],
    ]);
    expect(missingDossier(withFiles.campaign, nomination).map((requirement) => requirement.code)).toEqual(['TO_TRINH']);
  });

  it('asked for files, a file with number and date is present, "Có" or not', () => {
    const dossier = Object.fromEntries(
      Object.entries(completeDossier()).map(([code, document]) => [code, { ...document, present: false }]),
    );
    const nomination = { ...nominateIndividual(LE_VAN_SON, { dossier, status: 'submitted' }), files: allFiles };
    expect(checkNomination(withFiles, nomination, {}).filter((issue) => issue.code.startsWith('DOSSIER'))).toEqual([]);
    expect(missingDossier(withFiles.campaign, nomination)).toEqual([]);
  });
});
