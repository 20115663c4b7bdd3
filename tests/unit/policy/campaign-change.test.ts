import { describe, expect, it } from 'vitest';
import type { Campaign } from '#shared/campaign';
import type { Nomination } from '#shared/nomination';
import { campaignChangeNeeds, changeRefusalMessage, refuseCampaignChange } from '#shared/policy/campaign-change';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { nominateIndividual, saved } from '#tests/unit/fixtures';

const before = SEED_CAMPAIGN;
const giayKhen = (status: Nomination['status'], extra: Partial<Nomination> = {}) => saved(nominateIndividual('cb-009', { status }), extra);
const withoutForm = (code: string): Campaign => ({
  ...before,
  awardForms: before.awardForms.filter((form) => form.code !== code),
  quotaRules: before.quotaRules.filter((rule) => rule.awardForm !== code),
});
const cap = (max: number): Campaign => ({
  ...before,
  quotaRules: before.quotaRules.map((rule) => (rule.awardForm === 'GIAY_KHEN_CVP' ? { ...rule, max } : rule)),
});

describe('a change of the plan that breaks what exists', () => {
  it('needs nothing read for an edit that takes nothing away', () => {
    const needs = campaignChangeNeeds(before, {
      ...before,
      title: 'Khác',
      quotaRules: before.quotaRules.map((rule) => ({ ...rule, max: 3 })),
    });
    expect(needs).toEqual({ removedForms: [], removedDocuments: [], loweredCaps: [], reshapedRules: [], periodNarrowed: false });
  });

  it('refuses removing an award form nominations use, naming them; from the counters alone, it counts them', () => {
    const rows = [giayKhen('draft'), giayKhen('submitted')];
    const [refusal] = refuseCampaignChange(before, withoutForm('GIAY_KHEN_CVP'), { nominations: rows });
    expect(refusal).toMatchObject({ code: 'CAMPAIGN_FORM_IN_USE', subject: 'GIAY_KHEN_CVP', path: ['awardForms'], count: 2 });
    expect(refusal!.nominations.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    const message = changeRefusalMessage(refusal!, (row) => `Người ${row.id}`);
    expect(message.vi).toContain(`Người ${rows[0]!.id}; Người ${rows[1]!.id}`);
    expect(message.en).toContain('GIAY_KHEN_CVP');
    expect(refuseCampaignChange(before, withoutForm('GIAY_KHEN_CVP'), { liveByForm: new Map([['GIAY_KHEN_CVP', 2]]) })).toMatchObject([
      { code: 'CAMPAIGN_FORM_IN_USE', count: 2, nominations: [] },
    ]);
    expect(refuseCampaignChange(before, withoutForm('BANG_KHEN_CT_UBND'), { nominations: rows })).toEqual([]);
  });

  it('refuses removing a dossier document a nomination records', () => {
    const after = { ...before, dossierRequirements: before.dossierRequirements.slice(1) };
    expect(refuseCampaignChange(before, after, { nominations: [giayKhen('draft')] })).toMatchObject([
      { code: 'CAMPAIGN_DOCUMENT_IN_USE', subject: 'TO_TRINH', count: 1 },
    ]);
    expect(refuseCampaignChange(before, after, { nominations: [giayKhen('draft', { dossier: {} })] })).toEqual([]);
  });

  it('refuses a cap below the places taken, at the cap cell; a cap at the number taken passes', () => {
    const rows = [giayKhen('selected'), giayKhen('submitted')];
    const after = { ...cap(0) };
    const needs = campaignChangeNeeds(before, after);
    expect(needs.loweredCaps.map((rule) => rule.id)).toEqual(['QUOTA_GIAY_KHEN']);
    expect(refuseCampaignChange(before, after, { nominations: rows })).toMatchObject([
      {
        code: 'CAMPAIGN_QUOTA_BELOW_SELECTED',
        subject: 'QUOTA_GIAY_KHEN',
        path: ['quotaRules', 1, 'max'],
        count: 1,
        nominations: [{ id: rows[0]!.id }],
      },
    ]);
    const usage = [
      { ruleId: 'QUOTA_GIAY_KHEN', awardForm: 'GIAY_KHEN_CVP', scope: 'campaign' as const, scopeKey: '*', max: 1, used: 1, candidates: 2 },
    ];
    expect(refuseCampaignChange(before, after, { usage })).toMatchObject([{ code: 'CAMPAIGN_QUOTA_BELOW_SELECTED', count: 1 }]);
    expect(refuseCampaignChange(before, { ...cap(1) }, { nominations: rows })).toEqual([]);
    // Eligible rows an office counts free their place on a return: a cap under them is not refused.
    const countingEligible = {
      ...before,
      quotaRules: before.quotaRules.map((rule) => ({ ...rule, countedStatuses: [...rule.countedStatuses, 'eligible' as const] })),
    };
    const eligible = [giayKhen('eligible'), giayKhen('eligible')];
    expect(
      refuseCampaignChange(
        countingEligible,
        {
          ...countingEligible,
          quotaRules: cap(1).quotaRules.map((r) => ({ ...r, countedStatuses: countingEligible.quotaRules[0]!.countedStatuses })),
        },
        { nominations: eligible },
      ),
    ).toEqual([]);
  });

  it('refuses a period that leaves saved dates outside it, but not dates that were outside already', () => {
    const inside = giayKhen('submitted', { receivedDate: '2024-10-15' });
    const wasOutside = giayKhen('submitted', { receivedDate: '2024-09-01' });
    const after = { ...before, period: { start: '2024-11-01', end: '2025-09-30' } };
    expect(campaignChangeNeeds(before, after).periodNarrowed).toBe(true);
    expect(refuseCampaignChange(before, after, { nominations: [inside, wasOutside] })).toMatchObject([
      { code: 'CAMPAIGN_PERIOD_EXCLUDES_DATES', path: ['period', 'start'], count: 1, nominations: [{ id: inside.id }] },
    ]);
    // A dossier document's date counts too.
    const doc = giayKhen('draft', { receivedDate: undefined });
    doc.dossier = { TO_TRINH: { present: true, number: '1/TTr', date: '2024-10-20' } };
    expect(refuseCampaignChange(before, after, { nominations: [doc] })).toMatchObject([
      { code: 'CAMPAIGN_PERIOD_EXCLUDES_DATES', count: 1 },
    ]);
  });
});
