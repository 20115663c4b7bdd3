/**
 * The one builder of a valid nomination for every test (unit, integration, add-in, e2e): the demo
 * office's people and units, complete dossiers, and complete proposals a unit would submit, so that
 * each test states only what its case changes.
 */
import type { DossierDocument, Nomination, NominationChange, NominationFields } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';

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

/** The staff of a demo unit, without the one under discipline. */
export function staffOf(unitId: string): Person[] {
  return DEMO_PEOPLE.filter((candidate) => candidate.unitId === unitId && !candidate.underDiscipline);
}

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
 * A complete, valid proposal of a staff member (a Person or a demo person's id) by their own unit for
 * the Giấy khen: the three documents, a criterion for individuals, a movement, achievements, received
 * on time, submitted.
 */
export function nominateIndividual(nominee: Person | string, overrides: Partial<NominationChange> = {}): NominationChange {
  const who = typeof nominee === 'string' ? person(nominee) : nominee;
  return {
    unitId: who.unitId,
    nomineeKind: 'individual',
    nomineeId: who.id,
    awardForm: 'GIAY_KHEN_CVP',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao; chủ động tham mưu số hóa hồ sơ công việc của đơn vị.',
    criteriaMet: ['CN_HANH_DONG_VIEC_LAM'],
    movements: ['CHUYEN_DOI_SO'],
    dossier: completeDossier(),
    receivedDate: '2025-09-25',
    status: 'submitted',
    ...overrides,
  };
}

/** A complete, valid proposal of a unit (a Unit or a demo unit's id) as a collective, by itself, for the Giấy khen. */
export function nominateCollective(nominee: Unit | string, overrides: Partial<NominationChange> = {}): NominationChange {
  const which = typeof nominee === 'string' ? unit(nominee) : nominee;
  return {
    unitId: which.id,
    nomineeKind: 'collective',
    nomineeId: which.id,
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

/** The nomination as the server stores it: with a fresh id, a version and its audit fields. */
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
