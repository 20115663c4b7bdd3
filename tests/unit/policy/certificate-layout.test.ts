import { describe, expect, it } from 'vitest';
import { refuseCertificateLayout } from '#shared/policy/documents';
import { cases, USERS } from './users';

/** Issue 9, document 6: HR and an administrator read the certificates' layout; only an administrator saves it. */
describe("who may read and save the certificates' layout", () => {
  const read = cases({
    admin: undefined,
    hr: undefined,
    unit: 'FORBIDDEN',
    otherUnit: 'FORBIDDEN',
    secretary: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
  });
  it.each(read)('%s reads: %s', (who, expected) => expect(refuseCertificateLayout(USERS[who], 'read')).toBe(expected));

  const write = cases({
    admin: undefined,
    hr: 'FORBIDDEN',
    unit: 'FORBIDDEN',
    otherUnit: 'FORBIDDEN',
    secretary: 'FORBIDDEN',
    viewer: 'FORBIDDEN',
  });
  it.each(write)('%s saves: %s', (who, expected) => expect(refuseCertificateLayout(USERS[who], 'write')).toBe(expected));
});
