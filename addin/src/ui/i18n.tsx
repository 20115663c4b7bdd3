import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Language, type Localized, type Translate } from '#addin/i18n/index';

const LanguageContext = createContext<Language>('vi');

export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** `t(key, params)` in the pane's language. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translator(language), [language]);
}

/** Picks the pane's language out of a text given in both. */
export function useLocalized(): (text: Localized) => string {
  const language = useLanguage();
  return (text) => text[language];
}
