// @vitest-environment node
// The console's API types are generated from the services' checked-in OpenAPI documents (contracts/openapi/, which
// each service's own test keeps equal to what it serves). This test regenerates them and fails when a checked-in file
// differs, so an API change reaches the console's compiler in the same commit: `npm run api` rewrites them.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const contracts = resolve(here, '../../../contracts/openapi');
export const SERVICES = ['patients', 'scheduling', 'messaging', 'billing', 'audit'] as const;

async function render(service: string): Promise<string> {
  const document = JSON.parse(readFileSync(resolve(contracts, `${service}.json`), 'utf8'));
  // every property required: a Java record always writes each of its components (null stays possible)
  const ast = await openapiTS(document, { alphabetize: true, propertiesRequiredByDefault: true });
  return (
    `// Generated from contracts/openapi/${service}.json by \`npm run api\` (web/). Do not edit: change the service,\n` +
    `// run ./hearth api-contracts, and let the compiler show what the change breaks.\n\n` +
    astToString(ast)
  );
}

describe('the console API types generated from contracts/openapi', () => {
  it.each(SERVICES)('%s.ts is current', async (service) => {
    const rendered = await render(service);
    const file = resolve(here, `${service}.ts`);
    if (process.env.HEARTH_WRITE_DOCS === '1') writeFileSync(file, rendered);
    const stored = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(stored === rendered, `web/src/generated/${service}.ts is stale: run npm run api in web/`).toBe(true);
  });
});
