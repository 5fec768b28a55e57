/**
 * Hostile file shapes (tests/support/adversarial-files.ts), each opened as the
 * app opens a file and timed (bench/hostile.ts), in CPU s/MB against issue
 * 14's goal of ≤ 1 s/MB, with the outcome (blocks, or the refusal's code).
 * `npm run bench`'s parse part times them at 1 MB; this runs them alone, at
 * any size, for comparing two versions in one run:
 *
 *   npx tsx bench/adversarial.ts [MB=1] [shape name filter]
 */
import { HOSTILE_SHAPES } from '../tests/support/adversarial-files';
import { GOAL_S_PER_MB, timeHostileFile, warmParsers } from './hostile';

const MB = 1024 * 1024;
const megabytes = Number(process.argv[2] ?? 1);
const filter = process.argv[3] ?? '';

await warmParsers();
for (const shape of HOSTILE_SHAPES) {
  if (!shape.name.includes(filter)) continue;
  const timing = await timeHostileFile(shape.make(megabytes * MB));
  console.log(
    [
      shape.name.padEnd(40),
      `${timing.megabytes.toFixed(2)} MB`.padStart(9),
      `cpu ${timing.cpuSPerMb.toFixed(3)} s/MB`.padStart(16),
      `wall ${timing.wallS.toFixed(2)} s`.padStart(12),
      timing.cpuSPerMb <= GOAL_S_PER_MB ? 'met   ' : 'MISSED',
      timing.outcome,
    ].join('  '),
  );
}
