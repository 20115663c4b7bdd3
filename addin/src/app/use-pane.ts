import { useSyncExternalStore } from 'react';
import type { PaneState, PaneStore } from './controller';

/** The controller's state as React state: re-renders on every change. */
export function usePaneController(store: PaneStore): PaneState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
