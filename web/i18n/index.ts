import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import de from './de.json';
import en from './en.json';
import type { Lang } from '../lib/format';

type Messages = Record<string, unknown>;

/**
 * Features keep their texts beside the shared ones in `parts/<feature>.<lang>.json`, each file
 * holding its own top-level keys, so that parallel work on features never edits one file.
 */
const parts = import.meta.glob<Messages>('./parts/*.json', { eager: true, import: 'default' });

function withParts(lang: Lang, base: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [path, messages] of Object.entries(parts)) {
    if (!path.endsWith(`.${lang}.json`)) continue;
    for (const key of Object.keys(messages)) {
      if (key in merged) throw new Error(`${path} redefines the translation key "${key}"`);
    }
    Object.assign(merged, messages);
  }
  return merged;
}

export const languages: readonly Lang[] = ['de', 'en'];
const storageKey = 'stadtnetz.lang';

function storedLanguage(): Lang {
  try {
    const v = window.localStorage.getItem(storageKey);
    return v === 'en' || v === 'de' ? v : 'de';
  } catch {
    return 'de';
  }
}

/** <html lang> must always name the language on screen, for screen readers and hyphenation. */
function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // Private modes may refuse storage; the switch still works for this visit.
  }
}

void i18n.use(initReactI18next).init({
  resources: { de: { translation: withParts('de', de) }, en: { translation: withParts('en', en) } },
  lng: storedLanguage(),
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export default i18n;

/** The current UI language, narrowed to the two the app speaks. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'de';
}
