import type { Role, User } from '#shared/org';
import { unlessRole, type Refusal } from './roles';

/** The office's documents a user may generate. */
export type DocumentAction = 'generateDecision';

/**
 * The award decision is the office's paperwork: HR drafts it, an administrator may. A unit clerk
 * generates nothing of the office's; the council's secretary writes the council's own minutes (later).
 */
const DOCUMENT_ROLES: Record<DocumentAction, readonly Role[]> = {
  generateDecision: ['hr', 'admin'],
};

export function refuseDocument(user: Pick<User, 'role'>, action: DocumentAction): Refusal {
  return unlessRole(user, DOCUMENT_ROLES[action]);
}
