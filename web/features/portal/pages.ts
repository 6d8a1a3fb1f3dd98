// The public portal's pages, loaded on demand as one chunk.
export { OpenDataPage } from './OpenDataPage';
export { PortalHomePage } from './PortalHomePage';
export { ProjectsPage } from './ProjectsPage';
export { PublicProjectPage } from './PublicProjectPage';
export { SearchPage } from './SearchPage';
export { StatisticsPage } from './StatisticsPage';
