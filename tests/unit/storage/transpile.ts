/**
 * A source file that imports only node:* transpiled to plain JS, for child
 * processes: a tsx loader costs each child seconds of start-up on a small
 * machine, plain node a tenth of that.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import ts from 'typescript';

export async function transpileForChild(source: string, outDir: string): Promise<string> {
  const { outputText } = ts.transpileModule(await readFile(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: source,
  });
  const out = join(outDir, basename(source).replace(/\.ts$/, '.compiled.mjs'));
  await writeFile(out, outputText);
  return out;
}
