/**
 * The pane's root component for the boot file (main.tsx):
 *
 *   <App controller={createPane({ gateway, api, tokens, storage: localStorage })} theme="light" />
 *
 * `theme` is Office's light/dark as the boot reads it (see `themeFromOffice` for
 * Office.context.officeTheme); pass `readTheme` instead to have it read at each render. The App wraps
 * everything in Fluent UI's FluentProvider with webLightTheme or webDarkTheme.
 */
import { FluentProvider } from '@fluentui/react-components';
import type { PaneStore } from '#addin/app/controller';
import { usePaneController } from '#addin/app/use-pane';
import { Pane } from './Pane';
import { fluentTheme, type PaneTheme } from './theme';

export interface AppProps {
  controller: PaneStore;
  theme?: PaneTheme;
  /** A tiny injected reader of Office's theme, called at each render (instead of `theme`). */
  readTheme?: () => PaneTheme;
}

export function App({ controller, theme, readTheme }: AppProps) {
  const state = usePaneController(controller);
  const chosen = readTheme?.() ?? theme ?? 'light';
  return (
    <FluentProvider theme={fluentTheme(chosen)} lang={state.language}>
      <Pane state={state} actions={controller.actions} />
    </FluentProvider>
  );
}

export { themeFromOffice, type OfficeThemeColors, type PaneTheme } from './theme';
