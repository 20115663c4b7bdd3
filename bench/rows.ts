import type { NominationChange } from '#shared/nomination';
import type { NominationStatus } from '#shared/status';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';

/**
 * N complete, valid rows as a clerk's sheet would send them (the shape of tests/support/rows.ts `row`),
 * spread over the demo office: individuals across the staff (not the one under discipline), one row in
 * sixteen for a collective, both award forms, statuses draft / submitted / eligible (none takes a quota
 * place). The office has ~63 people, so a large campaign repeats nominees: rule 8 flags those rows
 * (DUPLICATE_NOMINEE), as it would in real life. Deterministic: the same N gives the same rows.
 */
const STAFF = DEMO_PEOPLE.filter((person) => !person.underDiscipline);
const UNITS = DEMO_UNITS.filter((unit) => !unit.underDiscipline);
const STATUSES: readonly NominationStatus[] = ['draft', 'submitted', 'eligible'];
const FORMS = SEED_CAMPAIGN.awardForms.map((form) => form.code);
const MOVEMENTS = SEED_CAMPAIGN.movements.map((movement) => movement.code);
const INDIVIDUAL_CRITERIA = SEED_CAMPAIGN.criteria.filter((c) => c.nomineeKind === 'individual').map((c) => c.code);
const COLLECTIVE_CRITERIA = SEED_CAMPAIGN.criteria.filter((c) => c.nomineeKind === 'collective').map((c) => c.code);

const OPENINGS = [
  'Hoàn thành xuất sắc nhiệm vụ được giao',
  'Chủ động tham mưu, đề xuất giải pháp',
  'Tích cực triển khai số hóa hồ sơ công việc',
  'Đảm bảo tiến độ, chất lượng văn bản tham mưu',
  'Gương mẫu chấp hành nội quy, quy chế cơ quan',
  'Đi đầu trong cải cách hành chính',
];
const DEEDS = [
  'rút ngắn thời gian giải quyết thủ tục hành chính',
  'xây dựng cơ sở dữ liệu chuyên ngành',
  'hỗ trợ người dân tại bộ phận một cửa',
  'tổ chức thành công hội nghị tổng kết',
  'vận động ủng hộ chương trình xóa nhà tạm, nhà dột nát',
  'ứng dụng phần mềm quản lý văn bản và điều hành',
  'tiết kiệm chi thường xuyên của đơn vị',
  'tham gia đoàn công tác hỗ trợ các xã khó khăn',
];

/** A small deterministic PRNG (mulberry32): the rows do not change between runs. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function makeRows(count: number, seed = 2025): NominationChange[] {
  const rnd = random(seed + count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(rnd() * Math.min(max, list.length));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const date = (month: number) => `2025-${pad(month)}-${pad(1 + Math.floor(rnd() * 28))}`;

  const rows: NominationChange[] = [];
  for (let i = 0; i < count; i += 1) {
    const collective = i % 16 === 15;
    const unit = UNITS[i % UNITS.length]!;
    const person = STAFF[i % STAFF.length]!;
    const status = STATUSES[i % STATUSES.length]!;
    const month = 6 + Math.floor(rnd() * 3); // June to August: inside the period, before the deadline
    const achievements = `${pick(OPENINGS)}; ${pick(DEEDS)}, ${pick(DEEDS)}. Kết quả năm 2025: ${
      70 + Math.floor(rnd() * 30)
    }% chỉ tiêu vượt kế hoạch (hồ sơ ${i + 1}/${count}).`;
    rows.push({
      rowKey: `r${i + 2}`,
      unitId: collective ? unit.id : person.unitId,
      nomineeKind: collective ? 'collective' : 'individual',
      nomineeId: collective ? unit.id : person.id,
      awardForm: FORMS[Math.floor(i / STATUSES.length) % FORMS.length]!,
      achievements,
      criteriaMet: collective ? [...COLLECTIVE_CRITERIA] : some(INDIVIDUAL_CRITERIA, 2),
      movements: some(MOVEMENTS, 3),
      dossier: {
        TO_TRINH: { present: true, number: `${1 + (i % 300)}/TTr-${i % 97}`, date: date(month + 1) },
        BIEN_BAN_HOP_XET: { present: true, number: `${1 + (i % 200)}/BB-${i % 89}`, date: date(month) },
        BAO_CAO_THANH_TICH: { present: true, number: `${1 + (i % 150)}/BC-${i % 83}`, date: date(month) },
      },
      receivedDate: `2025-09-${pad(1 + (i % 28))}`,
      status,
      ...(i % 7 === 0 ? { note: `Ghi chú của đơn vị, dòng ${i + 2}` } : {}),
    });
  }
  return rows;
}
