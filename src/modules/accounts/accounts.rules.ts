export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

/** After MAX_FAILED_LOGINS failures in a row the account waits LOCK_MINUTES before trying again. */
export function lockAfterFailure(failedSoFar: number, now: Date): Date | null {
  return failedSoFar + 1 >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** Length beats composition rules (NIST SP 800-63B): at least 10 characters, not the email. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('Use at least 10 characters.');
  if (password.length > 200) problems.push('Use at most 200 characters.');
  if (password.toLowerCase() === email.toLowerCase()) problems.push('The password may not be the email address.');
  return problems;
}
