import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '#functions/openapi';

/** Writes docs/openapi.json; a unit test fails when the committed file is behind the schemas. */
writeFileSync(new URL('../docs/openapi.json', import.meta.url), `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log('docs/openapi.json written');
