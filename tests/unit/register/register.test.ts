import { describe, expect, it } from 'vitest';
import { decisionEntries } from '#shared/register/decision-entries';
import { RegisterEntry, registerEntryId, registerSubject } from '#shared/register/entry';
import { historyEntry, knownAwardForms, planHistoryImport } from '#shared/register/history';
import { entriesOfSubject, filterEntries, subjectOf } from '#shared/register/match';
import { ctx, nominateCollective, nominateIndividual, saved } from '#tests/unit/fixtures';
import { staffOf } from '#tests/support/nomination';

const by = { email: 'tochuc@thidua.local', at: '2025-10-06T02:00:00.000Z' };
const an = staffOf('kinh-te')[0]!;
const decision = { number: '07/QĐ-VP', date: '2025-10-05', signer: 'Lý Thị Hoa', source: 'issued' } as const;
const row = {
  rowKey: 'r2',
  name: an.fullName,
  unit: 'Phòng Kinh tế',
  award: 'GIAY_KHEN_CVP',
  decisionNumber: '3/QĐ-VP',
  decisionDate: '2024-01-10',
  year: 2023,
  nomineeKind: 'individual',
} as const;

describe('the register entry', () => {
  it("a decision's awardee as the registry names them, with the campaign's form, title, period and the decision", () => {
    const [entry] = decisionEntries(ctx.campaign, ctx, [saved(nominateIndividual(an))], decision, by);
    expect(RegisterEntry.parse(entry)).toMatchObject({
      nomineeKind: 'individual',
      name: an.fullName,
      unitName: 'Phòng Kinh tế',
      personId: an.id,
      awardForm: 'GIAY_KHEN_CVP',
      awardFormName: ctx.campaign.awardForms.find((f) => f.code === 'GIAY_KHEN_CVP')!.name.vi,
      campaignId: ctx.campaign.id,
      decisionNumber: '07/QĐ-VP',
      signer: 'Lý Thị Hoa',
      year: 2025,
      period: ctx.campaign.period,
      source: 'issued',
    });
  });

  it('one award is one key: the same decision, name and unit whatever the case, spaces or Unicode form typed', () => {
    const typed = {
      nomineeKind: 'individual',
      decisionNumber: '07/qđ-vp ',
      decisionDate: '2025-10-05',
      unitName: 'phòng  kinh tế'.normalize('NFD'),
    } as const;
    expect(registerEntryId(typed)).toBe(registerEntryId({ ...typed, decisionNumber: '07/QĐ-VP', unitName: 'Phòng Kinh tế' }));
    expect(registerEntryId(typed)).not.toBe(registerEntryId({ ...typed, decisionDate: '2024-10-05' }));
    expect(registerSubject('individual', an.fullName.toUpperCase())).toBe(registerSubject('individual', an.fullName));
  });
});

describe('the history sheet', () => {
  const forms = knownAwardForms();

  it('a row is matched to the registry by name and unit (and birth date when given), its form by code or name', () => {
    const { entry, matched } = historyEntry(row, ctx, forms, by);
    expect(matched).toBe(true);
    expect(entry).toMatchObject({
      personId: an.id,
      unitId: 'kinh-te',
      awardForm: 'GIAY_KHEN_CVP',
      period: { start: '2023-01-01', end: '2023-12-31' },
    });
    expect(historyEntry({ ...row, birthDate: '1970-01-01', name: 'Người Lạ' }, ctx, forms, by).matched).toBe(false);
    expect(historyEntry({ ...row, award: 'Kỷ niệm chương' }, ctx, forms, by).entry).toMatchObject({ awardFormName: 'Kỷ niệm chương' });
  });

  it('imported again adds nothing; a repeated row is one entry; a decision-recorded award is kept as recorded', () => {
    const first = planHistoryImport([row, { ...row, rowKey: 'r3' }], ctx, forms, new Map(), by);
    expect(first.results.map((r) => r.outcome)).toEqual(['added', 'unchanged']);
    expect(first.write).toHaveLength(1);
    const stored = new Map(first.write.map((e) => [`${registerSubject(e.nomineeKind, e.name)}|${e.id}`, { ...e, recordedAt: 'earlier' }]));
    expect(planHistoryImport([row], ctx, forms, stored, by).results[0]!.outcome).toBe('unchanged');
    expect(planHistoryImport([{ ...row, year: 2024 }], ctx, forms, stored, by).results[0]!.outcome).toBe('updated');
    const issued = new Map([...stored].map(([k, e]) => [k, { ...e, source: 'issued' as const }]));
    expect(planHistoryImport([row], ctx, forms, issued, by)).toMatchObject({ write: [], results: [{ outcome: 'recorded' }] });
  });
});

describe('whose entries', () => {
  const mine = historyEntry(row, ctx, knownAwardForms(), by).entry;
  const namesake = { ...mine, id: 'x', personId: undefined, unitId: undefined, unitName: 'Phòng Tổng hợp' };
  const kept = { ...mine, id: 'y', personId: undefined };

  it("a person's: matched to them, or kept by name in their unit; a namesake of another unit is not", () => {
    const subject = subjectOf(ctx, 'individual', an.id);
    expect(entriesOfSubject(subject, [mine, namesake, kept]).map((e) => e.id)).toEqual([mine.id, 'y']);
    expect(entriesOfSubject({ kind: 'individual', name: an.fullName }, [mine, namesake]).length).toBe(2);
    expect(filterEntries([mine, namesake], { unit: 'Phòng Tổng hợp' }).map((e) => e.id)).toEqual(['x']);
    expect(filterEntries([mine], { year: 2022 })).toEqual([]);
    expect(filterEntries([mine], { form: 'giay_khen_cvp' })).toHaveLength(1);
  });

  it("a unit's: its own collective awards", () => {
    const unitEntry = decisionEntries(ctx.campaign, ctx, [saved(nominateCollective('tong-hop'))], decision, by)[0]!;
    expect(entriesOfSubject(subjectOf(ctx, 'collective', 'tong-hop'), [unitEntry, mine])).toEqual([unitEntry]);
  });
});
