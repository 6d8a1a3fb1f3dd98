/** PostgreSQL error codes arrive on the error or, wrapped by Drizzle, on its cause. */
function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgCode(error) === '23505';
}

export function isSerializationFailure(error: unknown): boolean {
  const code = pgCode(error);
  return code === '40001' || code === '40P01';
}
