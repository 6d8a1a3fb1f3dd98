/**
 * Publication: decision support (the best selection within the envelope), decision letters,
 * publishing a round's results with their receipts, and checking a receipt against the chain.
 */
export { publicationRoutes } from './publication.routes';
export * as publicationService from './publication.service';
export { getDecisionSupport } from './decision-support.service';
export { getDecisionLetter } from './letters.service';
