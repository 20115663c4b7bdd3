/**
 * The stand-in for Office's dialog API (Office.context.ui.displayDialogAsync). The dialog is a real
 * popup window; the page in it gets its own `Office` (office-standin.js calls attachDialog through
 * window.opener) whose messageParent raises DialogMessageReceived on the pane's Dialog, with the
 * origin of the page that sent it, as Office does from DialogOrigin 1.1. A message whose targetOrigin
 * is not the pane's is dropped, as Office drops it. Closing the popup raises DialogEventReceived 12006.
 */
export const DIALOG_EVENTS = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' } as const;

type Handler = (arg: Record<string, unknown>) => void;
type AsyncResult = { status: 'succeeded' | 'failed'; value?: unknown; error?: { code: number; message: string } };

export interface DialogStandIn {
  displayDialogAsync(url: string, options?: unknown, callback?: (result: AsyncResult) => void): void;
  /** The page in the dialog gets its Office (called by office-standin.js in the popup). */
  attach(page: Window): void;
  /** A message as if a page at `origin` in the dialog had sent it; false without an open dialog. */
  deliver(message: string, origin: string): boolean;
  /** The URLs the pane opened dialogs at. */
  readonly opened: string[];
}

export function createDialogs(): DialogStandIn {
  const opened: string[] = [];
  let current: { popup: Window; handlers: Map<string, Handler[]>; timer: ReturnType<typeof setInterval> } | undefined;

  const emit = (type: string, arg: Record<string, unknown>) => {
    for (const handler of current?.handlers.get(type) ?? []) handler({ type, ...arg });
  };
  const deliver = (message: string, origin: string) => {
    if (!current) return false;
    emit(DIALOG_EVENTS.DialogMessageReceived, { message, origin });
    return true;
  };

  return {
    opened,
    deliver,
    displayDialogAsync(url, options, callback) {
      const done = (typeof options === 'function' ? options : callback) as ((result: AsyncResult) => void) | undefined;
      const answer = (result: AsyncResult) => setTimeout(() => done?.(result), 0);
      if (current) return void answer({ status: 'failed', error: { code: 12007, message: 'A dialog is already open.' } });
      const popup = window.open(url, 'thidua-dialog', 'popup,width=480,height=640');
      if (!popup) return void answer({ status: 'failed', error: { code: 12009, message: 'The dialog was blocked.' } });
      opened.push(url);
      const handlers = new Map<string, Handler[]>();
      const timer = setInterval(() => {
        if (!popup.closed || current?.popup !== popup) return;
        emit(DIALOG_EVENTS.DialogEventReceived, { error: 12006 });
        clearInterval(timer);
        current = undefined;
      }, 100);
      current = { popup, handlers, timer };
      const dialog = {
        addEventHandler(type: string, handler: Handler) {
          handlers.set(type, [...(handlers.get(type) ?? []), handler]);
        },
        close() {
          clearInterval(timer);
          if (current?.popup === popup) current = undefined;
          popup.close();
        },
        messageChild() {},
      };
      answer({ status: 'succeeded', value: dialog });
    },
    attach(page) {
      const ready = Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
      (page as unknown as Record<string, unknown>).Office = {
        onReady: (callback?: (info: unknown) => void) => (callback ? ready.then(callback) : ready),
        context: {
          requirements: { isSetSupported: (name: string) => name === 'DialogOrigin' },
          ui: {
            messageParent(message: string, options?: { targetOrigin?: string }) {
              if (options?.targetOrigin && options.targetOrigin !== location.origin) return;
              if (current?.popup === page) deliver(message, page.location.origin);
            },
          },
        },
      };
    },
  };
}
