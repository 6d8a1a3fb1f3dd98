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
