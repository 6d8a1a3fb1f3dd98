import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import de from './de.json';
import { withParts, type Messages } from './merge';
import type { Lang } from '../lib/format';

const germanParts = import.meta.glob<Messages>('./parts/*.de.json', { eager: true, import: 'default' });

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

// Read before the first applyLanguage() below stores the initial German.
const remembered = storedLanguage();

// German is the first language and comes with the app; English is loaded when it is chosen.
void i18n.use(initReactI18next).init({
  resources: { de: { translation: withParts(de, germanParts) } },
  lng: 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** Switches the UI language, fetching its texts first if they are not there yet. */
export async function switchLanguage(lang: Lang): Promise<void> {
  if (!i18n.hasResourceBundle(lang, 'translation')) {
    const { english } = await import('./english');
    i18n.addResourceBundle('en', 'translation', english);
  }
  await i18n.changeLanguage(lang);
}

/** Resolves once the remembered language's texts are in place, so the first paint is in it. */
export const languageReady: Promise<void> = remembered === 'de' ? Promise.resolve() : switchLanguage(remembered);

export default i18n;

/** The current UI language, narrowed to the two the app speaks. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'de';
}
