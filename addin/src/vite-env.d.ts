/// <reference types="vite/client" />

/** Build-time settings of a production build (npm run build); a config.json next to taskpane.html overrides them. */
interface ImportMetaEnv {
  /** The HTTP API's base URL, e.g. https://abc123.execute-api.ap-southeast-1.amazonaws.com (default /api). */
  readonly VITE_THIDUA_API_URL?: string;
  /** The OpenID Connect issuer the pane signs in with through Office's dialog (Cognito, Entra ID v2.0, an SSO). */
  readonly VITE_THIDUA_ISSUER?: string;
  /** The pane's client at the issuer, or the add-in's Microsoft Entra app registration (application/client ID). */
  readonly VITE_THIDUA_CLIENT_ID?: string;
  /** e.g. https://login.microsoftonline.com/<tenant-id> */
  readonly VITE_THIDUA_AUTHORITY?: string;
  /** The API's scopes, space- or comma-separated, e.g. api://<api-app-id>/access_as_user */
  readonly VITE_THIDUA_API_SCOPES?: string;
  /** The sign-in page for hosts without nested app authentication (an Office dialog). */
  readonly VITE_THIDUA_AUTH_DIALOG_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
