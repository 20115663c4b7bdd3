import type { Person, Unit, User } from '#shared/org';
import { HR_UNIT_ID } from './campaign-2025';

/**
 * A fictional office for the local runner and the tests: the HR office the plan names and eight
 * plausible units of a provincial People's Committee office, with staff under made-up names.
 */
export const DEMO_UNITS: Unit[] = [
  { id: HR_UNIT_ID, name: 'Phòng Hành chính tổ chức - Quản trị tài vụ', shortName: 'HCTC-QTTV', isHrOffice: true, underDiscipline: false },
  { id: 'tong-hop', name: 'Phòng Tổng hợp', shortName: 'TH', isHrOffice: false, underDiscipline: false },
  { id: 'kinh-te', name: 'Phòng Kinh tế', shortName: 'KT', isHrOffice: false, underDiscipline: false },
  { id: 'khoa-giao-van-xa', name: 'Phòng Khoa giáo - Văn xã', shortName: 'KGVX', isHrOffice: false, underDiscipline: false },
  { id: 'noi-chinh-phap-che', name: 'Phòng Nội chính - Pháp chế', shortName: 'NCPC', isHrOffice: false, underDiscipline: false },
  { id: 'ban-tiep-cong-dan', name: 'Ban Tiếp công dân tỉnh', shortName: 'BTCD', isHrOffice: false, underDiscipline: false },
  { id: 'trung-tam-hcc', name: 'Trung tâm Phục vụ hành chính công', shortName: 'TTPVHCC', isHrOffice: false, underDiscipline: false },
  { id: 'trung-tam-thong-tin', name: 'Trung tâm Thông tin - Công báo', shortName: 'TTTT-CB', isHrOffice: false, underDiscipline: false },
  { id: 'nha-khach', name: 'Nhà khách UBND tỉnh', shortName: 'NK', isHrOffice: false, underDiscipline: false },
];

const FAMILY = ['Nguyễn', 'Hoàng', 'Nông', 'Triệu', 'Lường', 'Ma', 'Hà', 'Bế', 'Lục', 'Đặng', 'Trần', 'Lê', 'Phạm', 'Dương', 'Lý'];
const WOMEN = [
  'Thị Thu Hà',
  'Thị Lan',
  'Thị Hồng Nhung',
  'Thị Mai',
  'Thị Thanh Hương',
  'Thị Ngọc Ánh',
  'Thị Huyền',
  'Thị Phương',
  'Thị Yến',
  'Thị Thảo',
];
const MEN = ['Văn Hùng', 'Văn Bình', 'Đức Anh', 'Văn Toàn', 'Quang Huy', 'Minh Tuấn', 'Văn Sơn', 'Đình Khải', 'Văn Dũng', 'Xuân Trường'];
const TITLES = ['Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên chính', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Nhân viên'];

/** Seven people in each unit, named by a fixed walk through the lists so the data never changes. */
function makeStaff(): Person[] {
  const people: Person[] = [];
  DEMO_UNITS.forEach((unit, unitIndex) => {
    for (let seat = 0; seat < 7; seat += 1) {
      const n = unitIndex * 7 + seat;
      const female = n % 2 === 1;
      const given = female ? WOMEN[(n * 3) % WOMEN.length]! : MEN[(n * 7) % MEN.length]!;
      people.push({
        id: `cb-${String(n + 1).padStart(3, '0')}`,
        fullName: `${FAMILY[(n * 5 + unitIndex) % FAMILY.length]} ${given}`,
        unitId: unit.id,
        title: TITLES[seat],
        gender: female ? 'female' : 'male',
        underDiscipline: false,
      });
    }
  });
  // Rule 9 needs someone to show: one staff member has an unresolved complaint.
  const flagged = people[12]!;
  flagged.underDiscipline = true;
  flagged.disciplineNote = 'Đang giải quyết khiếu nại (hư cấu, dữ liệu minh họa)';
  return people;
}

export const DEMO_PEOPLE: Person[] = makeStaff();

/** One demo user per role, and one clerk per unit: the local runner's sign-in list. */
export const DEMO_USERS: User[] = [
  { email: 'admin@thidua.local', displayName: 'Quản trị hệ thống', role: 'admin' },
  { email: 'tochuc@thidua.local', displayName: 'Cán bộ tổ chức (HCTC-QTTV)', role: 'hr' },
  { email: 'thuky@thidua.local', displayName: 'Thư ký Hội đồng TĐKT', role: 'secretary' },
  { email: 'lanhdao@thidua.local', displayName: 'Lãnh đạo Văn phòng', role: 'viewer' },
  ...DEMO_UNITS.filter((unit) => !unit.isHrOffice).map((unit): User => ({
    email: `${unit.id}@thidua.local`,
    displayName: `Văn thư ${unit.name}`,
    role: 'unit',
    unitId: unit.id,
  })),
];
