/** The public portal: a read model over published facts (funded projects, statistics, open data). */
export { portalRoutes } from './portal.routes';
export * as portalService from './portal.service';
