import { z } from 'zod';
import { CertificateLayout } from '#shared/documents/certificate-layout';

/**
 * The office's certificate layout as stored with its settings: version 0 is the default, never saved.
 * A save names the version its editor read, so that two administrators cannot overwrite each other.
 */
export const StoredCertificateLayout = z.strictObject({
  layout: CertificateLayout,
  version: z.int().min(0),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});
export type StoredCertificateLayout = z.infer<typeof StoredCertificateLayout>;

export const CertificateLayoutUpdate = z.strictObject({ layout: CertificateLayout, version: z.int().min(0) });
export type CertificateLayoutUpdate = z.infer<typeof CertificateLayoutUpdate>;
