import { describe, expect, it } from 'vitest';
import { checkNomination, missingDossier } from '#shared/index';
import { checkChosenFile, MAX_FILE_BYTES } from '#shared/dossier-files';
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

describe('a file chosen in the pane, judged before it is sent (checkChosenFile)', () => {
  const head = (kind: 'pdf' | 'jpeg' | 'png' | 'text') =>
    ({
      pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
      jpeg: [0xff, 0xd8, 0xff, 0xe0],
      png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      text: [0x54, 0x1bb],
    })[kind];
  const check = (name: string, kind: 'pdf' | 'jpeg' | 'png' | 'text', size = 1000) =>
    checkChosenFile({ name, size }, new Uint8Array(head(kind)));

  it('takes the type from the content, and the name must say it', () => {
    expect(check('To trinh.PDF', 'pdf')).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(check('anh.jpeg', 'jpeg')).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(check('anh.jpg', 'jpeg')).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(check('scan.png', 'png')).toEqual({ ok: true, contentType: 'image/png' });
    expect(check('bien-ban.pdf', 'jpeg')).toEqual({ ok: false, problem: 'extensionMismatch', found: 'image/jpeg' });
    expect(check('bien-ban', 'pdf')).toEqual({ ok: false, problem: 'extensionMismatch', found: 'application/pdf' });
    expect(check('ghi-chu.pdf', 'text')).toEqual({ ok: false, problem: 'notAccepted' });
  });

  it('refuses an empty file and one over 20 MB before reading its content', () => {
    expect(check('a.pdf', 'pdf', 0)).toEqual({ ok: false, problem: 'empty' });
    expect(check('a.pdf', 'pdf', MAX_FILE_BYTES)).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(check('a.pdf', 'pdf', MAX_FILE_BYTES + 1)).toEqual({ ok: false, problem: 'tooLarge' });
  });
});
