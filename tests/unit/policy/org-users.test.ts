import { describe, expect, it } from 'vitest';
import { orgSheetAccess, refuseOrg, refuseUserChanges } from '#shared/policy/org';
import { planPeopleRemoval, planPeopleSave } from '#shared/registry/people-plan';
import { planUnitsSave } from '#shared/registry/units-plan';
import { personIdentity, type Person } from '#shared/org';

const actor = { email: 'a@x.vn' };

describe('who may change users', () => {
  it('refuses taking away one’s own admin role, whatever the count', () => {
    const refusals = refuseUserChanges(actor, [{ email: 'A@x.vn', before: { role: 'admin' }, after: { role: 'hr' } }], 5);
    expect(refusals.get('A@x.vn')).toBe('OWN_ADMIN_ROLE');
  });

  it('refuses every demotion that would leave no admin, and allows it when one is promoted in the same save', () => {
    const demoteB = { email: 'b@x.vn', before: { role: 'admin' as const }, after: { role: 'viewer' as const } };
    const removeC = { email: 'c@x.vn', before: { role: 'admin' as const } };
    expect([...refuseUserChanges(actor, [demoteB, removeC], 2)]).toEqual([
      ['b@x.vn', 'LAST_ADMIN'],
      ['c@x.vn', 'LAST_ADMIN'],
    ]);
    expect(refuseUserChanges(actor, [demoteB, removeC], 3).size).toBe(0);
    expect(refuseUserChanges(actor, [demoteB, removeC, { email: 'd@x.vn', after: { role: 'admin' } }], 2).size).toBe(0);
  });

  it('lets HR read the staff sheets and tells it why it may not save them', () => {
    expect(orgSheetAccess('hr')).toEqual({ units: 'read', people: 'read', users: 'none' });
    expect(orgSheetAccess('unit').people).toBe('none');
    expect(refuseOrg({ email: 'h@x.vn', displayName: 'H', role: 'hr' }, 'writeRegistry')).toBe('REGISTRY_READ_ONLY');
    expect(refuseOrg({ email: 'h@x.vn', displayName: 'H', role: 'secretary' }, 'writeRegistry')).toBe('FORBIDDEN');
  });
});

describe('a save of the staff', () => {
  const stored: Person = {
    id: 'cb-1',
    fullName: 'Nguyễn Văn An',
    unitId: 'kt',
    underDiscipline: false,
    birthDate: '1990-01-02',
    version: 3,
  };
  let n = 0;
  const newId = () => `new-${++n}`;
  const base = { stored: new Map([[stored.id, stored]]), unitIds: new Set(['kt']), newId };
  const identities = new Map([[personIdentity(stored), ['cb-1']]]);

  it('refuses a pasted twin (NFC, case and spaces aside) and a second row of one code; saves the rest with new codes', () => {
    const twin = 'Nguye\u0302\u0303n  văn AN';
    const plan = planPeopleSave({
      ...base,
      identities,
      rows: [
        { rowKey: '2', person: { fullName: twin, unitId: 'kt', underDiscipline: false, birthDate: '1990-01-02' } },
        { rowKey: '3', person: { fullName: 'Lê Thị Bình', unitId: 'kt', underDiscipline: false } },
        { rowKey: '4', person: { fullName: 'Lê Thị Bình', unitId: 'kt', underDiscipline: false } },
        { rowKey: '5', version: 3, person: { ...stored, title: 'Chuyên viên' } },
        { rowKey: '6', version: 3, person: { ...stored } },
      ],
    });
    expect(plan.results.map((r) => [r.rowKey, r.outcome, r.findings[0]?.code])).toEqual([
      ['2', 'refused', 'LIKELY_DUPLICATE'],
      ['3', 'saved', undefined],
      ['4', 'refused', 'LIKELY_DUPLICATE'],
      ['5', 'saved', undefined],
      ['6', 'refused', 'DUPLICATE_CODE'],
    ]);
    expect(plan.writes.map((p) => [p.id, p.version])).toEqual([
      [expect.stringMatching(/^new-/), 1],
      ['cb-1', 4],
    ]);
  });

  it('deletes a removed person nobody nominated and marks a nominated one as having left', () => {
    const other = { ...stored, id: 'cb-2' };
    const plan = planPeopleRemoval([stored, other], new Set(['cb-2']));
    expect(plan.deletes).toEqual(['cb-1']);
    expect(plan.writes).toEqual([{ ...other, left: true, version: 4 }]);
    expect(plan.results.map((r) => r.outcome)).toEqual(['deleted', 'left']);
  });
});

describe('a save of the units', () => {
  it('refuses a parent removed in the same save', () => {
    const units = [{ id: 'a', name: 'A', isHrOffice: false, underDiscipline: false }];
    const plan = planUnitsSave(
      [{ rowKey: '2', unit: { id: 'b', name: 'B', parentId: 'a', isHrOffice: false, underDiscipline: false } }],
      units,
      ['a'],
      () => 'x',
    );
    expect(plan.results[0]!.findings[0]!.code).toBe('UNKNOWN_PARENT');
  });
});
