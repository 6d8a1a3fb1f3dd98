/**
 * The API's shapes. Where the server exports a Zod schema the types come straight from it
 * (type-only imports, erased at build time), so client and server cannot drift apart.
 */
import type { z } from 'zod';
import type { me, grant, userSummary, userInput, grantInput } from '../../src/modules/accounts/accounts.schemas';
import type {
  Programme,
  Round,
  programmeInput,
  programmeUpdate,
  budgetChangeInput,
  roundInput,
  roundUpdate,
} from '../../src/modules/programmes/programmes.schemas';
import type { Region } from '../../src/modules/regions/regions.schemas';
import type {
  Application,
  ApplicationSummary,
  Receipt,
  applicationContent,
  attachment,
  budgetLine,
  problem as eligibilityProblem,
  versionEntry,
} from '../../src/modules/applications/applications.schemas';
import type { OfficeRow } from '../../src/modules/applications/office.service';
import type { OfficeFilter } from '../../src/modules/applications/applications.queries';
import type { ApplicationStatus, FormalCheck } from '../../src/db/schema/applications';
import type {
  InvitationCreated,
  Member,
  Organisation,
  OrganisationListItem,
  OrganisationRegion,
  organisationInput,
} from '../../src/modules/organisations/organisations.schemas';
import type { RoundStatus } from '../../src/db/schema/programmes';
import type { RoleName } from '../../src/db/schema/accounts';

export type Session = z.infer<typeof me>;
export type SessionUser = NonNullable<Session['user']>;
export type Grant = z.infer<typeof grant>;
export type UserSummary = z.infer<typeof userSummary>;
// Request bodies are what the client sends: z.input, where fields with defaults may be left out.
export type UserInput = z.input<typeof userInput>;
export type GrantInput = z.input<typeof grantInput>;
export type ProgrammeInput = z.input<typeof programmeInput>;
export type ProgrammeUpdate = z.input<typeof programmeUpdate>;
export type BudgetChangeInput = z.input<typeof budgetChangeInput>;
export type RoundInput = z.input<typeof roundInput>;
export type RoundUpdate = z.input<typeof roundUpdate>;
export type { Programme, Round, Region, RoundStatus, RoleName };
export type { Application, ApplicationSummary, Receipt, OfficeRow, OfficeFilter, ApplicationStatus, FormalCheck };
export type { Organisation, OrganisationListItem, OrganisationRegion, Member, InvitationCreated };
export type ApplicationContent = z.infer<typeof applicationContent>;
export type BudgetLine = z.infer<typeof budgetLine>;
export type Attachment = z.infer<typeof attachment>;
export type VersionEntry = z.infer<typeof versionEntry>;
export type EligibilityProblem = z.infer<typeof eligibilityProblem>;
export interface Eligibility {
  eligible: boolean;
  problems: EligibilityProblem[];
}
export type OrganisationInput = z.input<typeof organisationInput>;
export type OrganisationKind = Organisation['kind'];
export type Criterion = Round['criteria'][number];
export type ApplicantKind = Round['eligibleKinds'][number];

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  hash: string;
}

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string; in?: string }[];
  [extra: string]: unknown;
}

export const roundStatuses: readonly RoundStatus[] = ['draft', 'open', 'closed', 'review', 'jury', 'decided', 'published'];
export const applicantKinds: readonly ApplicantKind[] = ['municipality', 'district', 'cooperation'];
export const applicationStatuses: readonly ApplicationStatus[] = ['draft', 'submitted', 'withdrawn'];
export const formalChecks: readonly FormalCheck[] = ['pending', 'eligible', 'ineligible'];

export const roleNames: readonly RoleName[] = [
  'programme_admin',
  'case_officer',
  'reviewer',
  'jury_member',
  'jury_chair',
  'applicant',
  'project_lead',
];
