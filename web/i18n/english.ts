import en from './en.json';
import { withParts, type Messages } from './merge';

// A chunk of its own: German pages never download the English texts.
const parts = import.meta.glob<Messages>('./parts/*.en.json', { eager: true, import: 'default' });

export const english: Messages = withParts(en, parts);
