/// <reference types="office-js" />
import { AuthError } from './token-provider';

/**
 * The one module outside addin/src/excel/ that touches the `Office` global: whether the host supports
 * nested app authentication, the Office dialog the pane signs in through, and, on the sign-in page
 * inside that dialog, the message back to the pane.
 */
export interface OfficeAuthHost {
  naaSupported(): boolean;
  /**
   * Opens the auth page in an Office dialog; resolves with the first message the page sends back from
   * `origin` (when given). A message from any other origin is ignored, the dialog left open: only the
   * pane's own sign-in page may answer. Hosts without DialogOrigin 1.1 give no origin; Office only
   * lets pages of the add-in's domains message it there, and the pane checks the state it sent.
   */
  openAuthDialog(url: string, options?: { origin?: string }): Promise<string>;
}

const hasOffice = () => typeof Office !== 'undefined' && !!Office.context;

export const officeAuthHost: OfficeAuthHost = {
  naaSupported() {
    try {
      return hasOffice() && Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
    } catch {
      return false;
    }
  },

  openAuthDialog(url, options = {}) {
    return new Promise<string>((resolve, reject) => {
      if (!hasOffice()) {
        reject(new AuthError('FAILED'));
        return;
      }
      Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new AuthError('FAILED', { cause: opened.error }));
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          if (!('message' in arg)) {
            dialog.close();
            reject(new AuthError('FAILED', { cause: arg }));
            return;
          }
          if (options.origin && arg.origin !== undefined && arg.origin !== options.origin) {
            console.warn(`thidua: ignored a sign-in message from ${arg.origin}`);
            return;
          }
          dialog.close();
          resolve(arg.message);
        });
        // 12006: the user closed the dialog.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          reject(new AuthError('error' in arg && arg.error === 12006 ? 'CANCELLED' : 'FAILED', { cause: arg }));
        });
      });
    });
  },
};

/** The sign-in page's side of the dialog: Office ready, then one message to the pane. */
export const officeDialogPage = {
  /** Resolves once Office.js is ready in the dialog; false when the page is not in an Office dialog. */
  async ready(): Promise<boolean> {
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
    await Office.onReady();
    return typeof Office.context?.ui?.messageParent === 'function';
  },

  /** Sends the pane `message`, for `targetOrigin` only where the host can restrict it (DialogOrigin 1.1). */
  messageParent(message: string, targetOrigin: string): void {
    const restricted = Office.context.requirements.isSetSupported('DialogOrigin', '1.1');
    if (restricted) Office.context.ui.messageParent(message, { targetOrigin });
    else Office.context.ui.messageParent(message);
  },
};
