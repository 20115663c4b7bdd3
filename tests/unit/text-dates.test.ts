import { describe, expect, it } from 'vitest';
import {
  comparePersonNames,
  compareVietnamese,
  DEMO_PEOPLE,
  formatDateVi,
  formulaLikeFields,
  isAfter,
  IsoDate,
  isFormulaLike,
  parseDateVi,
  todayInVietnam,
} from '#shared/index';
import { identityKey, normalizeStrings, toNfc } from '#shared/text';
import { completeDossier, LE_VAN_SON, nominateIndividual } from './fixtures';

describe('isFormulaLike (values beginning with =, +, - or @ become formulas in a sheet or a CSV)', () => {
  it.each(['=SUM(A1:A9)', '+84 912 345 678', '-1', '- Tham mưu xây dựng kế hoạch', '@cmd', '\tx', '\r=1'])('%j is formula-like', (text) =>
    expect(isFormulaLike(text)).toBe(true),
  );

  it.each(['Nguyễn Văn Hùng', '15/TTr-TH', 'Hoàn thành xuất sắc nhiệm vụ = 100%', ' =1', '', '2025'])('%j is plain text', (text) =>
    expect(isFormulaLike(text)).toBe(false),
  );

  it('formulaLikeFields names the free-text fields a sheet must write as text', () => {
    const dossier = completeDossier();
    dossier.TO_TRINH!.number = '=HYPERLINK("x")';
    const nomination = nominateIndividual(LE_VAN_SON, {
      achievements: '- Hoàn thành xuất sắc nhiệm vụ',
      note: '@ghi chú',
      returnReason: 'Thiếu biên bản',
      dossier,
    });
    expect(formulaLikeFields(nomination)).toEqual(['achievements', 'note', 'dossier.TO_TRINH.number']);
    expect(formulaLikeFields(nominateIndividual(LE_VAN_SON))).toEqual([]);
  });
});

describe('Vietnamese collation of names (personnel lists are ordered by given name)', () => {
  it('"Đặng" sorts after "Dương": Đ is its own letter after D', () => {
    expect(compareVietnamese('Đặng', 'Dương')).toBeGreaterThan(0);
    expect(compareVietnamese('Dương', 'Đặng')).toBeLessThan(0);
    expect(compareVietnamese('Đặng', 'Ea')).toBeLessThan(0);
  });

  it('"Anh" sorts before "Ánh": tones after the bare letter, not equal to it', () => {
    expect(compareVietnamese('Anh', 'Ánh')).toBeLessThan(0);
    expect(compareVietnamese('Ánh', 'Anh')).toBeGreaterThan(0);
    expect(compareVietnamese('Ánh', 'Bình')).toBeLessThan(0);
    expect(compareVietnamese('anh', 'Anh')).toBe(0);
  });

  it('comparePersonNames orders by given name first, then by the full name', () => {
    const names = ['Trần Thị Ánh', 'Dương Văn Đông', 'Bế Văn Dũng', 'Lê Thị Anh', 'Đặng Văn Sơn', 'Dương Văn Sơn', 'Ma Thị Ăn'];
    expect([...names].sort(comparePersonNames)).toEqual([
      'Lê Thị Anh',
      'Trần Thị Ánh', // a tone sorts after the bare letter …
      'Ma Thị Ăn', // … while Ă is a letter of its own, after A with any tone
      'Bế Văn Dũng',
      'Dương Văn Đông',
      'Dương Văn Sơn',
      'Đặng Văn Sơn',
    ]);
  });

  it('names that differ only by a tone of the given name are not equal ("Lê Thị Anh" before "Bế Thị Ánh")', () => {
    expect(comparePersonNames('Lê Thị Anh', 'Bế Thị Ánh')).toBeLessThan(0);
    expect(comparePersonNames('Trần Thị Ánh', 'Trần Thị Anh')).toBeGreaterThan(0);
  });

  it('the demo staff sort with every given name in order', () => {
    const given = (name: string) => name.split(' ').at(-1)!;
    const sorted = DEMO_PEOPLE.map((p) => p.fullName).sort(comparePersonNames);
    for (let i = 1; i < sorted.length; i += 1) {
      expect(compareVietnamese(given(sorted[i - 1]!), given(sorted[i]!))).toBeLessThanOrEqual(0);
    }
    expect(given(sorted[0]!)).toBe('Anh');
  });
});

describe('dates: ISO yyyy-MM-dd inside, dd/MM/yyyy for people', () => {
  // Kế hoạch II.2: "Từ ngày 01/10/2024 đến hết ngày 30/9/2025".
  it('II.2 "Từ ngày 01/10/2024 đến hết ngày 30/9/2025": formatDateVi writes dd/MM/yyyy', () => {
    expect(formatDateVi('2024-10-01')).toBe('01/10/2024');
    expect(formatDateVi('2025-09-30')).toBe('30/09/2025');
  });

  // Kế hoạch II.2 and the preamble write dates as d/M/yyyy: "30/9/2025", "25/9/2024".
  it('II.2 "30/9/2025" and preamble "ngày 25/9/2024": parseDateVi reads d/M/yyyy and dd/MM/yyyy', () => {
    expect(parseDateVi('30/9/2025')).toBe('2025-09-30');
    expect(parseDateVi('25/9/2024')).toBe('2024-09-25');
    expect(parseDateVi('01/10/2025')).toBe('2025-10-01');
    expect(parseDateVi(' 7/4/2014 ')).toBe('2014-04-07');
  });

  it.each(['31/02/2025', '29/02/2025', '31/04/2025', '00/01/2025', '1/13/2025', '2025-09-30', '30/09/25', '', 'ngày 30/9/2025'])(
    'parseDateVi(%j) is not a date',
    (text) => expect(parseDateVi(text)).toBeUndefined(),
  );

  it('29/02/2024 is a date (leap year); the round trip keeps the date', () => {
    expect(parseDateVi('29/02/2024')).toBe('2024-02-29');
    for (const iso of ['2024-10-01', '2025-09-30', '2024-02-29']) expect(parseDateVi(formatDateVi(iso))).toBe(iso);
  });

  it('IsoDate accepts calendar dates only', () => {
    expect(IsoDate.safeParse('2025-09-30').success).toBe(true);
    expect(IsoDate.safeParse('2025-02-30').success).toBe(false);
    expect(IsoDate.safeParse('30/09/2025').success).toBe(false);
  });

  // Kế hoạch IV.1: "trước ngày 01/10/2025" — compared as dates.
  it('IV.1 "trước ngày 01/10/2025": isAfter compares ISO dates', () => {
    expect(isAfter('2025-10-01', '2025-09-30')).toBe(true);
    expect(isAfter('2025-09-30', '2025-09-30')).toBe(false);
    expect(isAfter('2024-12-31', '2025-01-01')).toBe(false);
  });

  // Kế hoạch IV.1: "trước ngày 01/10/2025" — the deadline is a day in Vietnam (UTC+7).
  it('IV.1: todayInVietnam turns at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2025-09-30T16:59:59Z'))).toBe('2025-09-30');
    expect(todayInVietnam(new Date('2025-09-30T17:00:00Z'))).toBe('2025-10-01');
  });
});

describe('NFC at the API door (issue 8, item 7)', () => {
  const nfc = 'Phòng Khoa giáo - Văn xã: Nguyễn Thị Hoà';
  const nfd = nfc.normalize('NFD');

  it('makes every string of a parsed body NFC, keys and nested arrays included, and leaves other values alone', () => {
    const body = JSON.parse(JSON.stringify({ [nfd]: [nfd, 1, true, null, { deep: [nfd] }], ascii: 'tong-hop' }));
    expect(normalizeStrings(body)).toEqual({ [nfc]: [nfc, 1, true, null, { deep: [nfc] }], ascii: 'tong-hop' });
    expect(normalizeStrings(nfd)).toBe(nfc);
    expect(normalizeStrings(42)).toBe(42);
  });

  it('keeps a "__proto__" key of the JSON as a plain key, never a prototype', () => {
    const parsed = normalizeStrings(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('compares names as identities: Unicode form, case and spacing do not matter; tones do', () => {
    expect(identityKey(nfd)).toBe(identityKey(nfc));
    expect(identityKey('  NGUYỄN   Thị  HOÀ ')).toBe('nguyễn thị hoà');
    expect(identityKey('Nguyễn Thị Hoa')).not.toBe(identityKey('Nguyễn Thị Hoà'));
    expect(toNfc(nfd)).toBe(nfc);
  });
});
