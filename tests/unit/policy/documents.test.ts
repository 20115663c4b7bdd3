import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_LIST, DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import { Role } from '#shared/org';
import { documentsFor, refuseDocument } from '#shared/policy/documents';

/** Issue 9: HR and admin generate the office's documents; the secretary the council's minutes; nobody else anything. */
describe('who generates which document', () => {
  const expected: Record<Role, readonly DocumentKind[]> = {
    admin: DOCUMENT_KIND_LIST,
    hr: DOCUMENT_KIND_LIST,
    secretary: DOCUMENT_KIND_LIST.filter((kind) => DOCUMENT_KINDS[kind].council),
    unit: [],
    viewer: [],
  };
  for (const role of Role.options)
    it(`${role}`, () => {
      expect(documentsFor({ role })).toEqual(expected[role]);
      for (const kind of DOCUMENT_KIND_LIST)
        expect(refuseDocument({ role }, kind)).toBe(expected[role].includes(kind) ? undefined : 'FORBIDDEN');
    });

  it('the secretary writes the minutes, the round’s and the meeting’s, and nothing of the office’s', () => {
    expect(documentsFor({ role: 'secretary' })).toEqual(['bien-ban-hop', 'bien-ban-kiem-phieu']);
  });
});
