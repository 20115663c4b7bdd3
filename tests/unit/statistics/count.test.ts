import { describe, expect, it } from 'vitest';
import type { QuotaUsage } from '#shared/api/quota';
import type { NominationStatus } from '#shared/status';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_UNITS } from '#shared/seed/demo-office';
import { campaignStatistics, registryIdsOf, type CountedNomination } from '#shared/statistics/count';
import { yearlyStatistics } from '#shared/statistics/yearly';
import { nominateCollective, nominateIndividual, staffOf } from '#tests/support/nomination';

const [woman, man, unrecorded] = [
  { id: 'p-nu', gender: 'female' as const },
  { id: 'p-nam', gender: 'male' as const },
  { id: 'p-khong-ro' }, // in the registry without a gender
];
const people = [woman, man, unrecorded];
const unitId = staffOf('tong-hop')[0]!.unitId;
const other = DEMO_UNITS.find((unit) => unit.id !== unitId && !unit.isHrOffice)!;

const individual = (nomineeId: string, status: NominationStatus, overrides: Partial<CountedNomination> = {}): CountedNomination => ({
  ...nominateIndividual(staffOf('tong-hop')[0]!, { nomineeId, status }),
  ...overrides,
});

const usage: QuotaUsage[] = [{ ruleId: 'Q', awardForm: 'GIAY_KHEN_CVP', scope: 'campaign', scopeKey: '*', max: 1, used: 1, candidates: 4 }];

const nominations: CountedNomination[] = [
  individual(woman.id, 'awarded'),
  individual(man.id, 'submitted', { awardForm: 'BANG_KHEN_CT_UBND' }),
  individual(unrecorded.id, 'eligible'),
  // A name the registry does not know, kept as typed: its gender is unknown too.
  individual('Nguyễn Văn Lạ', 'draft'),
  nominateCollective(other.id, { status: 'awarded' }),
];

const count = (unit?: string) =>
  campaignStatistics({ campaign: SEED_CAMPAIGN, nominations, units: DEMO_UNITS, people, quotaUsage: usage, unitId: unit });

describe('a campaign’s statistics', () => {
  it('count nominations and awards per nominee kind, and in total', () => {
    const figures = count();
    expect(figures.totals).toEqual({ nominations: 5, awards: 2 });
    expect(figures.byNomineeKind).toEqual([
      { nomineeKind: 'collective', nominations: 1, awards: 1 },
      { nomineeKind: 'individual', nominations: 4, awards: 1 },
    ]);
  });

  it('count the individuals by the registry’s gender, an unrecorded gender and an unknown nominee as unknown', () => {
    expect(count().byGender).toEqual([
      { gender: 'female', nominations: 1, awards: 1 },
      { gender: 'male', nominations: 1, awards: 0 },
      { gender: 'unknown', nominations: 2, awards: 0 },
    ]);
  });

  it('count per award form in the plan’s order, per status in the flow’s, every status listed', () => {
    const figures = count();
    expect(figures.byAwardForm.map((f) => [f.awardForm, f.name.vi, f.nominations, f.awards])).toEqual([
      ['BANG_KHEN_CT_UBND', 'Bằng khen của Chủ tịch UBND tỉnh', 1, 0],
      ['GIAY_KHEN_CVP', 'Giấy khen của Chánh Văn phòng', 4, 2],
    ]);
    expect(figures.byStatus).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 1 },
      { status: 'returned', count: 0 },
      { status: 'eligible', count: 1 },
      { status: 'selected', count: 0 },
      { status: 'not_selected', count: 0 },
      { status: 'awarded', count: 2 },
    ]);
  });

  it('name each nominating unit from the registry, in Vietnamese order', () => {
    const figures = count();
    expect(figures.byUnit.map((u) => u.unitId).sort()).toEqual([other.id, unitId].sort());
    const names = figures.byUnit.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(figures.byUnit.find((u) => u.unitId === unitId)).toMatchObject({
      name: DEMO_UNITS.find((u) => u.id === unitId)!.name,
      nominations: 4,
      awards: 1,
    });
  });

  it('count each form by kind, with the awarded women and the awarded of unknown gender', () => {
    expect(count().byFormAndKind.find((row) => row.awardForm === 'GIAY_KHEN_CVP' && row.nomineeKind === 'individual')).toEqual({
      awardForm: 'GIAY_KHEN_CVP',
      nomineeKind: 'individual',
      nominations: 3,
      awards: 1,
      awardedFemale: 1,
      awardedUnknownGender: 0,
    });
  });

  it('limited to one unit, count that unit’s nominations only and keep the campaign’s quota usage', () => {
    const figures = count(other.id);
    expect(figures.unitId).toBe(other.id);
    expect(figures.totals).toEqual({ nominations: 1, awards: 1 });
    expect(figures.byGender.every((g) => g.nominations === 0)).toBe(true);
    expect(figures.quotaUsage).toEqual(usage);
  });

  it('ask the registry only for the nominating units and the individuals nominated', () => {
    expect(registryIdsOf(nominations)).toEqual({
      unitIds: [unitId, other.id],
      personIds: [woman.id, man.id, unrecorded.id, 'Nguyễn Văn Lạ'],
    });
  });

  it('of an empty campaign are zeros, not gaps', () => {
    const figures = campaignStatistics({ campaign: SEED_CAMPAIGN, nominations: [], units: [], people: [], quotaUsage: [] });
    expect(figures.totals).toEqual({ nominations: 0, awards: 0 });
    expect(figures.byUnit).toEqual([]);
    expect(figures.byAwardForm.map((f) => f.nominations)).toEqual([0, 0]);
  });
});

describe('the yearly summary', () => {
  it('sums each award form over the year’s campaigns, per nominee kind', () => {
    const statistics = count();
    const year = yearlyStatistics(2025, [
      { campaign: SEED_CAMPAIGN, statistics },
      { campaign: { ...SEED_CAMPAIGN, id: 'khac', period: { start: '2025-01-01', end: '2025-12-31' } }, statistics },
    ]);
    expect(year.campaigns.map((c) => c.id)).toEqual([SEED_CAMPAIGN.id, 'khac']);
    expect(year.movements).toBe(2 * SEED_CAMPAIGN.movements.length);
    const giayKhen = year.forms.find((f) => f.awardForm === 'GIAY_KHEN_CVP')!;
    expect(giayKhen.collective).toEqual({ nominations: 2, awards: 2 });
    expect(giayKhen.individual).toEqual({ nominations: 6, awards: 2, awardedFemale: 2, awardedUnknownGender: 0 });
    expect(giayKhen.decidedBy).toBe('office');
  });
});
