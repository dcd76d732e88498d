// Writes test/fixtures/views.json, the fixed data of the explorer's view snapshots
// (test/view-fixture.ts): run it when the snapshot's shape changes, not when the model's numbers do.
import { writeFileSync } from 'node:fs';
import { compareRuns, encode, explorerSnapshot, FIXTURE, trimmed } from '../test/view-fixture.ts';

const fixture = { explorer: encode(trimmed(explorerSnapshot())), compare: encode(compareRuns()) };
writeFileSync(FIXTURE, `${JSON.stringify(fixture)}\n`);
console.log(`wrote ${FIXTURE} (${JSON.stringify(fixture).length} bytes)`);
