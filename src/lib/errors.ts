/**
 * The one registry of error codes. Every failure a client can see carries one of these codes,
 * so clients and tests can rely on a stable name while the message stays free to improve.
 * docs/errors.md documents each code; a test keeps the two in step.
 */
export const errorCodes = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BAD_REQUEST: { status: 400, title: 'The request cannot be processed' },
  UNAUTHENTICATED: { status: 401, title: 'Login required' },
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'The form has expired; reload the page' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflicting change' },
  STALE_VERSION: { status: 409, title: 'Someone else changed this in the meantime' },
  ROUND_TRANSITION_NOT_ALLOWED: { status: 409, title: 'This status change is not allowed' },
  ROUND_INVALID_SCHEDULE: { status: 422, title: 'The round schedule is not consistent' },
  CRITERIA_WEIGHTS_INVALID: { status: 422, title: 'The criteria weights do not add up' },
  BUDGET_NEGATIVE: { status: 422, title: 'The budget would become negative' },
  PASSWORD_TOO_WEAK: { status: 422, title: 'The new password is too weak' },
  EMAIL_TAKEN: { status: 409, title: 'An account with this email exists already' },
  LOGIN_THROTTLED: { status: 429, title: 'Too many failed logins; try again later' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  REGION_CODE_INVALID: { status: 400, title: 'The AGS or ARS is not valid' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The content type is not supported' },
  ORGANISATION_REGIONS_INVALID: { status: 422, title: "The organisation's regions do not fit its kind" },
  INVITATION_INVALID: { status: 410, title: 'The invitation is unknown, used or expired' },
  APPLICATION_EXISTS: { status: 409, title: 'This applicant has an application in this call already' },
  CALL_NOT_OPEN: { status: 409, title: 'The call is not open' },
  DEADLINE_PASSED: { status: 409, title: 'The deadline has passed' },
  APPLICATION_NOT_ELIGIBLE: { status: 422, title: 'The application does not meet the call’s rules yet' },
  APPLICATION_TRANSITION_NOT_ALLOWED: { status: 409, title: 'The application cannot move to this status' },
  ATTACHMENT_NOT_PDF: { status: 415, title: 'Only PDF files can be attached' },
  ATTACHMENT_TOO_LARGE: { status: 413, title: 'The file is too large' },
  REVIEWER_CONFLICTED: { status: 409, title: 'The reviewer has a conflict of interest with this application' },
  REVIEW_INCOMPLETE: { status: 422, title: 'The review is not complete yet' },
  REVIEW_SUBMITTED: { status: 409, title: 'The review has been submitted and can no longer change' },
  ASSIGNMENT_RUNNING: { status: 409, title: 'An assignment run for this round is still running' },
  JURY_FULL: { status: 409, title: 'The jury has as many members as the round allows' },
  JURY_CHAIR_EXISTS: { status: 409, title: 'The jury has a chair already' },
  ROUND_NOT_IN_JURY: { status: 409, title: 'The round is not in its jury phase' },
  SESSION_NOT_OPEN: { status: 409, title: 'The jury session is not open' },
  QUORUM_NOT_MET: { status: 409, title: 'Too few jury members are present to vote or decide' },
  MEMBER_NOT_PRESENT: { status: 403, title: 'Only members present in the session vote' },
  DECISION_TAKEN: { status: 409, title: 'The application has been decided already' },
  DECISION_NO_MAJORITY: { status: 409, title: 'The votes cast give no majority' },
  DECISION_AGAINST_VOTE: { status: 409, title: 'The outcome does not follow the vote' },
  DECISION_FUNDING_INVALID: { status: 422, title: 'The funding amount does not fit the outcome' },
  DECISION_EXCEEDS_ENVELOPE: { status: 409, title: "The selected funding would exceed the round's envelope" },
  DECISION_EXCEEDS_BUDGET: { status: 409, title: "The selected funding would exceed the programme's budget" },
  LICENCE_NOT_OPEN_SOURCE: { status: 422, title: 'The licence is not an OSI-approved open-source licence' },
  PUBLICCODE_UNREACHABLE: { status: 502, title: "The repository's publiccode.yml could not be read" },
  ROUND_NOT_DECIDED: { status: 409, title: 'The round has not been decided yet' },
  PUBLICATION_INCOMPLETE: { status: 409, title: 'Some applications of the round have no decision yet' },
  DECISION_NOT_SELECTED: { status: 422, title: 'Only a selected application becomes a grant' },
  GRANT_PHASES_INVALID: { status: 422, title: "The phases do not add up to the grant's funding" },
  GRANT_NOT_ACTIVE: { status: 409, title: 'The grant is not active' },
  PHASE_NOT_OF_GRANT: { status: 422, title: 'The phase does not belong to this grant' },
  DISBURSEMENT_EXCEEDS_PHASE: { status: 422, title: "The amount exceeds what is left in the phase" },
  DISBURSEMENT_OWN_REQUEST: { status: 403, title: 'A disbursement request is decided by someone other than its requester' },
  DISBURSEMENT_NOT_PENDING: { status: 409, title: 'The disbursement request has been decided already' },
  REPORT_NOT_OPEN: { status: 409, title: 'The report is not in a status that allows this' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export type FieldProblem = { path: string; message: string };

/** A failure meant for the client: services throw it, the server renders it as problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldProblem[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { fields?: FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(message ?? errorCodes[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code].status;
    this.fields = options.fields ?? [];
    this.details = options.details;
  }
}

export function fieldError(path: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, message, { fields: [{ path, message }] });
}
