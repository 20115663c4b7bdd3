import { describe, expect, it } from 'vitest';
import { makeIssue } from '#shared/issues';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_UNITS } from '#shared/seed/demo-office';
import { availableActions } from '#addin/app/roles/role-actions';
import { groupIssues, issueCell, quotaRows } from '#addin/app/report/panels';
import { mapLimit } from '#shared/async/map-limit';
import { createDebouncer, createMutex, createSerialRunner, saveRetryDelay, type Timers } from '#addin/app/core/scheduling';
import { DEMO_USERS } from '#shared/seed/demo-office';
import { columns } from './fixtures';

describe('quota panel', () => {
  it('per award form: used of max (over when above), candidates, in the plan order', () => {
    const rows = quotaRows(
      [
        { ruleId: 'QUOTA_GIAY_KHEN', awardForm: 'GIAY_KHEN_CVP', scope: 'campaign', scopeKey: '*', max: 1, used: 1, candidates: 3 },
        { ruleId: 'QUOTA_BANG_KHEN', awardForm: 'BANG_KHEN_CT_UBND', scope: 'campaign', scopeKey: '*', max: 1, used: 2, candidates: 2 },
      ],
      SEED_CAMPAIGN,
      DEMO_UNITS,
    );
    expect(rows.map((row) => [row.awardForm, row.used, row.max, row.candidates, row.over, row.crowded])).toEqual([
      ['BANG_KHEN_CT_UBND', 2, 1, 2, true, true],
      ['GIAY_KHEN_CVP', 1, 1, 3, false, true],
    ]);
    expect(rows[0]!.awardFormName.vi).toMatch(/^Bằng khen/);
    expect(rows[0]!.scopeName).toBeUndefined();
  });

  it("a unit clerk acts on its own unit's quota only; HR and whoever runs the vote act on every quota", () => {
    const usage = [
      { ruleId: 'Q', awardForm: 'GIAY_KHEN_CVP', scope: 'campaign' as const, scopeKey: '*', max: 1, used: 2, candidates: 3 },
      { ruleId: 'U', awardForm: 'GIAY_KHEN_CVP', scope: 'unit' as const, scopeKey: 'kinh-te', max: 1, used: 0, candidates: 2 },
      { ruleId: 'U', awardForm: 'GIAY_KHEN_CVP', scope: 'unit' as const, scopeKey: 'tong-hop', max: 1, used: 0, candidates: 2 },
    ];
    const actionable = (viewer: { role: 'unit' | 'hr' | 'secretary'; unitId?: string }) =>
      quotaRows(usage, SEED_CAMPAIGN, DEMO_UNITS, viewer).map((row) => [row.scopeName ?? '*', row.actionable]);
    expect(actionable({ role: 'unit', unitId: 'kinh-te' })).toEqual([
      ['*', false],
      ['Phòng Kinh tế', true],
      ['Phòng Tổng hợp', false],
    ]);
    for (const role of ['hr', 'secretary'] as const) expect(actionable({ role }).every(([, yes]) => yes)).toBe(true);
  });
});

describe('issue list', () => {
  const issues = [
    makeIssue('ACHIEVEMENTS_MISSING', 'warning', { nominationId: 'n1', field: 'achievements' }),
    makeIssue('ACHIEVEMENTS_MISSING', 'warning', { nominationId: 'n2', field: 'achievements' }),
    makeIssue(
      'DOSSIER_INCOMPLETE',
      'error',
      { nominationId: 'n2', field: 'dossier.TO_TRINH' },
      { document: { vi: 'Tờ trình', en: 'proposal' } },
    ),
  ];

  it('groups by rule, errors first, with the nominee of each row', () => {
    const groups = groupIssues(issues, new Map([['n2', 'Lê Văn Hùng']]));
    expect(groups.map((group) => [group.code, group.severity, group.items.length])).toEqual([
      ['DOSSIER_INCOMPLETE', 'error', 1],
      ['ACHIEVEMENTS_MISSING', 'warning', 2],
    ]);
    expect(groups[0]!.items[0]).toMatchObject({ nominationId: 'n2', field: 'dossier.TO_TRINH', label: 'Lê Văn Hùng' });
  });

  it("maps an issue to its cell: the nomination's row as last read, the field's column", () => {
    const rowIds = new Map([['n2', 7]]);
    expect(issueCell({ nominationId: 'n2', field: 'dossier.TO_TRINH' }, rowIds, columns)).toEqual({
      rowIndex: 7,
      columnId: 'dossier.TO_TRINH.present',
    });
    expect(issueCell({ nominationId: 'n2' }, rowIds, columns)).toEqual({ rowIndex: 7, columnId: 'nominee' });
    expect(issueCell({ nominationId: 'n9', field: 'status' }, rowIds, columns)).toBeUndefined();
  });
});

describe('role actions', () => {
  it('offers only what the role may do', () => {
    const of = (role: string) => availableActions(DEMO_USERS.find((user) => user.role === role));
    expect(of('unit')).toEqual(['submit']);
    expect(of('hr')).toEqual(['return', 'eligible']);
    // The admin may find a nomination eligible too: an override, with a reason where findings block it.
    expect(of('admin')).toEqual(['return', 'eligible']);
    expect(of('secretary')).toEqual([]);
    expect(of('viewer')).toEqual([]);
    expect(availableActions(undefined)).toEqual([]);
  });
});

function manualTimers() {
  const pending = new Map<number, { at: number; fn: () => void }>();
  let clock = 0;
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => (pending.set(next, { at: clock + ms, fn }), next++),
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    clock += ms;
    for (const [handle, timer] of [...pending]) {
      if (timer.at <= clock) {
        pending.delete(handle);
        timer.fn();
      }
    }
  };
  return { timers, advance };
}

describe('scheduling', () => {
  it('debounces: one call 2.5 s after the last poke', () => {
    const { timers, advance } = manualTimers();
    let calls = 0;
    const debouncer = createDebouncer(2500, () => (calls += 1), timers);
    debouncer.poke();
    advance(2000);
    debouncer.poke();
    advance(2000);
    expect(calls).toBe(0);
    advance(600);
    expect(calls).toBe(1);
    debouncer.poke();
    debouncer.cancel();
    advance(5000);
    expect(calls).toBe(1);
  });

  it('never runs two at once, and queues only one more run', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const gates: (() => void)[] = [];
    const runner = createSerialRunner(async () => {
      running += 1;
      runs += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running -= 1;
    });
    const first = runner.run();
    const second = runner.run();
    const third = runner.run();
    await Promise.resolve();
    expect(runs).toBe(1);
    gates.shift()!();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    gates.shift()!();
    await Promise.all([second, third]);
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('the mutex runs one operation after another, even after a failure', async () => {
    const exclusive = createMutex();
    const order: string[] = [];
    const slow = exclusive(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('a');
      throw new Error('a failed');
    });
    const fast = exclusive(async () => void order.push('b'));
    await expect(slow).rejects.toThrow('a failed');
    await fast;
    expect(order).toEqual(['a', 'b']);
  });

  it('mapLimit keeps at most n running and the results in order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      running -= 1;
      return item * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('retries a failed save after 5 s doubling to 5 min, jittered', () => {
    expect(saveRetryDelay(0, () => 1)).toBe(5000);
    expect(saveRetryDelay(0, () => 0)).toBe(3750);
    expect(saveRetryDelay(3, () => 1)).toBe(40_000);
    expect(saveRetryDelay(20, () => 1)).toBe(300_000);
  });
});
