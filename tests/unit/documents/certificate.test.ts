import { describe, expect, it } from 'vitest';
import { buildCertificates } from '#shared/documents/certificate';
import {
  CertificateField,
  CertificateLayout,
  DEFAULT_CERTIFICATE_LAYOUT,
  fieldsOutsidePage,
  pageMm,
  placedFields,
} from '#shared/documents/certificate-layout';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { nominateCollective, nominateIndividual, saved, staffOf } from '#tests/support/nomination';

/** Issue 9, document 6: the Giấy khen's fields on the office's blank, as data. */
describe("the certificates' layout", () => {
  const layout = DEFAULT_CERTIFICATE_LAYOUT;

  it('the default is a valid A4 landscape layout with every field on the page', () => {
    expect(CertificateLayout.parse(layout)).toEqual(layout);
    expect(pageMm(layout)).toEqual({ widthMm: 297, heightMm: 210 });
    expect(fieldsOutsidePage(layout)).toEqual([]);
    expect(Object.keys(layout.fields).sort()).toEqual([...CertificateField.options].sort());
  });

  it('A3 and A4, either way: the page as the blank lies in the printer', () => {
    expect(pageMm({ paper: 'A4', orientation: 'portrait' })).toEqual({ widthMm: 210, heightMm: 297 });
    expect(pageMm({ paper: 'A3', orientation: 'landscape' })).toEqual({ widthMm: 420, heightMm: 297 });
    expect(pageMm({ paper: 'A3', orientation: 'portrait' })).toEqual({ widthMm: 297, heightMm: 420 });
  });

  it('moves every field by the offsets, and only its position', () => {
    const moved = placedFields({ ...layout, offsetMm: { dx: 2.5, dy: -3 } });
    for (const [i, placed] of placedFields(layout).entries()) {
      expect(moved[i]).toEqual({ ...placed, xMm: placed.xMm + 2.5, yMm: placed.yMm - 3 });
    }
  });

  it('a box is as tall as its lines at single spacing (1.15 × the size)', () => {
    const name = placedFields(layout).find((placed) => placed.field === 'name')!;
    expect(name.heightMm).toBeCloseTo(26 * 1.15 * (25.4 / 72), 5);
  });

  it('finds the fields an offset or a width pushes off the page, a turn of the paper too', () => {
    expect(fieldsOutsidePage({ ...layout, offsetMm: { dx: -26, dy: 0 } })).toEqual(['decisionNumber']);
    expect(fieldsOutsidePage({ ...layout, offsetMm: { dx: 0, dy: 25 } })).toEqual(['decisionNumber', 'signerName']);
    const wide = { ...layout, fields: { ...layout.fields, name: { ...layout.fields.name, widthMm: 260 } } };
    expect(fieldsOutsidePage(wide)).toEqual(['name']);
    expect(fieldsOutsidePage({ ...layout, orientation: 'portrait' })).toEqual([
      'name',
      'position',
      'achievement',
      'placeAndDate',
      'signerTitle',
      'signerName',
    ]);
    expect(fieldsOutsidePage({ ...layout, paper: 'A3', orientation: 'portrait' })).toEqual([]);
  });

  it('refuses type outside 8–48 pt, offsets beyond 30 mm and fields missing or unknown', () => {
    const withName = (name: object) => ({ ...layout, fields: { ...layout.fields, name: { ...layout.fields.name, ...name } } });
    expect(CertificateLayout.safeParse(withName({ sizePt: 7.5 })).success).toBe(false);
    expect(CertificateLayout.safeParse(withName({ sizePt: 48.5 })).success).toBe(false);
    expect(CertificateLayout.safeParse(withName({ sizePt: 8 })).success).toBe(true);
    expect(CertificateLayout.safeParse(withName({ xMm: -1 })).success).toBe(false);
    expect(CertificateLayout.safeParse({ ...layout, offsetMm: { dx: 31, dy: 0 } }).success).toBe(false);
    const { name: _name, ...withoutName } = layout.fields;
    expect(CertificateLayout.safeParse({ ...layout, fields: withoutName }).success).toBe(false);
    expect(CertificateLayout.safeParse({ ...layout, fields: { ...layout.fields, seal: layout.fields.name } }).success).toBe(false);
  });
});

describe('the certificates of a decision', () => {
  const [first, second] = staffOf('kinh-te');
  const nominations = [
    saved(nominateIndividual(second!, { status: 'selected' })),
    saved(nominateCollective('tong-hop', { status: 'selected' })),
    saved(nominateIndividual(first!, { status: 'selected' })),
    saved(nominateIndividual(staffOf('tong-hop')[0]!, { status: 'not_selected' })),
    saved(nominateIndividual(staffOf('tong-hop')[1]!, { status: 'selected', awardForm: 'BANG_KHEN_CT_UBND' })),
  ];
  const { certificates, lines } = buildCertificates({
    campaign: SEED_CAMPAIGN,
    units: DEMO_UNITS,
    people: DEMO_PEOPLE,
    nominations,
    number: 5,
    date: '2025-10-05',
  });

  it("one per awardee of the office's form, in the attached list's order: the collective first", () => {
    expect(certificates.map((c) => c.name[0])[0]).toBe('Phòng Tổng hợp');
    expect(certificates.slice(1).map((c) => c.name[0])).toEqual(expect.arrayContaining([first!.fullName, second!.fullName]));
    expect(certificates).toHaveLength(3);
    expect(lines.map((line) => line.name)).toEqual(certificates.map((c) => c.name[0]));
  });

  it('a collective has no position line; an individual its position and unit', () => {
    expect(certificates[0]!.position).toEqual([]);
    expect(certificates[1]!.position[0]).toMatch(/, Phòng Kinh tế$/);
  });

  it("carries the achievement, the decision's place, date and number, and its signer", () => {
    const [certificate] = certificates;
    expect(certificate!.achievement).toEqual([`Đã có thành tích xuất sắc trong ${SEED_CAMPAIGN.title}`]);
    expect(certificate!.placeAndDate).toEqual(['Bắc Kạn, ngày 05 tháng 10 năm 2025']);
    expect(certificate!.decisionNumber).toEqual(['Quyết định số 05/QĐ-VP']);
    expect(certificate!.signerTitle).toEqual(['CHÁNH VĂN PHÒNG']);
    expect(certificate!.signerName).toEqual(['Vũ Đức Chính']);
  });
});
