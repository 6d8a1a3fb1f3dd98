/**
 * Controlled vocabularies of the standard. The category and scope lists are the ones the Go
 * parser checks every 0.x file against (additions to the lists are minor changes, so older
 * files stay valid with the newest list).
 */

export const CATEGORIES_LIST_URL =
  'https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst';
export const SCOPE_LIST_URL =
  'https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst';

export const CATEGORIES: ReadonlySet<string> = new Set([
  'accounting',
  'agile-project-management',
  'applicant-tracking',
  'application-development',
  'appointment-scheduling',
  'backup',
  'billing-and-invoicing',
  'blog',
  'budgeting',
  'business-intelligence',
  'business-process-management',
  'cad',
  'call-center-management',
  'cloud-management',
  'collaboration',
  'communications',
  'compliance-management',
  'contact-management',
  'content-management',
  'crm',
  'customer-service-and-support',
  'data-analytics',
  'data-collection',
  'data-visualization',
  'design',
  'design-system',
  'digital-asset-management',
  'digital-citizenship',
  'document-management',
  'donor-management',
  'e-commerce',
  'e-signature',
  'educational-content',
  'email-management',
  'email-marketing',
  'employee-management',
  'enterprise-project-management',
  'enterprise-social-networking',
  'erp',
  'event-management',
  'facility-management',
  'feedback-and-reviews-management',
  'financial-reporting',
  'fleet-management',
  'fundraising',
  'gamification',
  'geographic-information-systems',
  'grant-management',
  'graphic-design',
  'help-desk',
  'hr',
  'ide',
  'identity-management',
  'instant-messaging',
  'integrated-library-system',
  'inventory-management',
  'it-asset-management',
  'it-development',
  'it-management',
  'it-security',
  'it-service-management',
  'knowledge-management',
  'learning-management-system',
  'marketing',
  'mind-mapping',
  'mobile-marketing',
  'mobile-payment',
  'network-management',
  'office',
  'online-booking',
  'online-community',
  'other',
  'payment-gateway',
  'payroll',
  'predictive-analysis',
  'procurement',
  'productivity-suite',
  'project-collaboration',
  'project-management',
  'property-management',
  'real-estate-management',
  'regulations-and-directives',
  'remote-support',
  'resource-management',
  'sales-management',
  'seo',
  'service-desk',
  'social-media-management',
  'survey',
  'talent-management',
  'task-management',
  'taxes-management',
  'test-management',
  'time-management',
  'time-tracking',
  'translation',
  'video-conferencing',
  'video-editing',
  'visitor-management',
  'voip',
  'warehouse-management',
  'web-collaboration',
  'web-conferencing',
  'website-builder',
  'whistleblowing',
  'workflow-management',
]);

export const SCOPES: ReadonlySet<string> = new Set([
  'agriculture',
  'culture',
  'defence',
  'education',
  'emergency-services',
  'employment',
  'energy',
  'environment',
  'finance-and-economic-development',
  'foreign-affairs',
  'government',
  'healthcare',
  'infrastructures',
  'justice',
  'local-authorities',
  'manufacturing',
  'research',
  'science-and-technology',
  'security',
  'society',
  'sport',
  'tourism',
  'transportation',
  'welfare',
]);

export const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
] as const;
export type SoftwareType = (typeof SOFTWARE_TYPES)[number];

export const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'] as const;
export type MaintenanceType = (typeof MAINTENANCE_TYPES)[number];

/** Predefined platform values; the standard allows other human-readable values too. */
export const KNOWN_PLATFORMS = ['web', 'windows', 'mac', 'linux', 'ios', 'android'] as const;

/** Aliases usable as `supports[].id` (`alias:gdpr`), from the standard's list of aliases (v0.7). */
export const SUPPORTS_ALIASES: ReadonlySet<string> = new Set([
  'gdpr',
  'eidas',
  'nis2',
  'cra',
  'spid',
  'cie',
  'anpr',
  'pagopa',
  'io',
]);

export const ITALIAN_EXTENSION_VERSIONS = ['0.2', '1.0'] as const;

/** Go parser wording for enumerations: `"a", "b" or "c"`. */
export function formatChoices(choices: readonly string[]): string {
  const quoted = choices.map((choice) => `"${choice}"`);
  if (quoted.length < 2) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
