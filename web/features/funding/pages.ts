// The funding feature's pages, loaded on demand as one chunk.
export { BudgetPage } from './BudgetPage';
export { DisbursementQueuePage } from './DisbursementQueuePage';
export { ProjectPage } from './ProjectPage';
export { RoundGrantsPage } from './RoundGrantsPage';
