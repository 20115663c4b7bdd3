import { describe, expect, it } from 'vitest';
import { refuseDecision } from '#shared/documents/decision';
import {
  buildCouncilProposal,
  councilProposalLines,
  dossierState,
  proposalsOf,
  proposedToCouncil,
  refuseCouncilProposal,
  romanOf,
  summaryOf,
} from '#shared/documents/proposal';
import { buildProvinceProposal, proposedToProvince } from '#shared/documents/proposal-province';
import type { Nomination, NominationChange } from '#shared/nomination';
import type { Person } from '#shared/org';
import { missingDossier } from '#shared/rules/nomination-rules';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { SEED_OFFICE_IDENTITY } from '#shared/seed/office-identity';
import { dossierWithout, nominateCollective, nominateIndividual, staffOf } from '#tests/support/nomination';

const stored = (change: NominationChange, id: string): Nomination => ({
  ...change,
  id,
  campaignId: SEED_CAMPAIGN.id,
  version: 2,
  createdAt: '2025-09-25T00:00:00Z',
  createdBy: 'tochuc@thidua.local',
  updatedAt: '2025-10-03T00:00:00Z',
  updatedBy: 'tochuc@thidua.local',
  achievements: change.achievements ?? '',
  criteriaMet: change.criteriaMet ?? [],
  movements: change.movements ?? [],
  dossier: change.dossier ?? {},
  status: change.status ?? 'draft',
});

const BANG_KHEN = 'BANG_KHEN_CT_UBND';
const [kt1, kt2, kt3] = staffOf('kinh-te');
const [th1, th2] = staffOf('tong-hop');
/** A person the registry spells decomposed (NFD), as text copied from a PDF may be. */
const decomposed: Person = { ...th2!, id: 'cb-nfd', fullName: 'Lường Thị Ngọc Ánh'.normalize('NFD') };
const people = [...DEMO_PEOPLE, decomposed];

const nominations = [
  stored(nominateIndividual(kt2!, { status: 'eligible' }), 'n1'),
  stored(nominateCollective('tong-hop', { status: 'selected', awardForm: BANG_KHEN }), 'n2'),
  stored(nominateIndividual(kt1!, { status: 'not_selected', dossier: dossierWithout('BIEN_BAN_HOP_XET', 'TO_TRINH') }), 'n3'),
  stored(nominateIndividual(th1!, { status: 'selected', awardForm: BANG_KHEN }), 'n4'),
  stored(nominateIndividual(decomposed, { status: 'awarded', awardForm: BANG_KHEN }), 'n5'),
  // Not before the council: still the unit's, returned, deleted.
  stored(nominateIndividual(kt3!, { status: 'submitted' }), 'n6'),
  stored(nominateIndividual(staffOf('khoa-giao-van-xa')[0]!, { status: 'returned' }), 'n7'),
  { ...stored(nominateIndividual(staffOf('khoa-giao-van-xa')[1]!, { status: 'eligible' }), 'n8'), deletedAt: '2025-10-01T00:00:00Z' },
];
const input = { campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people, nominations, date: '2025-10-02' };

describe('the Tờ trình of the HR office to the council, as content', () => {
  const proposal = buildCouncilProposal({ ...input, number: 3 });
  const [bangKhen, giayKhen] = proposal.list.sections;

  it('proposes what HR found eligible, whatever the council decided since; never a draft, a returned or a deleted one', () => {
    expect(
      proposedToCouncil(nominations)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(refuseCouncilProposal(0)).toBe('DOCUMENT_NOTHING_ELIGIBLE');
    expect(refuseCouncilProposal(1)).toBeUndefined();
  });

  it('heads as the office, numbered in the Tờ trình register: "Số: 03/TTr-VP", the place and the date', () => {
    expect(proposal.heading).toEqual({
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'VĂN PHÒNG',
      numberLine: 'Số: 03/TTr-VP',
      placeAndDate: 'Bắc Kạn, ngày 02 tháng 10 năm 2025',
    });
    expect(buildCouncilProposal(input).heading.numberLine).toMatch(/^Số: +\/TTr-VP$/);
    expect(proposal.title).toBe('TỜ TRÌNH');
    expect(proposal.subject).toBe(
      `Về việc đề nghị xét tặng Bằng khen của Chủ tịch UBND tỉnh và Giấy khen của Chánh Văn phòng trong ${SEED_CAMPAIGN.title}`,
    );
    expect(proposal.addressees).toEqual(['Kính gửi: Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh']);
  });

  it('cites the campaign’s legal bases, each line ending ";"', () => {
    expect(proposal.bases).toHaveLength(SEED_CAMPAIGN.legalBasis.length);
    expect(proposal.bases[0]).toMatch(/^Căn cứ Kế hoạch số 645\/KH-UBND ngày 25\/9\/2024 của UBND tỉnh Bắc Kạn về /);
    for (const line of proposal.bases) expect(line.endsWith(';')).toBe(true);
  });

  it('counts per award form, and the dossiers complete and incomplete', () => {
    expect(proposal.body[0]).toContain('đối với 01 tập thể và 04 cá nhân, cụ thể như sau:');
    expect(proposal.body.slice(1, 3)).toEqual([
      '- Bằng khen của Chủ tịch UBND tỉnh: 01 tập thể và 02 cá nhân;',
      '- Giấy khen của Chánh Văn phòng: 02 cá nhân.',
    ]);
    expect(proposal.body[3]).toBe(
      'Trong đó, 04 hồ sơ đầy đủ thành phần theo quy định, 01 hồ sơ còn thiếu thành phần (nêu tại cột “Hồ sơ” của danh sách kèm theo).',
    );
    expect(proposal.closing).toBe('Kính trình Hội đồng xem xét, quyết định./.');
  });

  it('lists each award form in the campaign’s order, collectives first, individuals by unit then given name', () => {
    expect(proposal.list.sections.map((s) => s.heading)).toEqual([
      'I. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH',
      'II. GIẤY KHEN CỦA CHÁNH VĂN PHÒNG',
    ]);
    expect(bangKhen!.groups.map((g) => g.heading)).toEqual(['1. Tập thể', '2. Cá nhân']);
    expect(bangKhen!.groups[0]!.rows).toMatchObject([{ name: 'Phòng Tổng hợp', position: '' }]);
    expect(giayKhen!.groups.map((g) => g.heading)).toEqual(['1. Cá nhân']);
    const names = [kt1!, kt2!].map((p) => p.fullName).sort((a, b) => a.split(' ').at(-1)!.localeCompare(b.split(' ').at(-1)!, 'vi'));
    expect(giayKhen!.groups[0]!.rows.map((r) => r.name)).toEqual(names);
    expect(giayKhen!.groups[0]!.rows[0]!.position).toMatch(/, Phòng Kinh tế$/);
    expect(proposal.list.reference).toBe(
      '(Kèm theo Tờ trình số 03/TTr-VP ngày 02/10/2025 của Trưởng phòng Hành chính tổ chức - Quản trị tài vụ)',
    );
  });

  it('says whether each dossier is complete by rule 5’s own test, naming what is missing', () => {
    const rows = giayKhen!.groups[0]!.rows;
    const incomplete = rows.find((r) => r.name === kt1!.fullName)!;
    expect(incomplete.dossier).toBe('Thiếu: Tờ trình, Biên bản họp xét');
    expect(rows.find((r) => r.name === kt2!.fullName)!.dossier).toBe('Đầy đủ');
    // The same verdict as the rule's.
    for (const n of nominations) expect(dossierState(SEED_CAMPAIGN, n) === 'Đầy đủ').toBe(missingDossier(SEED_CAMPAIGN, n).length === 0);
    // A document listed but not marked present is missing, as the rule has it.
    const unmarked = { dossier: { ...dossierWithout(), TO_TRINH: { present: false, number: '1/TTr' } } };
    expect(dossierState(SEED_CAMPAIGN, unmarked)).toBe('Thiếu: Tờ trình');
  });

  it('gives the register one line per nomination, keyed by it, its dossier’s state in its fingerprint', () => {
    const lines = councilProposalLines(proposal);
    expect(lines.map((line) => line.key).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(lines.find((line) => line.key === 'n3')!.text).toContain('Thiếu: Tờ trình, Biên bản họp xét');
  });

  it('writes names in NFC, whatever form the registry holds them in', () => {
    const names = bangKhen!.groups[1]!.rows.map((r) => r.name);
    expect(names).toContain('Lường Thị Ngọc Ánh'.normalize('NFC'));
    for (const name of names) expect(name).toBe(name.normalize('NFC'));
  });

  it('summarises long achievements at a word, on one line', () => {
    expect(summaryOf('  Hoàn thành\n xuất sắc  ')).toBe('Hoàn thành xuất sắc');
    const long = `${'Chủ động tham mưu số hóa hồ sơ công việc. '.repeat(20)}`;
    const summary = summaryOf(long, 100);
    expect(summary.length).toBeLessThanOrEqual(100);
    expect(summary.endsWith('…')).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(summaryOf('Ánh'.normalize('NFD'))).toBe('Ánh'.normalize('NFC'));
    expect([1, 2, 4, 9, 14, 20].map(romanOf)).toEqual(['I', 'II', 'IV', 'IX', 'XIV', 'XX']);
  });

  it('is signed by the head of the HR office and filed "Lưu: VT, HCQT."', () => {
    expect(proposal.signature).toEqual({ lines: ['TRƯỞNG PHÒNG'], name: 'Nguyễn Văn Hùng' });
    expect(proposal.recipients).toEqual(['- Như trên;', '- LĐVP;', '- Lưu: VT, HCQT.']);
  });

  it('takes the campaign’s own identity; one stored before the Tờ trình existed gets the seed’s signers and addressees', () => {
    const { proposals, ...older } = SEED_OFFICE_IDENTITY;
    expect(proposalsOf(older)).toBe(SEED_OFFICE_IDENTITY.proposals);
    const office = { ...older, parentBody: 'UBND TỈNH THÁI NGUYÊN', placeName: 'Thái Nguyên', symbol: 'VPUB' };
    const renamed = buildCouncilProposal({ ...input, number: 12, campaign: { ...SEED_CAMPAIGN, office } });
    expect(renamed.heading.numberLine).toBe('Số: 12/TTr-VPUB');
    expect(renamed.heading.placeAndDate).toBe('Thái Nguyên, ngày 02 tháng 10 năm 2025');
    expect(renamed.signature.name).toBe(proposals!.councilSigner.name);
  });

  it('keeps a list of 5,000 nominations quick to write', () => {
    const many = DEMO_PEOPLE.flatMap((p, i) =>
      [...Array(80).keys()].map((k) => stored(nominateIndividual(p, { status: 'eligible' }), `m${i}-${k}`)),
    ).slice(0, 5000);
    const started = performance.now();
    const big = buildCouncilProposal({ ...input, nominations: many });
    expect(big.list.sections[0]!.groups[0]!.rows).toHaveLength(5000);
    // Maps, not a search of the registry per line: far below the bench's second even on a busy machine.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the Tờ trình of the office to the province proposing the Bằng khen, as content', () => {
  const proposal = buildProvinceProposal({ ...input, number: 4, date: '2025-10-05', councilDate: '2025-10-03' });

  it('proposes those a confirmed round selected for the province’s form (and keeps one awarded since)', () => {
    expect(proposedToProvince(SEED_CAMPAIGN, nominations).map((n) => n.id)).toEqual(['n2', 'n4', 'n5']);
    expect(refuseDecision(0, 0)).toBe('DOCUMENT_NEEDS_CONFIRMED_ROUND');
    expect(refuseDecision(1, 0)).toBe('DOCUMENT_NOTHING_SELECTED');
  });

  it('is addressed to the Chairman through the province’s board, numbered, dated, citing the council’s vote', () => {
    expect(proposal.heading.numberLine).toBe('Số: 04/TTr-VP');
    expect(proposal.heading.placeAndDate).toBe('Bắc Kạn, ngày 05 tháng 10 năm 2025');
    expect(proposal.addressees).toEqual(['Kính gửi: Chủ tịch UBND tỉnh', '(qua Ban Thi đua - Khen thưởng tỉnh)']);
    expect(proposal.subject).toMatch(/^Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, cá nhân/);
    expect(proposal.bases.at(-1)).toBe('Căn cứ kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh ngày 03/10/2025;');
    expect(proposal.body[0]).toContain('đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 02 cá nhân');
    expect(proposal.closing).toBe('Văn phòng UBND tỉnh kính trình Chủ tịch UBND tỉnh xem xét, quyết định./.');
  });

  it('lists them as the decision does, and is signed by the head of the office', () => {
    expect(proposal.list.groups.map((g) => g.heading)).toEqual(['I. TẬP THỂ', 'II. CÁ NHÂN']);
    expect(proposal.list.groups[1]!.rows.map((r) => r.name)).toContain('Lường Thị Ngọc Ánh'.normalize('NFC'));
    expect(proposal.list.subject).toBe('Tập thể, cá nhân đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh');
    expect(proposal.list.reference).toBe('(Kèm theo Tờ trình số 04/TTr-VP ngày 05/10/2025 của Văn phòng UBND tỉnh)');
    expect(proposal.signature).toEqual({ lines: ['CHÁNH VĂN PHÒNG'], name: 'Vũ Đức Chính' });
    expect(proposal.recipients.at(-1)).toBe('- Lưu: VT, HCQT.');
  });
});
