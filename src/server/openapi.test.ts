import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from './openapi';

describe('OpenAPI document', () => {
  it('is committed as generated (run `npm run openapi` after changing a route)', async () => {
    const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    expect(await generateOpenApi()).toBe(committed);
  });

  it('is OpenAPI 3.1 and names the field rules clients rely on', async () => {
    const doc = JSON.parse(await generateOpenApi());
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/programmes/{programme}/rounds'].post.requestBody.content['application/json'].schema.required).toContain('envelopeCents');
  });
});
