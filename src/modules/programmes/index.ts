export { programmesRoutes } from './programmes.routes';
export * as programmesService from './programmes.service';
