import { describe, expect, it } from 'vitest';
import { RULE_MESSAGES } from '#shared/messages';
import { en } from '#addin/i18n/en';
import { formatDate, formatNumber, loadLanguage, localized, saveLanguage, translate } from '#addin/i18n/index';
import { vi as viCatalog } from '#addin/i18n/vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  it('English has every Vietnamese key, with the same placeholders, and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(viCatalog).sort());
    for (const [key, text] of Object.entries(viCatalog)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('names every rule of the plan', () => {
    for (const code of Object.keys(RULE_MESSAGES)) expect(translate('vi', `rule.${code}` as never)).not.toBe(`rule.${code}`);
  });

  it('fills params, numbers the Vietnamese way', () => {
    expect(translate('vi', 'save.unsaved', { n: 1234 })).toBe('1.234 dòng chưa lưu');
    expect(translate('en', 'save.unsaved', { n: 3 })).toBe('Unsaved rows: 3');
    expect(localized('notice.deleteFailed', { n: 2 }, { message: { vi: 'Lỗi', en: 'Error' } })).toEqual({
      vi: 'Chưa xoá được 2 đề nghị trên máy chủ: Lỗi',
      en: 'Could not delete 2 nomination(s) on the server: Error',
    });
    expect(formatNumber(7500)).toBe('7.500');
    expect(formatDate('2025-09-30')).toBe('30/09/2025');
  });

  it('Vietnamese by default; the switch is remembered', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
    expect(loadLanguage(storage)).toBe('vi');
    saveLanguage(storage, 'en');
    expect(loadLanguage(storage)).toBe('en');
    items.set('thidua.language', 'fr');
    expect(loadLanguage(storage)).toBe('vi');
    expect(loadLanguage(undefined)).toBe('vi');
  });
});
