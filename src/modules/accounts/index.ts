export { accountsRoutes } from './accounts.routes';
export * as accountsService from './accounts.service';
