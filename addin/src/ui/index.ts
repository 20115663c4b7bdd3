/** The pane's React tree as the boot (main.tsx) and the component tests mount it. */
export { App, themeFromOffice, type AppProps } from './App';
export { CouncilPanel } from './CouncilPanel';
export { DocumentsPanel } from './DocumentsPanel';
export { FilesPanel } from './FilesPanel';
export { RegisterPanel } from './RegisterPanel';
export { LanguageProvider } from './i18n';
