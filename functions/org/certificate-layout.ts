import { CertificateLayoutUpdate, type StoredCertificateLayout } from '#shared/api/office';
import { CertificateLayout, DEFAULT_CERTIFICATE_LAYOUT, fieldsOutsidePage } from '#shared/documents/certificate-layout';
import { refuseCertificateLayout } from '#shared/policy/documents';
import { allowedUser, refuseIf } from '#functions/http/auth';
import { parseBody } from '#functions/http/request';
import { json } from '#functions/http/respond';
import type { RouteAction } from '#functions/http/router';
import { db, type Db } from '#functions/store/client';
import { getOfficeSetting, putOfficeSetting, type StoredSetting } from '#functions/store/office-settings';

const SETTING = 'certificate-layout';

function answer(stored: StoredSetting<CertificateLayout>): StoredCertificateLayout {
  const { value, version, updatedAt, updatedBy } = stored;
  return { layout: value, version, ...(updatedAt ? { updatedAt } : {}), ...(updatedBy ? { updatedBy } : {}) };
}

/** The office's layout of the Giấy khen on its blank, or the default (version 0) until one is saved. */
export async function readCertificateLayout(store: Db): Promise<StoredCertificateLayout> {
  const stored = await getOfficeSetting(store, SETTING, CertificateLayout);
  return stored ? answer(stored) : { layout: DEFAULT_CERTIFICATE_LAYOUT, version: 0 };
}

/**
 * The office's settings routes of the org group, kept out of its entry (which holds the registry's):
 * the layout is read by HR and an administrator, saved by an administrator over the version read,
 * refused while a field would print off the page.
 */
export const CERTIFICATE_LAYOUT_ROUTES: Record<string, RouteAction> = {
  'GET /office/certificate-layout': async (event) => {
    await allowedUser(event, (user) => refuseCertificateLayout(user, 'read'));
    return json(event, 200, await readCertificateLayout(db()));
  },
  'PUT /office/certificate-layout': async (event) => {
    const user = await allowedUser(event, (u) => refuseCertificateLayout(u, 'write'));
    const { layout, version } = parseBody(event, CertificateLayoutUpdate);
    const outside = fieldsOutsidePage(layout);
    refuseIf(outside.length > 0 ? 'CERTIFICATE_FIELD_OUTSIDE_PAGE' : undefined, { fields: outside });
    return json(event, 200, answer(await putOfficeSetting(db(), SETTING, layout, version, user.email)));
  },
};
