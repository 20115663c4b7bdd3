import { describe, expect, it } from 'vitest';
import { makeIssue } from '#shared/issues';
import { NOMINATION_FIELDS, type NominationField, type NominationFields } from '#shared/nomination';
import {
  listed,
  mayChangeField,
  mayListDeleted,
  mayRead,
  mayWriteNominations,
  refuseChange,
  refuseDelete,
  refuseListing,
  refuseRecordDecision,
  refuseUnseenChange,
  reportFor,
  statusActionsFor,
  submitsWith,
} from '#shared/policy/nominations';
import type { ValidationReport } from '#shared/rules/index';
import { NominationStatus } from '#shared/status';
import { nominateIndividual, saved, staffOf } from '#tests/support/nomination';
import { cases, OTHER, OWN, USERS, type PerUser } from './users';

/** A nomination of the own unit, in the status a case needs. */
const ofOwnUnit = (status: NominationFields['status'], extra: Partial<NominationFields> = {}): NominationFields =>
  nominateIndividual(staffOf(OWN)[0]!, { status, ...extra });

type Refusal = string | undefined;
const ALL_MAY: PerUser<Refusal> = {
  admin: undefined,
  hr: undefined,
  unit: undefined,
  otherUnit: undefined,
  secretary: undefined,
  viewer: undefined,
};

describe('reading and listing nominations', () => {
  const HELD_BY_UNIT = ['draft', 'submitted', 'returned'];
  for (const status of NominationStatus.options) {
    const ownSees = HELD_BY_UNIT.includes(status);
    it.each(cases({ admin: true, hr: true, unit: ownSees, otherUnit: false, secretary: true, viewer: true }))(
      `a ${status} nomination of the own unit: %s reads it: %s`,
      (who, may) => {
        expect(mayRead(USERS[who], ofOwnUnit(status))).toBe(may);
      },
    );
  }

  it.each(cases<Refusal>({ ...ALL_MAY, otherUnit: 'FORBIDDEN_UNIT' }))('filtering on the own unit: %s → %s', (who, refusal) => {
    expect(refuseListing(USERS[who], { unitId: OWN })).toBe(refusal);
  });

  it.each(cases<Refusal>(ALL_MAY))('no unit filter: %s → %s', (who, refusal) => {
    expect(refuseListing(USERS[who], {})).toBe(refusal);
  });

  it.each(cases({ admin: true, hr: true, unit: false, otherUnit: false, secretary: true, viewer: true }))(
    'deleted rows listed for %s: %s',
    (who, may) => {
      expect(mayListDeleted(USERS[who])).toBe(may);
    },
  );

  it('a listing keeps what the user reads and what the filters ask for', () => {
    const rows = [ofOwnUnit('submitted'), ofOwnUnit('eligible'), nominateIndividual(staffOf(OTHER)[0]!, { status: 'draft' })];
    expect(rows.filter(listed(USERS.unit, {}))).toEqual([rows[0]]);
    expect(rows.filter(listed(USERS.hr, { status: 'eligible' }))).toEqual([rows[1]]);
    expect(rows.filter(listed(USERS.hr, { unitId: OTHER }))).toEqual([rows[2]]);
  });
});

describe('seeing the findings of the validation report', () => {
  const own = saved(ofOwnUnit('submitted'));
  const ownEligible = saved(ofOwnUnit('eligible'));
  const other = saved(nominateIndividual(staffOf(OTHER)[0]!));
  const issue = (nominationId: string, severity: 'error' | 'warning') =>
    makeIssue(severity === 'error' ? 'DOSSIER_INCOMPLETE' : 'LATE_SUBMISSION', severity, { nominationId }, { missing: '', date: '' });
  const report: ValidationReport = {
    issues: [issue(own.id, 'error'), issue(own.id, 'warning'), issue(ownEligible.id, 'error'), issue(other.id, 'error')],
    quotaUsage: [],
    counts: { nominations: 3, errors: 3, warnings: 1 },
  };
  const nominations = [own, ownEligible, other];

  it.each(cases({ admin: 4, hr: 4, unit: 2, otherUnit: 1, secretary: 4, viewer: 4 }))('%s sees %s findings', (who, count) => {
    expect(reportFor(USERS[who], report, nominations).issues).toHaveLength(count);
  });

  it("a unit clerk's counts are of what it sees; quotas stay campaign-wide", () => {
    expect(reportFor(USERS.unit, report, nominations).counts).toEqual({ nominations: 1, errors: 1, warnings: 1 });
    expect(reportFor(USERS.otherUnit, report, nominations).counts).toEqual({ nominations: 1, errors: 1, warnings: 0 });
    expect(reportFor(USERS.hr, report, nominations)).toBe(report);
  });
});

describe('changing each field of a nomination', () => {
  const KIND_EDITORS: Record<string, PerUser<boolean>> = {
    content: { admin: true, hr: true, unit: true, otherUnit: true, secretary: false, viewer: false },
    status: { admin: true, hr: true, unit: true, otherUnit: true, secretary: true, viewer: false },
    returnReason: { admin: true, hr: true, unit: true, otherUnit: true, secretary: true, viewer: false },
    note: { admin: true, hr: true, unit: true, otherUnit: true, secretary: true, viewer: false },
    // The reason of an eligibility override is the administrator's alone.
    override: { admin: true, hr: false, unit: false, otherUnit: false, secretary: false, viewer: false },
  };
  for (const field of Object.keys(NOMINATION_FIELDS) as NominationField[]) {
    const kind = NOMINATION_FIELDS[field].kind;
    it.each(cases(KIND_EDITORS[kind]!))(`${field} (${kind}) may be changed by %s's role: %s`, (who, may) => {
      expect(mayChangeField(USERS[who].role, field)).toBe(may);
    });
  }

  const before = ofOwnUnit('submitted');
  const CHANGES: [string, NominationFields | undefined, NominationFields, PerUser<Refusal>][] = [
    [
      'a new draft of the own unit',
      undefined,
      ofOwnUnit('draft'),
      { admin: undefined, hr: undefined, unit: undefined, otherUnit: 'FORBIDDEN_UNIT', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' },
    ],
    [
      'the content (achievements)',
      before,
      { ...before, achievements: 'Thành tích khác' },
      { admin: undefined, hr: undefined, unit: undefined, otherUnit: 'FORBIDDEN_UNIT', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' },
    ],
    [
      'the note',
      before,
      { ...before, note: 'Ghi chú' },
      { admin: undefined, hr: undefined, unit: undefined, otherUnit: 'FORBIDDEN_UNIT', secretary: undefined, viewer: 'FORBIDDEN' },
    ],
    [
      'the return reason alone',
      before,
      { ...before, returnReason: 'Thiếu biên bản' },
      { admin: undefined, hr: undefined, unit: undefined, otherUnit: 'FORBIDDEN_UNIT', secretary: undefined, viewer: 'FORBIDDEN' },
    ],
    [
      'the status: returned, with a reason',
      before,
      { ...before, status: 'returned', returnReason: 'Thiếu biên bản' },
      {
        admin: undefined,
        hr: undefined,
        unit: 'FORBIDDEN_STATUS',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
    [
      'the status: returned, without a reason',
      before,
      { ...before, status: 'returned' },
      {
        admin: 'RETURN_REASON_MISSING',
        hr: 'RETURN_REASON_MISSING',
        unit: 'FORBIDDEN_STATUS',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
    [
      'the status: eligible (HR, or an administrator overriding findings)',
      before,
      { ...before, status: 'eligible' },
      {
        admin: undefined,
        hr: undefined,
        unit: 'FORBIDDEN_STATUS',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
    [
      'the status: draft to eligible skips a step',
      ofOwnUnit('draft'),
      ofOwnUnit('eligible'),
      {
        admin: 'INVALID_TRANSITION',
        hr: 'INVALID_TRANSITION',
        unit: 'FORBIDDEN_STATUS',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
    [
      'the status: eligible to selected (only a confirmed round decides)',
      ofOwnUnit('eligible'),
      ofOwnUnit('selected'),
      {
        admin: 'FORBIDDEN_STATUS',
        hr: 'FORBIDDEN_STATUS',
        unit: 'FORBIDDEN_UNIT',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
    [
      'the status: selected back to eligible (only an annulment of the round)',
      ofOwnUnit('selected'),
      ofOwnUnit('eligible'),
      {
        admin: 'INVALID_TRANSITION',
        hr: 'INVALID_TRANSITION',
        unit: 'FORBIDDEN_UNIT',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
    [
      'the status: not selected to selected (only a confirmed round decides)',
      ofOwnUnit('not_selected'),
      ofOwnUnit('selected'),
      {
        admin: 'FORBIDDEN_STATUS',
        hr: 'FORBIDDEN_STATUS',
        unit: 'FORBIDDEN_UNIT',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
    [
      'the status: selected to awarded',
      ofOwnUnit('selected'),
      ofOwnUnit('awarded'),
      {
        admin: undefined,
        hr: undefined,
        unit: 'FORBIDDEN_UNIT',
        otherUnit: 'FORBIDDEN_UNIT',
        secretary: 'FORBIDDEN_STATUS',
        viewer: 'FORBIDDEN',
      },
    ],
  ];
  for (const [what, from, to, expected] of CHANGES) {
    it.each(cases(expected))(`${what}: %s → %s`, (who, refusal) => {
      expect(refuseChange(USERS[who], from, to)).toBe(refusal);
    });
  }

  it('a unit clerk may not move its row to another unit', () => {
    expect(refuseChange(USERS.unit, before, { ...before, unitId: OTHER })).toBe('FORBIDDEN_UNIT');
  });

  it.each(cases({ admin: true, hr: true, unit: true, otherUnit: true, secretary: true, viewer: false }))(
    '%s writes nominations at all: %s',
    (who, may) => {
      expect(mayWriteNominations(USERS[who])).toBe(may);
    },
  );
});

describe('what the pane can tell before sending a row', () => {
  it.each(cases<Refusal>({ ...ALL_MAY, otherUnit: 'FORBIDDEN_UNIT', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' }))(
    'a new row of the own unit: %s → %s',
    (who, refusal) => {
      expect(refuseUnseenChange(USERS[who], ofOwnUnit('draft'), true)).toBe(refusal);
    },
  );

  // A changed row is judged against the stored one by the server; the pane knows only the unit.
  it.each(cases<Refusal>({ ...ALL_MAY, otherUnit: 'FORBIDDEN_UNIT' }))('a changed row of the own unit: %s → %s', (who, refusal) => {
    expect(refuseUnseenChange(USERS[who], ofOwnUnit('submitted'), false)).toBe(refusal);
  });

  it.each(
    cases({
      admin: ['return', 'eligible'],
      hr: ['return', 'eligible'],
      unit: ['submit'],
      otherUnit: ['submit'],
      secretary: [],
      viewer: [],
    }),
  )('the status actions offered to %s: %j', (who, actions) => {
    expect(statusActionsFor(USERS[who])).toEqual(actions);
  });

  it('submit takes the own draft and returned rows only', () => {
    expect(submitsWith(USERS.unit, ofOwnUnit('draft'))).toBe(true);
    expect(submitsWith(USERS.unit, ofOwnUnit('returned'))).toBe(true);
    expect(submitsWith(USERS.unit, ofOwnUnit('submitted'))).toBe(false);
    expect(submitsWith(USERS.otherUnit, ofOwnUnit('draft'))).toBe(false);
  });

  it('offers nothing to no one signed in', () => {
    expect(statusActionsFor(undefined)).toEqual([]);
  });
});

describe('deleting, restoring, and recording decisions', () => {
  it.each(cases<Refusal>({ ...ALL_MAY, secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' }))(
    'by role alone, before the row is read: %s → %s',
    (who, refusal) => {
      expect(refuseDelete(USERS[who])).toBe(refusal);
    },
  );

  it.each(cases<Refusal>({ ...ALL_MAY, otherUnit: 'FORBIDDEN_UNIT', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' }))(
    'a submitted row of the own unit: %s → %s',
    (who, refusal) => {
      expect(refuseDelete(USERS[who], ofOwnUnit('submitted'))).toBe(refusal);
    },
  );

  it.each(cases<Refusal>({ ...ALL_MAY, unit: 'FORBIDDEN_UNIT', otherUnit: 'FORBIDDEN_UNIT', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' }))(
    'an eligible row (HR holds it now): %s → %s',
    (who, refusal) => {
      expect(refuseDelete(USERS[who], ofOwnUnit('eligible'))).toBe(refusal);
    },
  );

  it.each(
    cases<Refusal>({
      admin: undefined,
      hr: undefined,
      unit: 'FORBIDDEN',
      otherUnit: 'FORBIDDEN',
      secretary: 'FORBIDDEN',
      viewer: 'FORBIDDEN',
    }),
  )('recording an award decision: %s → %s', (who, refusal) => {
    expect(refuseRecordDecision(USERS[who])).toBe(refusal);
  });
});
