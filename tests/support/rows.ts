import type { NominationChange } from '#shared/nomination';
import { DEMO_PEOPLE } from '#shared/seed/demo-office';

export const CAMPAIGN_ID = 'dot-thi-dua-dac-biet-2025';
export const BATCH = `/campaigns/${CAMPAIGN_ID}/nominations/batch`;
export const HR = 'tochuc@thidua.local';
export const ADMIN = 'admin@thidua.local';
export const SECRETARY = 'thuky@thidua.local';
export const VIEWER = 'lanhdao@thidua.local';
export const unitClerk = (unitId: string) => `${unitId}@thidua.local`;

/** The staff of a demo unit, excluding the one under discipline unless asked. */
export function staffOf(unitId: string) {
  return DEMO_PEOPLE.filter((person) => person.unitId === unitId && !person.underDiscipline);
}

/** A complete, valid row a clerk would send: a staff member of the unit for the given award form. */
export function row(personId: string, overrides: Partial<NominationChange> = {}): NominationChange {
  const person = DEMO_PEOPLE.find((p) => p.id === personId);
  if (!person) throw new Error(`no demo person ${personId}`);
  return {
    unitId: person.unitId,
    nomineeKind: 'individual',
    nomineeId: person.id,
    awardForm: 'GIAY_KHEN_CVP',
    achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao, triển khai số hóa hồ sơ công việc.',
    criteriaMet: ['CN_HANH_DONG_VIEC_LAM'],
    movements: ['CHUYEN_DOI_SO'],
    dossier: {
      TO_TRINH: { present: true, number: '15/TTr-TH', date: '2025-09-15' },
      BIEN_BAN_HOP_XET: { present: true, number: '03/BB-TH', date: '2025-09-12' },
      BAO_CAO_THANH_TICH: { present: true, number: '01/BC-TH', date: '2025-09-10' },
    },
    receivedDate: '2025-09-25',
    status: 'submitted',
    ...overrides,
  };
}
