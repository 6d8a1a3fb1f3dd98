import type { RoleName } from '../schema/accounts';

/** Shared by every demo account; printed at start and in the README. Never use it in production. */
export const DEMO_PASSWORD = 'stadtnetz-demo';

export interface DemoUser {
  email: string;
  displayName: string;
  isAdmin: boolean;
  role: RoleName | null;
  /** A round slug, or null for a programme-wide grant. */
  round: string | null;
  startPage: string;
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@stadtnetz.example', displayName: 'Alex Admin', isAdmin: true, role: null, round: null, startPage: '/admin' },
  { email: 'programm@stadtnetz.example', displayName: 'Paula Programmleitung', isAdmin: false, role: 'programme_admin', round: null, startPage: '/office' },
  { email: 'referat@stadtnetz.example', displayName: 'Carlos Sachbearbeitung', isAdmin: false, role: 'case_officer', round: null, startPage: '/office' },
  { email: 'gutachterin@stadtnetz.example', displayName: 'Dr. Rita Gutachterin', isAdmin: false, role: 'reviewer', round: '2020', startPage: '/review' },
  { email: 'jury@stadtnetz.example', displayName: 'Prof. Jan Jurymitglied', isAdmin: false, role: 'jury_member', round: '2020', startPage: '/jury' },
  { email: 'jury-vorsitz@stadtnetz.example', displayName: 'Johanna Juryvorsitz', isAdmin: false, role: 'jury_chair', round: '2020', startPage: '/jury' },
  { email: 'kommune@stadtnetz.example', displayName: 'Anna Antragstellerin', isAdmin: false, role: 'applicant', round: null, startPage: '/apply' },
  { email: 'projekt@stadtnetz.example', displayName: 'Peter Projektleitung', isAdmin: false, role: 'project_lead', round: null, startPage: '/projects' },
];
