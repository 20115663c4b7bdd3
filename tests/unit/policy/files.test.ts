import { describe, expect, it } from 'vitest';
import type { Role, User } from '#shared/org';
import { CAMPAIGN_STAGES } from '#shared/campaign-stage';
import { refuseFileChanges, refuseFiles } from '#shared/policy/files';
import type { NominationStatus } from '#shared/status';

// Issue 11: a unit clerk reaches only its own unit's files; HR and admin all; secretary and viewer read only.
const user = (role: Role, unitId?: string): User => ({ email: `${role}@thidua.local`, role, ...(unitId ? { unitId } : {}) }) as User;
const nomination = (unitId: string, status: NominationStatus = 'draft', deletedAt?: string) => ({
  unitId,
  status,
  ...(deletedAt ? { deletedAt } : {}),
});

describe("who reaches a nomination's files", () => {
  it.each<[Role, 'read' | 'write', string | undefined]>([
    ['admin', 'read', undefined],
    ['admin', 'write', undefined],
    ['hr', 'read', undefined],
    ['hr', 'write', undefined],
    ['secretary', 'read', undefined],
    ['secretary', 'write', 'FORBIDDEN'],
    ['viewer', 'read', undefined],
    ['viewer', 'write', 'FORBIDDEN'],
  ])("%s may %s any unit's files: %s", (role, action, refusal) => {
    expect(refuseFiles(user(role), nomination('kinh-te', 'eligible'), action)).toBe(refusal);
  });

  it("a unit clerk reads and writes its own unit's files while the unit holds the nomination", () => {
    const clerk = user('unit', 'kinh-te');
    for (const status of ['draft', 'submitted', 'returned'] as const) {
      expect(refuseFiles(clerk, nomination('kinh-te', status), 'read')).toBeUndefined();
      expect(refuseFiles(clerk, nomination('kinh-te', status), 'write')).toBeUndefined();
    }
    expect(refuseFiles(clerk, nomination('kinh-te', 'eligible'), 'read')).toBe('FILES_TAKEN_OVER');
  });

  it("a unit clerk is refused another unit's files", () => {
    expect(refuseFiles(user('unit', 'kinh-te'), nomination('tong-hop'), 'read')).toBe('FORBIDDEN_UNIT');
    expect(refuseFiles(user('unit', 'kinh-te'), nomination('tong-hop'), 'write')).toBe('FORBIDDEN_UNIT');
  });

  it("a deleted nomination's files are read, never changed", () => {
    expect(refuseFiles(user('hr'), nomination('kinh-te', 'draft', '2025-09-01T00:00:00Z'), 'read')).toBeUndefined();
    expect(refuseFiles(user('hr'), nomination('kinh-te', 'draft', '2025-09-01T00:00:00Z'), 'write')).toBe('NOMINATION_NOT_FOUND');
  });
});

/**
 * Changing files, role × stage (columns: draft, open, closed, under_review, decided, archived):
 * '.' allowed, X FORBIDDEN (the role never changes files), N CAMPAIGN_NOT_OPEN, S SUBMISSIONS_CLOSED,
 * A CAMPAIGN_ARCHIVED. A closed campaign that refuses late dossiers refuses a clerk's scans too.
 */
const CODES = { '.': undefined, X: 'FORBIDDEN', N: 'CAMPAIGN_NOT_OPEN', S: 'SUBMISSIONS_CLOSED', A: 'CAMPAIGN_ARCHIVED' } as const;
const CHANGES: Record<Role, { flag: string; refuse: string }> = {
  admin: { flag: 'N....A', refuse: 'N....A' },
  hr: { flag: 'N....A', refuse: 'N....A' },
  secretary: { flag: 'XXXXXX', refuse: 'XXXXXX' },
  unit: { flag: 'N..SSA', refuse: 'N.SSSA' },
  viewer: { flag: 'XXXXXX', refuse: 'XXXXXX' },
};

describe("who may change a campaign's files in each stage", () => {
  for (const [role, rows] of Object.entries(CHANGES) as [Role, { flag: string; refuse: string }][])
    for (const late of ['flag', 'refuse'] as const)
      it(`${role}, late dossiers ${late}: ${rows[late]}`, () => {
        const got = CAMPAIGN_STAGES.map((stage) =>
          refuseFileChanges({ role }, { stage, lateSubmissions: late, submissionDeadline: '2025-09-30' }),
        );
        expect(got).toEqual([...rows[late]].map((mark) => CODES[mark as keyof typeof CODES]));
      });
});
