import { describe, expect, it } from 'vitest';
import { checkLicenceExpression } from './licence';

describe('checkLicenceExpression', () => {
  it.each(['EUPL-1.2', 'AGPL-3.0-or-later OR EUPL-1.2', 'MIT AND Apache-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0'])(
    'accepts %s',
    (expression) => {
      expect(checkLicenceExpression(expression).errors).toEqual([]);
    },
  );

  it('lists every licence of the expression', () => {
    expect(checkLicenceExpression('(MIT OR Apache-2.0) AND EUPL-1.2').licences).toEqual(['MIT', 'Apache-2.0', 'EUPL-1.2']);
  });

  it.each([
    ['LicenseRef-proprietary', "'LicenseRef-proprietary' is not"],
    ['CC0-1.0', "'CC0-1.0' is not"],
    ['MIT OR WTFPL', "'WTFPL' is not"],
  ])('refuses %s as not OSI-approved', (expression, message) => {
    expect(checkLicenceExpression(expression).errors).toEqual([expect.stringContaining(message)]);
  });

  it.each(['', 'MIT OR', 'Not-A-Licence', 'MIT AND (EUPL-1.2'])('refuses the malformed expression %j', (expression) => {
    expect(checkLicenceExpression(expression).errors).toEqual(['must be a valid license (see https://spdx.org/licenses)']);
  });

  it('matches identifiers case-insensitively, with a warning', () => {
    const verdict = checkLicenceExpression('apache-2.0');
    expect(verdict).toMatchObject({ errors: [], licences: ['Apache-2.0'] });
    expect(verdict.warnings).toEqual(["'apache-2.0' should be written 'Apache-2.0'"]);
  });

  it('warns about deprecated identifiers', () => {
    expect(checkLicenceExpression('AGPL-3.0').warnings).toEqual([expect.stringContaining('deprecated SPDX identifier')]);
  });
});
