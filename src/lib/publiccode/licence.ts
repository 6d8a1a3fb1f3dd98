import parseSpdxExpression from 'spdx-expression-parse';
import spdxLicenceIds from 'spdx-license-ids/index.json';
import deprecatedSpdxLicenceIds from 'spdx-license-ids/deprecated.json';
import spdxLicenceList from 'spdx-license-list';

/**
 * legal.license: a valid SPDX expression whose every licence is OSI-approved. The standard asks
 * for "one or multiple open-source licenses"; the OSI list is the yardstick the catalogue uses,
 * so `LicenseRef-…` (proprietary by construction) and non-OSI licences such as CC0-1.0 are refused.
 */
export interface LicenceVerdict {
  /** Messages without the field name, e.g. "must be a valid license (see …)". */
  errors: string[];
  warnings: string[];
  /** Canonical identifiers found in the expression, in order. */
  licences: string[];
}

const SPDX_LIST_URL = 'https://spdx.org/licenses';
const OPERATORS = new Set(['AND', 'OR', 'WITH', 'and', 'or', 'with']);

/** SPDX identifiers match case-insensitively (SPDX spec, annex on license expressions). */
const deprecatedIds: ReadonlySet<string> = new Set(deprecatedSpdxLicenceIds);

const canonicalIdByLowerCase: ReadonlyMap<string, string> = new Map(
  [...spdxLicenceIds, ...deprecatedSpdxLicenceIds].map((id) => [id.toLowerCase(), id]),
);

type SpdxNode = parseSpdxExpression.Info;

export function checkLicenceExpression(expression: string): LicenceVerdict {
  const warnings: string[] = [];
  const normalised = normaliseIdentifierCase(expression, warnings);

  let tree: SpdxNode;
  try {
    tree = parseSpdxExpression(normalised);
  } catch {
    return { errors: [`must be a valid license (see ${SPDX_LIST_URL})`], warnings, licences: [] };
  }

  const licences = collectLicences(tree);
  for (const licence of licences) {
    if (deprecatedIds.has(licence)) {
      warnings.push(`'${licence}' is a deprecated SPDX identifier (see ${SPDX_LIST_URL})`);
    }
  }
  const notOsiApproved = licences.filter((licence) => !isOsiApproved(licence));
  const errors =
    notOsiApproved.length === 0
      ? []
      : [
          `must only contain OSI-approved open-source licenses: ${notOsiApproved
            .map((licence) => `'${licence}'`)
            .join(', ')} ${notOsiApproved.length === 1 ? 'is' : 'are'} not`,
        ];
  return { errors, warnings, licences };
}

function normaliseIdentifierCase(expression: string, warnings: string[]): string {
  return expression.replace(/[^\s()]+/g, (token) => {
    if (OPERATORS.has(token)) return token;
    const plus = token.endsWith('+') ? '+' : '';
    const bare = plus ? token.slice(0, -1) : token;
    const canonical = canonicalIdByLowerCase.get(bare.toLowerCase());
    if (canonical === undefined || canonical === bare) return token;
    warnings.push(`'${bare}' should be written '${canonical}'`);
    return canonical + plus;
  });
}

function collectLicences(node: SpdxNode): string[] {
  if ('conjunction' in node) return [...collectLicences(node.left), ...collectLicences(node.right)];
  return [node.license];
}

function isOsiApproved(licence: string): boolean {
  return spdxLicenceList[licence]?.osiApproved === true;
}
