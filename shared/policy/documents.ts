import { DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import type { Role, User } from '#shared/org';
import { unlessRole, type Refusal } from './roles';

/**
 * The office's paperwork is HR's to draft, and an administrator's; the council's minutes are also its
 * secretary's. A unit clerk and a viewer generate nothing of the office's.
 */
const OFFICE_ROLES: readonly Role[] = ['hr', 'admin'];
const COUNCIL_ROLES: readonly Role[] = ['hr', 'admin', 'secretary'];

export function refuseDocument(user: Pick<User, 'role'>, kind: DocumentKind): Refusal {
  return unlessRole(user, DOCUMENT_KINDS[kind].council ? COUNCIL_ROLES : OFFICE_ROLES);
}

/** The documents this user may generate, in the campaign's order: what the pane offers. */
export function documentsFor(user: Pick<User, 'role'>): DocumentKind[] {
  return (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).filter((kind) => !refuseDocument(user, kind));
}

/** Issuing records the signed decision and awards its nominations: the office's, HR's or an administrator's. */
export function refuseIssueDocument(user: Pick<User, 'role'>, kind: DocumentKind): Refusal {
  return unlessRole(user, OFFICE_ROLES) ?? (DOCUMENT_KINDS[kind].issuable ? undefined : 'DOCUMENT_NOT_ISSUABLE');
}

/** The campaign's record of generated documents: whoever generates any of them reads it. */
export function refuseListDocuments(user: Pick<User, 'role'>): Refusal {
  return documentsFor(user).length > 0 ? undefined : 'FORBIDDEN';
}

/**
 * The certificates' layout on the office's blank: HR reads it (it prints the certificates); only an
 * administrator changes it, after a test print, since every certificate of the office moves with it.
 */
export function refuseCertificateLayout(user: Pick<User, 'role'>, action: 'read' | 'write'): Refusal {
  return unlessRole(user, action === 'read' ? OFFICE_ROLES : ['admin']);
}
