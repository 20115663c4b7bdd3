/**
 * The pane's texts (Vietnamese by default, English as the option) and vi-VN formatting.
 * `translate(language, key, params)` is plain TS for the controller; components use `useT()` from ui/.
 */
import type { Language, Localized } from '#shared/localized';
import { formatDateVi } from '#shared/dates';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { Language, Localized, MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
const CATALOGS: Record<Language, Record<MessageKey, string>> = { vi, en };

const numberFormat = new Intl.NumberFormat('vi-VN');

function fill(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return fill(CATALOGS[language][key] ?? CATALOGS.vi[key] ?? key, params);
}

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

/** Both languages of one text (what the state carries, so that the switch re-renders it); a param may differ by language. */
export function localized(key: MessageKey, params: MessageParams = {}, byLanguage: Record<string, Localized> = {}): Localized {
  const resolve = (language: Language) => ({
    ...params,
    ...Object.fromEntries(Object.entries(byLanguage).map(([name, text]) => [name, text[language]])),
  });
  return { vi: translate('vi', key, resolve('vi')), en: translate('en', key, resolve('en')) };
}

/** Numbers as the office writes them (1.234), in both languages: the office's convention. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A percentage in the pane's language (66,67% / 66.67%): two places unless whole. */
export function formatPercent(percent: number, language: Language): string {
  const text = Number.isInteger(percent) ? String(percent) : percent.toFixed(2);
  return `${language === 'vi' ? text.replace('.', ',') : text}%`;
}

/** Dates as dd/MM/yyyy, whatever the language. */
export function formatDate(iso: string): string {
  return formatDateVi(iso.slice(0, 10));
}

/** A time of day (HH:mm) in Vietnam's time zone, for "saved at". */
export function formatTime(at: Date): string {
  return new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
}

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

export const LANGUAGE_STORAGE_KEY = 'thidua.language';

/** The language saved by the switch, or Vietnamese. */
export function loadLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  try {
    const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function saveLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be disabled (private mode): the switch still works for this session.
  }
}
