import { describe, expect, it } from 'vitest';
import { awardedByDecision, buildAwardDecision, identityOf, refuseDecision } from '#shared/documents/decision';
import type { Nomination } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { SEED_OFFICE_IDENTITY } from '#shared/seed/office-identity';
import { nominateCollective, nominateIndividual, staffOf } from '#tests/support/nomination';

const stored = (change: ReturnType<typeof nominateIndividual>, id: string): Nomination => ({
  ...change,
  id,
  campaignId: SEED_CAMPAIGN.id,
  version: 2,
  createdAt: '2025-09-25T00:00:00Z',
  createdBy: 'tochuc@thidua.local',
  updatedAt: '2025-10-03T00:00:00Z',
  updatedBy: 'thuky@thidua.local',
  achievements: change.achievements ?? '',
  criteriaMet: change.criteriaMet ?? [],
  movements: change.movements ?? [],
  dossier: change.dossier ?? {},
  status: change.status ?? 'draft',
});

const [first, second] = staffOf('kinh-te');
const nominations = [
  stored(nominateIndividual(second!, { status: 'selected' }), 'n1'),
  stored(nominateCollective('tong-hop', { status: 'selected' }), 'n2'),
  stored(nominateIndividual(first!, { status: 'selected' }), 'n3'),
  // Not the decision's: not selected, selected for the province's form, deleted.
  stored(nominateIndividual(staffOf('tong-hop')[0]!, { status: 'not_selected' }), 'n4'),
  stored(nominateIndividual(staffOf('tong-hop')[1]!, { status: 'selected', awardForm: 'BANG_KHEN_CT_UBND' }), 'n5'),
  { ...stored(nominateIndividual(staffOf('tong-hop')[2]!, { status: 'selected' }), 'n6'), deletedAt: '2025-10-04T00:00:00Z' },
];
const input = {
  campaign: SEED_CAMPAIGN,
  units: DEMO_UNITS,
  people: DEMO_PEOPLE,
  nominations,
  councilDate: '2025-10-03',
  date: '2025-10-05',
};

describe('the Quyết định awarding the Giấy khen, as content', () => {
  const decision = buildAwardDecision({ ...input, number: 5 });

  it('awards the nominations a confirmed round selected for the office’s own form, and only those', () => {
    expect(awardedByDecision(SEED_CAMPAIGN, nominations).map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(decision.articles[0]!.text).toContain('Tặng Giấy khen của Chánh Văn phòng cho 01 tập thể và 02 cá nhân (có danh sách kèm theo)');
  });

  it('heads with the seed office’s identity, its number and its date', () => {
    expect(decision.heading).toEqual({
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'VĂN PHÒNG',
      numberLine: 'Số: 05/QĐ-VP',
      placeAndDate: 'Bắc Kạn, ngày 05 tháng 10 năm 2025',
    });
    expect(decision.authority).toBe('CHÁNH VĂN PHÒNG UBND TỈNH BẮC KẠN');
    expect(decision.signature).toEqual({ lines: ['CHÁNH VĂN PHÒNG'], name: 'Vũ Đức Chính' });
    expect(decision.recipients.at(-1)).toBe('- Lưu: VT, HCQT.');
  });

  it('cites the law, the campaign’s legal bases and the council’s vote, each line ending ";"', () => {
    expect(decision.bases).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      expect.stringMatching(/^Căn cứ Kế hoạch số 645\/KH-UBND ngày 25\/9\/2024 của UBND tỉnh Bắc Kạn về Phát động Đợt thi đua/),
      'Căn cứ Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
      'Căn cứ kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh ngày 03/10/2025;',
    ]);
    for (const line of decision.bases) expect(line.endsWith(';')).toBe(true);
    expect(decision.articles.map((a) => a.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(decision.articles.at(-1)!.text.endsWith('./.')).toBe(true);
  });

  it('lists collectives, then individuals by given name, with position, unit and achievement', () => {
    const [collectives, individuals] = decision.list.groups;
    expect(collectives).toMatchObject({ heading: 'I. TẬP THỂ', rows: [{ name: 'Phòng Tổng hợp', position: '' }] });
    expect(individuals!.heading).toBe('II. CÁ NHÂN');
    const names = [first!, second!].map((p) => p.fullName).sort((a, b) => a.split(' ').at(-1)!.localeCompare(b.split(' ').at(-1)!, 'vi'));
    expect(individuals!.rows.map((r) => r.name)).toEqual(names);
    expect(individuals!.rows[0]!.position).toContain('Phòng Kinh tế');
    expect(individuals!.rows[0]!.achievement).toContain('Hoàn thành xuất sắc nhiệm vụ được giao');
    expect(decision.list.reference).toBe('(Kèm theo Quyết định số 05/QĐ-VP ngày 05/10/2025 của Chánh Văn phòng UBND tỉnh Bắc Kạn)');
  });

  it('keeps the number’s blank when none is given yet', () => {
    expect(buildAwardDecision(input).heading.numberLine).toMatch(/^Số: +\/QĐ-VP$/);
  });

  it('takes the campaign’s own identity when it has one (an office renamed, a province merged)', () => {
    const office = { ...SEED_OFFICE_IDENTITY, parentBody: 'UBND TỈNH THÁI NGUYÊN', placeName: 'Thái Nguyên', filingUnit: 'TCHC' };
    const renamed = buildAwardDecision({ ...input, campaign: { ...SEED_CAMPAIGN, office } });
    expect(identityOf({})).toBe(SEED_OFFICE_IDENTITY);
    expect(renamed.heading.parentBody).toBe('UBND TỈNH THÁI NGUYÊN');
    expect(renamed.heading.placeAndDate).toBe('Thái Nguyên, ngày 05 tháng 10 năm 2025');
    expect(renamed.recipients.at(-1)).toBe('- Lưu: VT, TCHC.');
  });
});

describe('when the decision may be written', () => {
  it('after a confirmed round that selected someone for the office’s form', () => {
    expect(refuseDecision(0, 0)).toBe('DOCUMENT_NEEDS_CONFIRMED_ROUND');
    expect(refuseDecision(1, 0)).toBe('DOCUMENT_NOTHING_SELECTED');
    expect(refuseDecision(1, 3)).toBeUndefined();
  });
});
