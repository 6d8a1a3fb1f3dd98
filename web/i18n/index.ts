import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import de from './de.json';
import { withParts, type Messages } from './merge';
import type { Lang } from '../lib/format';

const germanParts = import.meta.glob<Messages>('./parts/*.de.json', { eager: true, import: 'default' });

export const languages: readonly Lang[] = ['de', 'en'];
/**
 * The chosen language lives in a cookie, not in localStorage: the server reads it too (a reader
 * of English gets no German prerendered page, src/server/prerender.ts), and a phone opens its
 * localStorage only slowly, in the middle of the app's start.
 */
export const languageCookie = 'stadtnetz_lang';

function storedLanguage(): Lang {
  if (typeof document === 'undefined') return 'de'; // prerendering on the server, always in German
  const match = new RegExp(`(?:^|; )${languageCookie}=(de|en)(?:;|$)`).exec(document.cookie);
  return (match?.[1] as Lang | undefined) ?? 'de';
}

/** <html lang> must always name the language on screen, for screen readers and hyphenation. */
function showLanguage(lang: string): void {
  if (typeof document !== 'undefined' && document.documentElement.lang !== lang) document.documentElement.lang = lang;
}

function rememberLanguage(lang: string): void {
  document.cookie = `${languageCookie}=${lang}; path=/; max-age=31536000; samesite=lax`;
}

let started: Promise<void> | null = null;

/**
 * Sets i18next up with the German texts and the remembered language, once; resolves when that
 * language's texts are in place, so the first paint is in it. Called by the app's start (a step of
 * its own, see start-app.tsx) and by the server's prerender, not when this module loads.
 */
export function startI18n(): Promise<void> {
  started ??= (() => {
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
    showLanguage(i18n.language);
    i18n.on('languageChanged', (lang) => {
      showLanguage(lang);
      rememberLanguage(lang);
    });
    return remembered === 'de' ? Promise.resolve() : switchLanguage(remembered);
  })();
  return started;
}

/** Switches the UI language, fetching its texts first if they are not there yet. */
export async function switchLanguage(lang: Lang): Promise<void> {
  if (!i18n.hasResourceBundle(lang, 'translation')) {
    const { english } = await import('./english');
    i18n.addResourceBundle('en', 'translation', english);
  }
  await i18n.changeLanguage(lang);
}

export default i18n;

/** The current UI language, narrowed to the two the app speaks. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'de';
}
