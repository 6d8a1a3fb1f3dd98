export { catalogueRoutes } from './catalogue.routes';
export * as catalogueService from './catalogue.service';
