export { auditRoutes } from './audit.routes';
export * as auditService from './audit.service';
