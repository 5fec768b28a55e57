// Child process for the kill -9 test: loops writeFileAtomic over one target
// with a growing counter until it is killed. Plain node, no loader: the test
// transpiles the real src/services/storage/atomic-write.ts and passes its path.
// argv: <target path> <path of the transpiled atomic-write module>
import { pathToFileURL } from 'node:url';
import { makeDoc } from './atomic-write-doc.mjs';

const [target, modulePath] = process.argv.slice(2);
const { writeFileAtomic } = await import(pathToFileURL(modulePath).href);

process.stdout.write('ready\n');
for (let version = 1; ; version++) {
  await writeFileAtomic(target, makeDoc(version));
  process.stdout.write(`${version}\n`);
}
