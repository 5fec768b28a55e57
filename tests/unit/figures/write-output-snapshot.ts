/**
 * Writes fixtures/output-snapshot.json from the extraction code as it is now.
 * Run it only on code whose output is the reference (it was run on main
 * before the speed work), then check that the tests still pass:
 *   npx tsx tests/unit/figures/write-output-snapshot.ts
 */
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { outputDigest, SNAPSHOT_URL } from './output-digest';

const json = await format(JSON.stringify(outputDigest()), { parser: 'json' });
writeFileSync(SNAPSHOT_URL, json);
console.log(`wrote ${SNAPSHOT_URL.pathname}`);
