/// <reference types="office-js" />
import { AuthError } from './token-provider';

/**
 * The one module outside addin/src/excel/ that touches the `Office` global: whether the host supports
 * nested app authentication, and the Office dialog used for sign-in when it does not.
 */
export interface OfficeAuthHost {
  naaSupported(): boolean;
  /** Opens the auth page in an Office dialog; resolves with the message the page sends back. */
  openAuthDialog(url: string): Promise<string>;
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

  openAuthDialog(url) {
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
          dialog.close();
          if ('message' in arg) resolve(arg.message);
          else reject(new AuthError('FAILED', { cause: arg }));
        });
        // 12006: the user closed the dialog.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          reject(new AuthError('error' in arg && arg.error === 12006 ? 'CANCELLED' : 'FAILED', { cause: arg }));
        });
      });
    });
  },
};
