import { describe, expect, it } from 'vitest';
import { nominationFindings } from '#shared/rules/index';
import { decisionEntries } from '#shared/register/decision-entries';
import { historyEntry, knownAwardForms } from '#shared/register/history';
import { ctx, nominateIndividual, saved } from '#tests/unit/fixtures';
import { staffOf } from '#tests/support/nomination';

const by = { email: 'tochuc@thidua.local', at: '2025-10-06T02:00:00.000Z' };
const an = staffOf('kinh-te')[0]!;
const awarded = saved(nominateIndividual(an), { status: 'awarded' });
const [entry] = decisionEntries(ctx.campaign, ctx, [awarded], { number: '07/QĐ-VP', date: '2025-10-05', source: 'issued' }, by);
const findings = (
  nomination = saved(nominateIndividual(an, { awardForm: 'BANG_KHEN_CT_UBND' })),
  awards = [entry!],
  campaign = ctx.campaign,
) => nominationFindings({ ...ctx, campaign }, nomination, { nominationId: nomination.id }, { timesNominated: 1, quotaUsage: [], awards });

describe('rule 8 against the award register', () => {
  it('a nominee already awarded in this campaign is an error naming the decision (number and date)', () => {
    const found = findings().filter((i) => i.code === 'AWARDED_IN_CAMPAIGN');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', field: 'nomineeId' })]);
    expect(found[0]!.message.vi).toContain('theo Quyết định số 07/QĐ-VP ngày 05/10/2025');
    expect(found[0]!.message.en).toContain('by decision 07/QĐ-VP of 05/10/2025');
  });

  it('the awarded nomination itself is not flagged by its own entry', () => {
    expect(findings(awarded).map((i) => i.code)).not.toContain('AWARDED_IN_CAMPAIGN');
  });

  it('another campaign of the same achievement period is flagged; another period is not', () => {
    const later = { ...ctx.campaign, id: 'dot-khac' };
    expect(findings(undefined, [entry!], later).map((i) => i.code)).toContain('AWARDED_SAME_PERIOD');
    const nextYear = { ...later, period: { start: '2025-10-01', end: '2026-09-30' } };
    expect(findings(undefined, [entry!], nextYear).map((i) => i.code)).not.toContain('AWARDED_SAME_PERIOD');
  });

  it("a year of the history stands for that calendar year's period; a namesake of another unit is not the nominee", () => {
    const row = {
      rowKey: 'r',
      name: an.fullName,
      unit: 'Phòng Kinh tế',
      award: 'Giấy khen',
      decisionNumber: '9/QĐ',
      decisionDate: '2024-01-05',
      year: 2023,
      nomineeKind: 'individual',
    } as const;
    const imported = historyEntry(row, ctx, knownAwardForms(), by).entry;
    const annual = { ...ctx.campaign, id: 'hang-nam-2023', period: { start: '2023-01-01', end: '2023-12-31' } };
    expect(findings(undefined, [imported], annual).map((i) => i.code)).toContain('AWARDED_SAME_PERIOD');
    const namesake = historyEntry({ ...row, unit: 'Phòng Tổng hợp' }, ctx, knownAwardForms(), by).entry;
    expect(findings(undefined, [namesake], annual).map((i) => i.code)).not.toContain('AWARDED_SAME_PERIOD');
  });
});
