import { localized } from '#addin/i18n/index';
import { isApiRequestError } from '#addin/api/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { mayEditCertificateOffsets } from './documents';

/**
 * The offsets of the Giấy khen on the office's blank, from the pane: after a test print held over a
 * blank, an administrator moves every field by dx, dy (mm). The layout is read with its version and
 * saved over it, so that a colleague's save in between is a conflict (and the layout is read again),
 * never overwritten; the server checks that every field stays on the page.
 */
export function createCertificateOffsets(core: PaneCore) {
  const { api, store } = core;
  const allowed = () => mayEditCertificateOffsets(store.state.user);

  async function open(): Promise<void> {
    if (!allowed()) return;
    await core.track(
      (async () => {
        try {
          store.set({ certificateLayout: await api.certificateLayout() });
        } catch (error) {
          core.fail(error);
        }
      })(),
    );
  }

  async function save(dx: number, dy: number): Promise<void> {
    const current = store.state.certificateLayout;
    if (!allowed() || !current) return;
    await core.track(
      (async () => {
        store.set({ busy: true, error: undefined, notice: undefined });
        try {
          const layout = { ...current.layout, offsetMm: { dx, dy } };
          store.set({ certificateLayout: await api.saveCertificateLayout({ layout, version: current.version }) });
          store.set({ notice: localized('certificates.saved', { dx, dy }) });
        } catch (error) {
          core.fail(error);
          // Another administrator saved since: show the offsets now in force, to correct from them.
          if (isApiRequestError(error) && error.code === 'VERSION_CONFLICT') {
            await api.certificateLayout().then((fresh) => store.set({ certificateLayout: fresh }), core.fail);
          }
        } finally {
          store.set({ busy: false });
        }
      })(),
    );
  }

  return { open, save };
}
