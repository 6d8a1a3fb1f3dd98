export { organisationsRoutes } from './organisations.routes';
export * as organisationsService from './organisations.service';
