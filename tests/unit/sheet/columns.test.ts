import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_UNITS, SEED_CAMPAIGN, type Nomination } from '#shared/index';
import {
  buildColumns,
  columnForField,
  exportTable,
  isoToSerial,
  parseRow,
  rowHash,
  rowOrdinals,
  serialToIso,
  toCsv,
  type CellValue,
  type SheetContext,
} from '#shared/sheet/index';
import { nominateCollective, nominateIndividual, person, PHONG_TONG_HOP, saved } from '#tests/unit/fixtures';

const ctx: SheetContext = { campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE };
const columns = buildColumns(ctx);

/** What Excel hands back after the add-in wrote a row: the text prefix is gone. */
const writtenThenRead = (n: Nomination): CellValue[] =>
  columns.map((c) => {
    const v = c.write(n, ctx);
    return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
  });

describe('the column schema', () => {
  it('lays out Vietnamese headers, dropdowns, and hidden system columns last', () => {
    expect(columns[0]).toMatchObject({ header: 'STT', role: 'derived', ordinal: true });
    expect(columns[1]).toMatchObject({ header: 'Đơn vị đề nghị', options: expect.arrayContaining(['Phòng Tổng hợp']) });
    expect(columns.filter((c) => c.role === 'system').map((c) => c.id)).toEqual(['id', 'version', 'rowHash']);
    expect(columns.find((c) => c.id === 'dossier.TO_TRINH.present')).toMatchObject({ header: 'Tờ trình', options: ['Có', 'Không'] });
    expect(columns.find((c) => c.id === 'status')?.options).toContain('Đủ điều kiện');
    expect(new Set(columns.map((c) => c.id)).size).toBe(columns.length);
  });

  it('reads back what it wrote, for an individual and a collective', () => {
    for (const fields of [nominateIndividual(person('cb-009')), nominateCollective(PHONG_TONG_HOP)]) {
      const nomination = saved(fields);
      const parsed = parseRow(writtenThenRead(nomination), columns);
      expect(parsed.problems).toEqual([]);
      expect(parsed.fields).toEqual(fields);
      expect(parsed).toMatchObject({ id: nomination.id, version: 1 });
    }
  });

  it('keeps formula-like text as text: written with the prefix, read back as typed', () => {
    const nomination = saved(nominateIndividual(person('cb-009'), { achievements: '=1+1', note: '@cmd' }));
    const achievements = columns.findIndex((c) => c.id === 'achievements');
    expect(columns[achievements]!.write(nomination, ctx)).toBe("'=1+1");
    expect(parseRow(writtenThenRead(nomination), columns).fields).toMatchObject({ achievements: '=1+1', note: '@cmd' });
  });

  it('reads dd/MM/yyyy typed as text, and refuses a date that does not exist', () => {
    const values = writtenThenRead(saved(nominateIndividual(person('cb-009'))));
    const received = columns.findIndex((c) => c.id === 'receivedDate');
    values[received] = '30/09/2025';
    expect(parseRow(values, columns).fields?.receivedDate).toBe('2025-09-30');
    values[received] = '31/09/2025';
    const parsed = parseRow(values, columns);
    expect(parsed.fields).toBeUndefined();
    expect(parsed.problems).toEqual([
      { columnId: 'receivedDate', message: expect.objectContaining({ vi: '"31/09/2025" không phải ngày dd/MM/yyyy' }) },
    ]);
  });

  it('keeps a name the registry does not know as typed, for the server to flag', () => {
    const values = writtenThenRead(saved(nominateIndividual(person('cb-009'))));
    values[columns.findIndex((c) => c.id === 'nominee')] = 'Người Không Có';
    expect(parseRow(values, columns).fields?.nomineeId).toBe('Người Không Có');
  });

  it('reads each cell through its own column: every input and system column declares how, the messages are never read', () => {
    expect(columns.filter((c) => (c.role === 'input' || c.role === 'system') && !c.read).map((c) => c.id)).toEqual([]);
    expect(columns.filter((c) => c.read && (c.role === 'output' || c.role === 'derived')).map((c) => c.id)).toEqual([]);
  });

  it("STT and Chức vụ are the add-in's: the position from the registry, never read back, no part of the fingerprint", () => {
    const individual = saved(nominateIndividual(person('cb-009')));
    const position = columns.findIndex((c) => c.id === 'position');
    expect(columns[position]!.write(individual, ctx)).toBe(person('cb-009').title);
    expect(columns[position]!.write(saved(nominateCollective(PHONG_TONG_HOP)), ctx)).toBe('');
    const values = writtenThenRead(individual);
    const renumbered = [...values];
    renumbered[0] = 7;
    renumbered[position] = 'Giám đốc';
    expect(rowHash(renumbered, columns)).toBe(rowHash(values, columns));
    expect(parseRow(renumbered, columns).fields).toEqual(parseRow(values, columns).fields);
  });

  it('numbers the rows holding a nomination 1…n, a blank row none', () => {
    const row = writtenThenRead(saved(nominateIndividual(person('cb-009'))));
    const blank = columns.map(() => '');
    expect(rowOrdinals([row, blank, row, row], columns)).toEqual([1, '', 2, 3]);
  });

  it('names the column of each cell it cannot send, and sends no such row', () => {
    const values = writtenThenRead(saved(nominateIndividual(person('cb-009'))));
    values[columns.findIndex((c) => c.id === 'unit')] = '';
    values[columns.findIndex((c) => c.id === 'status')] = 'Không rõ';
    values[columns.findIndex((c) => c.id === 'note')] = 'x'.repeat(501);
    const parsed = parseRow(values, columns);
    expect(parsed.fields).toBeUndefined();
    expect(parsed.problems.map((p) => p.columnId).sort()).toEqual(['note', 'status', 'unit']);
  });

  it('keeps a document of which only the number is typed, as not yet present; a blank status is a draft', () => {
    const values = writtenThenRead(saved(nominateIndividual(person('cb-009'), { dossier: {} })));
    values[columns.findIndex((c) => c.id === 'dossier.TO_TRINH.number')] = '12/TTr';
    values[columns.findIndex((c) => c.id === 'status')] = '';
    expect(parseRow(values, columns).fields).toMatchObject({
      dossier: { TO_TRINH: { present: false, number: '12/TTr' } },
      status: 'draft',
    });
  });

  it('reads a blank row as empty, keeping only its system cells', () => {
    const values = columns.map((c): CellValue => (c.id === 'id' ? 'n1' : c.id === 'version' ? 3 : ''));
    expect(parseRow(values, columns)).toEqual({ problems: [], empty: true, id: 'n1', version: 3 });
  });

  it('tells a changed row by its fingerprint, with no copy of the sheet', () => {
    const values = writtenThenRead(saved(nominateIndividual(person('cb-009'))));
    const hash = rowHash(values, columns);
    const edited = [...values];
    edited[columns.findIndex((c) => c.id === 'note')] = 'sửa';
    expect(rowHash(edited, columns)).not.toBe(hash);
    const messagesOnly = [...values];
    messagesOnly[columns.findIndex((c) => c.id === 'messages')] = 'Lỗi: ...';
    expect(rowHash(messagesOnly, columns)).toBe(hash);
  });

  it('maps an issue field to its column', () => {
    expect(columnForField(columns, 'dossier.BIEN_BAN_HOP_XET')?.id).toBe('dossier.BIEN_BAN_HOP_XET.present');
    expect(columnForField(columns, 'receivedDate')?.id).toBe('receivedDate');
  });

  it('converts Excel serial dates both ways', () => {
    expect(isoToSerial('2025-09-30')).toBe(45930);
    expect(serialToIso(45930)).toBe('2025-09-30');
  });

  it('exports CSV with dd/MM/yyyy dates and no formula', () => {
    const table = exportTable([saved(nominateIndividual(person('cb-009'), { achievements: '=cmd|calc' }))], columns, ctx);
    const csv = toCsv(table);
    expect(csv.startsWith('\ufeffĐơn vị đề nghị,')).toBe(true);
    expect(csv).toContain("'=cmd|calc");
    expect(csv).toContain('25/09/2025');
  });
});
