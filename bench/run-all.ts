/**
 * Runs every benchmark in turn (each prints its own table and PASS/FAIL lines) and exits
 * non-zero if any missed its target. Run on a quiet machine: figures are ratios against
 * baselines measured in the same run, but heavy background load still skews timing.
 *
 *   npm run bench            # all
 *   npm run bench -- pacing  # only those whose file name contains "pacing"
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const benches = [
  'steam/inventory-fetch.ts',
  'steam/pacing.ts',
  'steam/webapi-formats.ts',
  'steam/webapi-summaries.ts',
  'steam/valuation.ts',
  'steam/snapshots.ts',
  'steam/offer-watch.ts',
  'steam/trade-sends.ts',
  'steam/trade-list.ts',
  'viewer.ts',
  'webhooks.ts',
  'trading-webhooks.ts',
  ...readdirSync(here).filter(
    (f) => /^(roblox|gateway)-[a-z-]+\.ts$/.test(f) && !f.endsWith('-child.ts') && !f.endsWith('-support.ts'),
  ),
].filter((file) => !only || file.includes(only));

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${here}${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
console.log(`\n${benches.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
