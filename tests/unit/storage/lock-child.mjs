// Child process for the folder-lock fault tests. Plain node, no loader: the
// test transpiles the real src/services/storage/folder-lock.ts and passes its path.
// argv: <module path> <data folder> <mode> [start at, ms since epoch]
//   race: at the start time, try once; a holder keeps the lock 400 ms, then
//         says whether it was still its own, and gives it back.
//   hold: take the lock, say "held", and keep it until killed.
import { pathToFileURL } from 'node:url';

const [modulePath, dir, mode, startAt] = process.argv.slice(2);
const { claimFolder } = await import(pathToFileURL(modulePath).href);

if (mode === 'hold') {
  const claim = await claimFolder(dir, { app: 'browser' });
  process.stdout.write(claim.held ? 'held\n' : 'busy\n');
  setInterval(() => undefined, 1_000);
} else {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const claim = await claimFolder(dir, { app: 'cli' });
  if (!claim.held) {
    process.stdout.write('busy\n');
  } else {
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const ours = await claim.lock.stillOurs();
    process.stdout.write(`held ${from} ${Date.now()} ${ours}\n`);
    await claim.lock.release();
  }
}
