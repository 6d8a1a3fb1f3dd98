export type { Problem, ValidationResult } from './types';
export { validatePubliccode, validatePubliccodeBytes } from './validate';
export { extractCatalogueFields } from './catalogue-fields';
export type { CatalogueFields, CatalogueDescription, CatalogueMaintenance } from './catalogue-fields';
export { LATEST_VERSION, SUPPORTED_VERSION_SPELLINGS } from './versions';
