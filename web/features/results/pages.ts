// The results feature's pages, loaded on demand as one chunk.
export { DecisionSupportPage } from './DecisionSupportPage';
export { ResultsPage } from './ResultsPage';
