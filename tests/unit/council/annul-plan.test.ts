import { describe, expect, it } from 'vitest';
import { annulRefusal, planAnnulment } from '#shared/council/annul-plan';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { nominateIndividual, saved, staffOf } from '#tests/support/nomination';

const ADMIN: User = { email: 'admin@thidua.local', displayName: 'Quản trị', role: 'admin' };
const staff = staffOf('kinh-te');
const nomination = (id: string, status: Nomination['status'], extra: Partial<Nomination> = {}) =>
  saved(nominateIndividual(staff[0]!, { status }), { id, version: 2, ...extra });
const round = {
  id: '1',
  status: 'confirmed' as const,
  version: 4,
  candidates: [
    { nominationId: 'a', awardForm: 'GIAY_KHEN_CVP', name: 'Ứng viên A', nomineeKind: 'individual' as const, unitName: '', female: false },
    { nominationId: 'b', awardForm: 'GIAY_KHEN_CVP', name: 'Ứng viên B', nomineeKind: 'individual' as const, unitName: '', female: false },
  ],
  decisions: [
    { nominationId: 'a', from: 'eligible' as const, to: 'selected' as const },
    { nominationId: 'b', from: 'eligible' as const, to: 'not_selected' as const },
  ],
};
const request = { reason: 'Sai thành phần Hội đồng', version: 4 };

describe('annulling a confirmed round', () => {
  it('only a confirmed round, at the version read, with no later round deciding its ties', () => {
    expect(annulRefusal(round, request, [])).toBeUndefined();
    expect(annulRefusal({ ...round, status: 'tallied' }, request, [])?.code).toBe('ROUND_NOT_CONFIRMED');
    expect(annulRefusal(round, { ...request, version: 3 }, [])?.code).toBe('VERSION_CONFLICT');
    expect(annulRefusal(round, request, [{ id: '2', status: 'open', fromRoundId: '1' }])?.code).toBe('DECISION_MOVED_ON');
    expect(annulRefusal(round, request, [{ id: '2', status: 'annulled', fromRoundId: '1' }])).toBeUndefined();
  });

  it('sends every decision back to eligible, one version on', () => {
    const current = new Map([
      ['a', nomination('a', 'selected')],
      ['b', nomination('b', 'not_selected')],
    ]);
    const plan = planAnnulment(round, current, ADMIN, 'now');
    expect('planned' in plan && plan.planned.map((p) => [p.after.id, p.after.status, p.after.version])).toEqual([
      ['a', 'eligible', 3],
      ['b', 'eligible', 3],
    ]);
  });

  it('refuses when a decision has moved on (awarded, deleted), naming the nominee in vi and en', () => {
    const current = new Map([
      ['a', nomination('a', 'awarded')],
      ['b', nomination('b', 'not_selected', { deletedAt: 'x' })],
    ]);
    const plan = planAnnulment(round, current, ADMIN, 'now');
    expect('refusal' in plan && plan.refusal.code).toBe('DECISION_MOVED_ON');
    expect('refusal' in plan && plan.refusal.message?.vi).toContain('Ứng viên A và Ứng viên B');
  });
});
