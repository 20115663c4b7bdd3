import type { UserFields } from '#shared/org';
import { personSheet, unitSheet, userSheet, type PersonInput, type UnitInput } from '#shared/sheet/org-columns';
import type { OrgSheetContext, OrgSheetSchema } from '#shared/sheet/org-sheet';
import type { ApiClient, OrgRows, OrgSheetId } from '#addin/api/index';

/**
 * Each org sheet as the pane handles it: its column schema, how its records are listed, how a row read
 * becomes the request's row, and how its codes compare (e-mails whatever their case).
 */
export interface OrgSheetKind<K extends OrgSheetId = OrgSheetId> {
  schema(ctx: OrgSheetContext): OrgSheetSchema<unknown, unknown>;
  list(api: ApiClient, ctx: OrgSheetContext): Promise<unknown[]>;
  row(rowKey: string, fields: unknown, version: number | undefined): OrgRows[K];
  code(id: string): string;
}

const same = (id: string) => id;
const withVersion = (version: number | undefined) => (version ? { version } : {});

export const ORG_SHEETS: { [K in OrgSheetId]: OrgSheetKind<K> } = {
  units: {
    schema: (ctx) => unitSheet(ctx) as OrgSheetSchema<unknown, unknown>,
    list: async (_api, ctx) => [...ctx.units],
    row: (rowKey, fields, version) => ({ rowKey, ...withVersion(version), unit: fields as UnitInput }),
    code: same,
  },
  people: {
    schema: (ctx) => personSheet(ctx) as OrgSheetSchema<unknown, unknown>,
    list: (api) => api.people(),
    row: (rowKey, fields, version) => ({ rowKey, ...withVersion(version), person: fields as PersonInput }),
    code: same,
  },
  users: {
    schema: (ctx) => userSheet(ctx) as OrgSheetSchema<unknown, unknown>,
    list: (api) => api.users(),
    row: (rowKey, fields, version) => ({ rowKey, ...withVersion(version), user: fields as UserFields }),
    code: (id) => id.toLowerCase(),
  },
};
