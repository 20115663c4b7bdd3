/**
 * Builders for the unit tests: the seed's plan, the demo office and complete, valid nominations,
 * so that each test states only what its case of the plan changes.
 */
import {
  Campaign,
  DEMO_PEOPLE,
  DEMO_UNITS,
  HR_UNIT_ID,
  makeRuleContext,
  SEED_CAMPAIGN,
  type DossierDocument,
  type Nomination,
  type NominationFields,
  type Person,
  type RuleContext,
  type Unit,
} from '#shared/index';

/** The plan as data with the demo office's registry: what the rules read besides the nominations. */
export const ctx: RuleContext = makeRuleContext(SEED_CAMPAIGN, DEMO_UNITS, DEMO_PEOPLE);

export function person(id: string): Person {
  const found = DEMO_PEOPLE.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no demo person ${id}`);
  return found;
}

export function unit(id: string): Unit {
  const found = DEMO_UNITS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no demo unit ${id}`);
  return found;
}

/** Named people and units of the demo office, so tests read as cases rather than ids. */
/** Phòng Hành chính tổ chức - Quản trị tài vụ: the HR office the plan names (IV.1). */
export const HR_OFFICE = unit(HR_UNIT_ID);
export const PHONG_TONG_HOP = unit('tong-hop');
export const PHONG_KINH_TE = unit('kinh-te');
/** cb-009, Phòng Tổng hợp. */
export const LE_VAN_SON = person('cb-009');
/** cb-010, Phòng Tổng hợp. */
export const HOANG_THI_PHUONG = person('cb-010');
/** cb-011, Phòng Tổng hợp. */
export const HA_VAN_HUNG = person('cb-011');
/** cb-015, Phòng Kinh tế. */
export const PHAM_VAN_DUNG = person('cb-015');
/** DEMO_PEOPLE[12] (cb-013, Phòng Tổng hợp): the one staff member under discipline. */
export const UNDER_DISCIPLINE = DEMO_PEOPLE[12]!;

/** The three documents of the plan's dossier (III.2.c), each present with its number and a date in the period. */
export function completeDossier(): Record<string, DossierDocument> {
  return {
    TO_TRINH: { present: true, number: '15/TTr-TH', date: '2025-09-15' },
    BIEN_BAN_HOP_XET: { present: true, number: '03/BB-TH', date: '2025-09-12' },
    BAO_CAO_THANH_TICH: { present: true, number: '01/BC-TH', date: '2025-09-10' },
  };
}

/** A dossier missing the given documents (absent from the record, as a clerk who left the cell blank). */
export function dossierWithout(...codes: string[]): Record<string, DossierDocument> {
  const dossier = completeDossier();
  for (const code of codes) delete dossier[code];
  return dossier;
}

/**
 * A complete, valid proposal of a staff member by their own unit for the Giấy khen: the three documents,
 * a criterion for individuals, a movement, achievements, received on time, submitted.
 */
export function nominateIndividual(nominee: Person, overrides: Partial<NominationFields> = {}): NominationFields {
  return {
    unitId: nominee.unitId,
    nomineeKind: 'individual',
    nomineeId: nominee.id,
    awardForm: 'GIAY_KHEN_CVP',
    achievements: 'Tham mưu hoàn thành xuất sắc nhiệm vụ được giao; triển khai số hóa hồ sơ công việc của phòng.',
    criteriaMet: ['CN_HANH_DONG_VIEC_LAM'],
    movements: ['CHUYEN_DOI_SO'],
    dossier: completeDossier(),
    receivedDate: '2025-09-25',
    status: 'submitted',
    ...overrides,
  };
}

/** A complete, valid proposal of a unit as a collective, by itself, for the Giấy khen. */
export function nominateCollective(nominee: Unit, overrides: Partial<NominationFields> = {}): NominationFields {
  return {
    unitId: nominee.id,
    nomineeKind: 'collective',
    nomineeId: nominee.id,
    awardForm: 'GIAY_KHEN_CVP',
    achievements: 'Ban hành kế hoạch kịp thời, có báo cáo tổng kết Đợt thi đua; hoàn thành xuất sắc nhiệm vụ năm 2024, 2025.',
    criteriaMet: ['TT_KE_HOACH', 'TT_BAO_CAO_TONG_KET', 'TT_CONG_TRINH_DE_AN', 'TT_THANH_TICH_XUAT_SAC'],
    movements: ['VAN_HOA_CONG_SO'],
    dossier: completeDossier(),
    receivedDate: '2025-09-25',
    status: 'submitted',
    ...overrides,
  };
}

let sequence = 0;

/** The nomination as the server stores it: with an id, a version and its audit fields. */
export function saved(fields: NominationFields, extra: Partial<Nomination> = {}): Nomination {
  sequence += 1;
  return {
    ...fields,
    id: `N${String(sequence).padStart(4, '0')}`,
    campaignId: SEED_CAMPAIGN.id,
    version: 1,
    createdAt: '2025-09-20T02:00:00.000Z',
    createdBy: 'tong-hop@thidua.local',
    updatedAt: '2025-09-20T02:00:00.000Z',
    updatedBy: 'tong-hop@thidua.local',
    ...extra,
  };
}

/** A variant of the seed's campaign, validated by the schema like any campaign an administrator saves. */
export function campaignVariant(change: (draft: Campaign) => void): Campaign {
  const draft = structuredClone(SEED_CAMPAIGN);
  change(draft);
  return Campaign.parse(draft);
}

/** A rule context for a variant campaign or registry; the demo office by default. */
export function contextWith(options: { campaign?: Campaign; units?: Unit[]; people?: Person[] }): RuleContext {
  return makeRuleContext(options.campaign ?? SEED_CAMPAIGN, options.units ?? DEMO_UNITS, options.people ?? DEMO_PEOPLE);
}

/** The codes of a list of issues, in order: what most assertions compare. */
export function codesOf(issues: readonly { code: string }[]): string[] {
  return issues.map((issue) => issue.code);
}
