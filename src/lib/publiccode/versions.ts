/**
 * The publiccode.yml versions this validator knows. Each accepted spelling maps to the minor
 * version whose rules apply; "0" means "the latest 0.x", as the Go parser reads it.
 */
export const LATEST_VERSION = '0.7';

const MINOR_VERSIONS = ['0.2', '0.3', '0.4', '0.5', '0.6', '0.7'] as const;
export type MinorVersion = (typeof MINOR_VERSIONS)[number];

const ACCEPTED_SPELLINGS: ReadonlyMap<string, MinorVersion> = new Map<string, MinorVersion>([
  ['0', LATEST_VERSION],
  ['0.2', '0.2'],
  ['0.2.0', '0.2'],
  ['0.2.1', '0.2'],
  ['0.2.2', '0.2'],
  ...MINOR_VERSIONS.filter((minor) => minor !== '0.2').flatMap(
    (minor) =>
      [
        [minor, minor],
        [`${minor}.0`, minor],
      ] as [string, MinorVersion][],
  ),
]);

export const SUPPORTED_VERSION_SPELLINGS: readonly string[] = [...ACCEPTED_SPELLINGS.keys()];

export function resolveVersion(declared: string): MinorVersion | null {
  return ACCEPTED_SPELLINGS.get(declared.trim()) ?? null;
}

/** True when `version` is `since` or later. Minor versions compare numerically, not as text. */
export function isAtLeast(version: MinorVersion, since: MinorVersion): boolean {
  return minorNumber(version) >= minorNumber(since);
}

function minorNumber(version: MinorVersion): number {
  return Number(version.split('.')[1]);
}
