import { describe, expect, it } from 'vitest';
import type { CouncilSettings } from '#shared/campaign';
import { countingBoard } from '#shared/council/counting-board';
import { ballotsFingerprint } from '#shared/council/fingerprint';
import { buildMinutes } from '#shared/council/minutes';
import { tally } from '#shared/council/tally';
import type { MinutesBlock, MinutesDocument } from '#shared/documents/council-minutes';
import { refuseCouncilMinutes, heldRound } from '#shared/documents/council-minutes';
import { buildMeetingMinutes, type HeldRound } from '#shared/documents/meeting-minutes';
import { buildTallyMinutesDocument } from '#shared/documents/tally-minutes';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { sha256 } from '#functions/council/sha256';
import { CANDIDATES, FORMS, nineBallots } from '#tests/support/council';

const campaign = SEED_CAMPAIGN;
const council = SEED_CAMPAIGN.council;

/** A round counted on 2 October 2025: opened 08:30 in Vietnam, counted at 09:15. */
async function heldRoundOf(number: number, ballots = nineBallots(), overrides: Partial<HeldRound> = {}): Promise<HeldRound> {
  const attendance = { present: 8, writtenVotes: 1 };
  const result = {
    ...tally(council, { candidates: CANDIDATES, forms: FORMS, attendance, ballots }),
    fingerprint: await ballotsFingerprint(number, ballots, sha256),
  };
  const createdAt = '2025-10-02T01:30:00.000Z';
  const round = { number, candidates: CANDIDATES, rules: council, createdAt };
  const minutes = buildMinutes({ campaign, round, result, date: '2025-10-02' });
  return { number, status: 'tallied', createdAt, talliedAt: '2025-10-02T02:15:00.000Z', rules: council, result, minutes, ...overrides };
}

const texts = (doc: MinutesDocument) =>
  doc.blocks.flatMap((block: MinutesBlock) => (block.kind === 'table' ? block.table.rows.map((row) => row.join(' | ')) : [block.text]));

describe('the counting board', () => {
  it('by default: the secretary at its head and two members without an office on the council', () => {
    expect(countingBoard(council)).toEqual([
      { name: 'Lường Thị Hà', role: 'Trưởng ban' },
      { name: 'Triệu Văn Sơn', role: 'Thành viên' },
      { name: 'Ma Thị Hồng', role: 'Thành viên' },
    ]);
  });

  it('the council’s own when configured; without a secretary, three members, never the chair', () => {
    const own: CouncilSettings = { ...council, countingBoard: [{ name: 'Bế Thị Mai', role: 'Trưởng ban' }] };
    expect(countingBoard(own)).toEqual([{ name: 'Bế Thị Mai', role: 'Trưởng ban' }]);
    const noSecretary = { ...council, members: council.members.filter((m) => !m.role.startsWith('Thư ký')) };
    expect(countingBoard(noSecretary).map((m) => m.name)).toEqual(['Triệu Văn Sơn', 'Ma Thị Hồng', 'Hà Văn Đức']);
  });
});

describe('when the council’s minutes may be written', () => {
  it('after a count that was not replaced; refused with a stable code before', () => {
    expect(heldRound({ status: 'open' })).toBe(false);
    expect(heldRound({ status: 'superseded', talliedAt: 'x' })).toBe(false);
    for (const status of ['tallied', 'confirmed', 'annulled']) expect(heldRound({ status, talliedAt: 'x' })).toBe(true);
    expect(refuseCouncilMinutes(0)).toBe('DOCUMENT_NEEDS_TALLIED_ROUND');
    expect(refuseCouncilMinutes(1)).toBeUndefined();
  });
});

describe('the Biên bản kiểm phiếu as a document', () => {
  it('the round’s minutes, the board, the rules it was opened under, the count, the conclusion and the fingerprint', async () => {
    const round = await heldRoundOf(1);
    const doc = buildTallyMinutesDocument({ campaign, minutes: round.minutes!, rules: council, talliedAt: round.talliedAt!, number: 7 });
    expect(doc.heading).toEqual({
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'VĂN PHÒNG',
      numberLine: 'Số: 07/BB-VP',
      placeAndDate: 'Bắc Kạn, ngày 02 tháng 10 năm 2025',
    });
    expect(doc.title).toBe('BIÊN BẢN KIỂM PHIẾU');
    const body = texts(doc);
    expect(body[0]).toMatch(/^Hồi 09 giờ 15 phút, ngày 02 tháng 10 năm 2025, tại Văn phòng UBND tỉnh, Ban kiểm phiếu/);
    expect(body).toContain('- Lường Thị Hà: Trưởng ban.');
    expect(body.join('\n')).toContain('ít nhất 2/3 tổng số thành viên Hội đồng tham gia biểu quyết (6/9 người)');
    expect(body).toContain('- Tỷ lệ phiếu cần đạt: trên 50% tổng số thành viên Hội đồng.');
    expect(body.join('\n')).toContain('được tính');
    expect(body).toContain('- Số phiếu phát ra: 9; số phiếu thu vào: 9; số phiếu hợp lệ: 8; số phiếu không hợp lệ: 1.');
    expect(body).toContain('- Phiếu không hợp lệ do đánh dấu nhiều hơn số suất của hình thức khen thưởng: 1 phiếu.');
    expect(body).toContain('1 | Nguyễn Văn An (Phòng Tổng hợp) | 6 | 66,67% | Được chọn');
    expect(body).toContain('1 | Phòng Hành chính – Tổ chức | 8 | 88,89% | Được chọn');
    expect(body.join('\n')).toContain('đề nghị bỏ phiếu lại giữa');
    expect(body).toContain(`Dấu vân tay SHA-256 của các phiếu bầu (dạng chuẩn thidua-ballots/1): ${round.result!.fingerprint!.sha256}.`);
    expect(body.at(-1)).toMatch(/nhất trí ký tên\.\/\.$/);
    expect(doc.signatures).toEqual([
      { title: 'THÀNH VIÊN BAN KIỂM PHIẾU', names: ['Triệu Văn Sơn', 'Ma Thị Hồng'] },
      { title: 'TRƯỞNG BAN KIỂM PHIẾU', names: ['Lường Thị Hà'] },
    ]);
    expect(doc.recipients).toEqual(['- Thành viên Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh;', '- Lưu: VT, HCQT.']);
  });

  it('without a number the "Số:" keeps its blank; a given date is the document’s', async () => {
    const round = await heldRoundOf(1);
    const doc = buildTallyMinutesDocument({
      campaign,
      minutes: round.minutes!,
      rules: council,
      talliedAt: round.talliedAt!,
      date: '2025-10-05',
    });
    expect(doc.heading.numberLine).toMatch(/^Số: +\/BB-VP$/);
    expect(doc.heading.placeAndDate).toBe('Bắc Kạn, ngày 05 tháng 10 năm 2025');
  });
});

describe('the Biên bản họp Hội đồng', () => {
  it('time, place, chair, secretary, members and attendance, agenda, each round, conclusion, signatures', async () => {
    const first = await heldRoundOf(1, nineBallots(), { status: 'confirmed', confirmedAt: '2025-10-02T02:20:00.000Z' });
    // The tie between n2 and n3 voted again: n2 chosen.
    const tie = [...Array(9).keys()].map((i) => ({ number: i + 1, marks: { n2: 'x' } }));
    const second = await heldRoundOf(2, tie, { createdAt: '2025-10-02T02:30:00.000Z', talliedAt: '2025-10-02T02:45:00.000Z' });
    const doc = buildMeetingMinutes({ campaign, rounds: [second, first] });
    const body = texts(doc);
    expect(doc.title).toBe('BIÊN BẢN');
    expect(doc.subject).toBe('Họp Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh xét khen thưởng');
    expect(doc.heading.placeAndDate).toBe('Bắc Kạn, ngày 02 tháng 10 năm 2025');
    expect(body).toContain('Thời gian bắt đầu: 08 giờ 30 phút, ngày 02 tháng 10 năm 2025.');
    expect(body).toContain('Địa điểm: Văn phòng UBND tỉnh, Bắc Kạn.');
    expect(body).toContain('Chủ trì: Vũ Đức Chính, Chủ tịch Hội đồng.');
    expect(body).toContain('Thư ký: Lường Thị Hà, Thư ký Hội đồng.');
    expect(body.join('\n')).toContain('gồm 9 thành viên; có mặt 8 thành viên, 1 thành viên vắng mặt biểu quyết bằng văn bản');
    expect(body).toContain('- Lục Văn Toàn, Ủy viên;');
    expect(body).toContain('3. Bỏ phiếu kín, kiểm phiếu và công bố kết quả.');
    expect(body.indexOf('Vòng bỏ phiếu thứ 1')).toBeLessThan(body.indexOf('Vòng bỏ phiếu thứ 2'));
    expect(body).toContain('Kết quả vòng bỏ phiếu đã được Hội đồng xác nhận.');
    expect(body.filter((line) => line.startsWith('Dấu vân tay SHA-256'))).toHaveLength(2);
    expect(body).toContain(
      'Đề nghị tặng Giấy khen của Chánh Văn phòng cho 2 tập thể, cá nhân: Nguyễn Văn An (Phòng Tổng hợp); Trần Thị Bình (Phòng Tổng hợp).',
    );
    expect(body).toContain('Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 1 tập thể, cá nhân: Phòng Hành chính – Tổ chức.');
    expect(body.at(-1)).toBe(
      'Cuộc họp kết thúc hồi 09 giờ 45 phút, ngày 02 tháng 10 năm 2025; biên bản đã được thông qua trước Hội đồng./.',
    );
    expect(doc.signatures).toEqual([
      { title: 'THƯ KÝ', names: ['Lường Thị Hà'] },
      { title: 'CHỦ TỊCH HỘI ĐỒNG', names: ['Vũ Đức Chính'] },
    ]);
  });

  it('an annulled or void round proposes nobody, and says why', async () => {
    const annulled = await heldRoundOf(1, nineBallots(false), {
      status: 'annulled',
      annulment: { at: '2025-10-03T03:00:00.000Z', by: 'admin@thidua.local', reason: 'Nhập nhầm phiếu' },
    });
    const body = texts(buildMeetingMinutes({ campaign, rounds: [annulled] }));
    expect(body).toContain('Kết quả vòng này đã bị hủy hồi 10 giờ 00 phút, ngày 03 tháng 10 năm 2025; lý do: Nhập nhầm phiếu.');
    expect(body).toContain('Giấy khen của Chánh Văn phòng: không có tập thể, cá nhân nào được lựa chọn.');
  });
});
