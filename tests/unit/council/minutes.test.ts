import { describe, expect, it } from 'vitest';
import type { CouncilSettings } from '#shared/campaign';
import {
  buildMinutes,
  formatPercentVi,
  joinVi,
  signatures,
  tally,
  thresholdText,
  type Ballot,
  type Candidate,
  type RoundForm,
} from '#shared/council/index';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { ballots, candidate } from '#tests/support/council';

/** The seed's council: 9 members, quorum 2/3, pass with more than 50% of all members, mark "x". */
const BK = 'BANG_KHEN_CT_UBND';
const GK = 'GIAY_KHEN_CVP';
const person = (nominationId: string, name: string, awardForm: string, female = false, unitName = 'Phòng Tổng hợp'): Candidate =>
  candidate(nominationId, awardForm, { name, unitName, female });
const an = person('an', 'Nguyễn Văn An', GK);
const binh = person('binh', 'Hoàng Thị Bình', GK, true, 'Phòng Kinh tế');
const chi = person('chi', 'Lường Thị Chi', GK, true);
const unit = candidate('kt', BK, { name: 'Phòng Kinh tế', nomineeKind: 'collective', unitName: 'Phòng Kinh tế' });

const times = (n: number, names: string) => Array.from({ length: n }, () => names);

function minutesOf(
  candidates: Candidate[],
  forms: RoundForm[],
  list: Ballot[],
  attendance = { present: 9, writtenVotes: 0 },
  council: CouncilSettings = SEED_CAMPAIGN.council,
) {
  const campaign = { ...SEED_CAMPAIGN, council };
  const result = tally(council, { candidates, forms, attendance, ballots: list });
  return buildMinutes({ campaign, round: { number: 3, candidates }, result, date: '2025-10-07' });
}

describe('Vietnamese figures', () => {
  it('writes percentages with a decimal comma, two places unless whole', () => {
    expect(formatPercentVi(66.67)).toBe('66,67%');
    expect(formatPercentVi(33.3)).toBe('33,30%');
    expect(formatPercentVi(100)).toBe('100%');
    expect(formatPercentVi(0)).toBe('0%');
  });

  it('joins names with commas and "và"', () => {
    expect(joinVi([])).toBe('');
    expect(joinVi(['A'])).toBe('A');
    expect(joinVi(['A', 'B'])).toBe('A và B');
    expect(joinVi(['A', 'B', 'C'])).toBe('A, B và C');
  });

  it('states the threshold as the rules configure it', () => {
    expect(thresholdText(SEED_CAMPAIGN.council)).toBe('trên 50% tổng số thành viên Hội đồng');
    const other = { ...SEED_CAMPAIGN.council, threshold: { percent: 70, comparison: '>=' as const, base: 'participants' as const } };
    expect(thresholdText(other)).toBe('từ 70% số thành viên tham gia biểu quyết trở lên');
    expect(thresholdText({ ...other, threshold: { ...other.threshold, base: 'valid_ballots' } })).toBe('từ 70% số phiếu hợp lệ trở lên');
  });
});

describe('the signature lines', () => {
  it('name the chair and the secretary from the council by role', () => {
    expect(signatures(SEED_CAMPAIGN.council)).toEqual([
      { role: 'chair', title: 'Chủ tịch Hội đồng', name: 'Vũ Đức Chính' },
      { role: 'secretary', title: 'Thư ký', name: 'Lường Thị Hà' },
    ]);
  });

  it('never take a vice-chair for the chair, and leave a role no one holds blank', () => {
    const council = {
      ...SEED_CAMPAIGN.council,
      members: [
        { name: 'Phó A', role: 'Phó Chủ tịch Hội đồng' },
        { name: 'Chủ tịch B', role: ' CHỦ TỊCH Hội đồng ' },
        { name: 'Ủy viên C', role: 'Ủy viên' },
      ],
    };
    expect(signatures(council)).toEqual([
      { role: 'chair', title: 'Chủ tịch Hội đồng', name: 'Chủ tịch B' },
      { role: 'secretary', title: 'Thư ký', name: '' },
    ]);
  });
});

describe('the tally minutes', () => {
  it('record the meeting, the ballots, each candidate and the selection', () => {
    const list = [
      // Nine ballots for the nine members taking part (more would void the count: issue 8, item 5).
      ...ballots(...times(5, 'an kt'), 'an', 'binh kt'),
      { number: 10, marks: { an: 'x', binh: 'x' } }, // two marks for one place
      { number: 11, marks: { an: 'v' } }, // not the agreed mark
    ];
    const minutes = minutesOf(
      [unit, an, binh],
      [
        { awardForm: BK, places: 1 },
        { awardForm: GK, places: 1 },
      ],
      list,
      { present: 8, writtenVotes: 1 },
    );
    expect(minutes).toMatchObject({
      title: 'BIÊN BẢN KIỂM PHIẾU',
      council: 'Hội đồng Thi đua – Khen thưởng Văn phòng UBND tỉnh Bắc Kạn',
      issuer: 'Văn phòng UBND tỉnh Bắc Kạn',
      campaignTitle: SEED_CAMPAIGN.title,
      round: 3,
      date: '07/10/2025',
      members: { total: 9, present: 8, writtenVotes: 1, participating: 9, required: 6 },
      ballots: { issued: 9, collected: 9, valid: 7, invalid: 2 },
      threshold: 'trên 50% tổng số thành viên Hội đồng',
      void: false,
    });
    expect(minutes.invalidReasons).toEqual([
      { reason: 'OVER_PLACES', label: 'Đánh dấu nhiều hơn số suất của hình thức khen thưởng', count: 1 },
      { reason: 'UNKNOWN_MARK', label: 'Ký hiệu đánh dấu không đúng quy định', count: 1 },
    ]);
    expect(minutes.forms.map((f) => [f.awardFormName, f.places, f.selectedNames])).toEqual([
      ['Bằng khen của Chủ tịch UBND tỉnh', 1, ['Phòng Kinh tế']],
      ['Giấy khen của Chánh Văn phòng', 1, ['Nguyễn Văn An']],
    ]);
    // Most votes first, numbered within the form.
    expect(minutes.forms[1]!.candidates).toEqual([
      {
        order: 1,
        nominationId: 'an',
        name: 'Nguyễn Văn An',
        nomineeKind: 'individual',
        unitName: 'Phòng Tổng hợp',
        female: false,
        votes: 6,
        percent: '66,67%',
        passed: true,
        selected: true,
        tied: false,
      },
      {
        order: 2,
        nominationId: 'binh',
        name: 'Hoàng Thị Bình',
        nomineeKind: 'individual',
        unitName: 'Phòng Kinh tế',
        female: true,
        votes: 1,
        percent: '11,11%',
        passed: false,
        selected: false,
        tied: false,
      },
    ]);
    expect(minutes.conclusion).toEqual([
      'Lựa chọn đề nghị Bằng khen của Chủ tịch UBND tỉnh: Phòng Kinh tế, 6/9 phiếu (66,67%).',
      'Lựa chọn đề nghị Giấy khen của Chánh Văn phòng: Nguyễn Văn An (Phòng Tổng hợp), 6/9 phiếu (66,67%).',
    ]);
  });

  it('propose a further round between the tied, and show which of them are women without deciding', () => {
    // Two places: an 7 is selected; binh and chi pass with 5 each and tie for the last place.
    const list = ballots(...times(4, 'an binh'), ...times(3, 'an chi'), 'binh chi', 'chi');
    const minutes = minutesOf([an, binh, chi], [{ awardForm: GK, places: 2 }], list);
    expect(minutes.forms[0]).toMatchObject({
      selectedNames: ['Nguyễn Văn An'],
      tie: { names: ['Hoàng Thị Bình', 'Lường Thị Chi'], places: 1, votes: 5, femaleNames: ['Hoàng Thị Bình', 'Lường Thị Chi'] },
    });
    expect(minutes.forms[0]!.candidates.map((c) => [c.name, c.tied])).toEqual([
      ['Nguyễn Văn An', false],
      ['Hoàng Thị Bình', true],
      ['Lường Thị Chi', true],
    ]);
    expect(minutes.conclusion).toEqual([
      'Lựa chọn đề nghị Giấy khen của Chánh Văn phòng: Nguyễn Văn An (Phòng Tổng hợp), 7/9 phiếu (77,78%).',
      'Giấy khen của Chánh Văn phòng: 2 ứng viên cùng đạt 5/9 phiếu (55,56%) cho 1 suất còn lại; ' +
        'đề nghị bỏ phiếu lại giữa Hoàng Thị Bình (Phòng Kinh tế) và Lường Thị Chi (Phòng Tổng hợp).',
      'Trong số người có số phiếu bằng nhau, Hoàng Thị Bình và Lường Thị Chi là nữ ' +
        '(pháp luật ưu tiên nữ khi các tiêu chuẩn khác như nhau; Hội đồng xem xét, quyết định).',
    ]);
  });

  it('declare a round without a quorum void, and select no one', () => {
    const minutes = minutesOf([an, binh], [{ awardForm: GK, places: 1 }], ballots(...times(5, 'an')), { present: 4, writtenVotes: 1 });
    expect(minutes.void).toBe(true);
    expect(minutes.members).toMatchObject({ participating: 5, required: 6 });
    expect(minutes.forms[0]!.selectedNames).toEqual([]);
    expect(minutes.conclusion).toEqual([
      'Số thành viên Hội đồng tham gia biểu quyết là 5/9 (cần tối thiểu 6): không đủ số thành viên tham dự theo quy định, kết quả không có giá trị.',
    ]);
  });

  it('count written votes only where the council allows them', () => {
    const council = { ...SEED_CAMPAIGN.council, allowWrittenVotes: false };
    const minutes = minutesOf([an], [{ awardForm: GK, places: 1 }], ballots(...times(5, 'an')), { present: 5, writtenVotes: 3 }, council);
    expect(minutes.members).toMatchObject({ present: 5, writtenVotes: 0, participating: 5 });
    expect(minutes.void).toBe(true);
  });

  it('say so when no one reaches the threshold, or the quota has no place left', () => {
    const list = ballots(...times(4, 'an'), ...times(4, 'binh'), 'chi');
    const none = minutesOf([an, binh, chi], [{ awardForm: GK, places: 1 }], list);
    expect(none.conclusion).toEqual([
      'Giấy khen của Chánh Văn phòng: không có tập thể, cá nhân nào đạt số phiếu trên 50% tổng số thành viên Hội đồng, không lựa chọn.',
    ]);
    const full = minutesOf([an], [{ awardForm: GK, places: 0 }], ballots(...times(9, '')));
    expect(full.conclusion).toEqual(['Giấy khen của Chánh Văn phòng: đã hết chỉ tiêu, không lựa chọn.']);
  });

  it('declare a count void when more ballots were collected than issued, and say why in both languages', () => {
    const minutes = minutesOf([an, binh], [{ awardForm: GK, places: 1 }], ballots(...times(8, 'an')), { present: 7, writtenVotes: 0 });
    expect(minutes.void).toBe(true);
    expect(minutes.forms[0]!.selectedNames).toEqual([]);
    expect(minutes.voidReason).toEqual({
      code: 'BALLOTS_EXCEED_ISSUED',
      text: {
        vi: 'Số phiếu thu vào (8) nhiều hơn số phiếu phát ra (7): kết quả kiểm phiếu không có giá trị.',
        en: 'More ballots were collected (8) than were issued (7): the count is void.',
      },
    });
    expect(minutes.conclusion).toEqual([minutes.voidReason!.text.vi]);
  });
});

// Issue 8, item 4: the minutes state the rules the round was counted by.
describe('the rules in the minutes', () => {
  const council: CouncilSettings = {
    ...SEED_CAMPAIGN.council,
    threshold: { percent: 70, comparison: '>=', base: 'participants' },
    allowWrittenVotes: false,
    voteMark: 'v',
  };
  const result = tally(council, {
    candidates: [an],
    forms: [{ awardForm: GK, places: 1 }],
    attendance: { present: 9, writtenVotes: 0 },
    ballots: [{ number: 1, marks: { an: 'v' } }],
  });

  it("state the round's own rules, not the campaign's, and the day they were taken", () => {
    const minutes = buildMinutes({
      campaign: SEED_CAMPAIGN,
      round: { number: 2, candidates: [an], rules: council, createdAt: '2025-10-01T18:30:00.000Z' },
      result,
      date: '2025-10-07',
    });
    expect(minutes.threshold).toBe('từ 70% số thành viên tham gia biểu quyết trở lên');
    expect(minutes.rules!.map((rule) => rule.text.vi)).toEqual([
      'Áp dụng quy chế biểu quyết của Hội đồng tại thời điểm lập vòng bỏ phiếu (ngày 02/10/2025).',
      'Cuộc họp hợp lệ khi có ít nhất 2/3 tổng số thành viên Hội đồng tham gia biểu quyết (6/9 người).',
      'Tỷ lệ phiếu cần đạt: từ 70% số thành viên tham gia biểu quyết trở lên.',
      'Phiếu biểu quyết bằng văn bản của thành viên vắng mặt: không được tính.',
      'Ký hiệu đánh dấu hợp lệ trên phiếu: "v".',
      'Số phiếu thu vào không được nhiều hơn số phiếu phát ra.',
    ]);
    expect(minutes.rules!.map((rule) => rule.text.en)).toEqual([
      "The council's voting rules in force when the round was opened (02/10/2025) apply.",
      'Quorum: at least 2/3 of all council members take part (6 of 9).',
      'Votes needed to pass: at least 70% of the members taking part.',
      'Written votes of absent members: not counted.',
      'The agreed mark on a ballot: "v".',
      'No more ballots may be collected than were issued.',
    ]);
  });

  it("say that a round which kept no rules was counted by the campaign's", () => {
    const minutes = buildMinutes({
      campaign: { ...SEED_CAMPAIGN, council },
      round: { number: 1, candidates: [an] },
      result,
      date: '2025-10-07',
    });
    expect(minutes.rules![0]).toEqual({
      code: 'SOURCE',
      text: {
        vi: 'Vòng bỏ phiếu được lập trước khi quy chế được lưu theo từng vòng: áp dụng quy chế hiện hành của Đợt thi đua.',
        en: "This round was opened before rounds kept their rules: the campaign's current rules apply.",
      },
    });
    expect(minutes.threshold).toBe('từ 70% số thành viên tham gia biểu quyết trở lên');
  });
});
