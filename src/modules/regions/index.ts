export { regionsRoutes } from './regions.routes';
export * as regionsService from './regions.service';
