import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import de from './de.json';
import en from './en.json';
import type { Lang } from '../lib/format';

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
  resources: { de: { translation: de }, en: { translation: en } },
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
