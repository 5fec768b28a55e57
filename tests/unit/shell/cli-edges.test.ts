/**
 * The CLI at its edges, run as a user runs it: an unknown command, an
 * annotation file in GBK or Latin-1, and a named pipe nobody writes to. Each
 * ends at once with the README's one-line error, and writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAll, runCli, type Run } from '../../support/run-cli';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { snapshot } from '../annotations/snapshot';

let temp: string;
let data: string;
const runs: Record<string, Run> = {};

/** A valid annotation file whose note is `note`'s bytes, in whatever encoding they are. */
const annotationFile = (note: Uint8Array) =>
  Buffer.concat([
    Buffer.from('[{"id":"enc1","type":"Annotation","body":"'),
    note,
    Buffer.from('","target":{"selector":{"type":"TextQuoteSelector","exact":"5G"}}}]'),
  ]);

beforeAll(async () => {
  temp = await makeTempDir('cli-edges');
  data = join(temp, 'data');
  // 批注 in GBK, and café in Latin-1: neither is valid UTF-8.
  await writeFile(join(temp, 'gbk.json'), annotationFile(Buffer.from([0xc5, 0xfa, 0xd7, 0xa2])));
  await writeFile(join(temp, 'latin1.json'), annotationFile(Buffer.from('café', 'latin1')));
  await writeFile(join(temp, 'utf8.json'), annotationFile(Buffer.from('批注', 'utf8')));
  const env = { READER_DATA_DIR: '' };
  const pending: Record<string, Promise<Run>> = {
    unknown: runCli(['frobnicate']),
    none: runCli([]),
    gbk: runCli(['import', join(temp, 'gbk.json'), '--data-dir', data], { env }),
    latin1: runCli(['import', join(temp, 'latin1.json'), '--data-dir', data], { env }),
  };
  Object.assign(runs, await runAll(pending));
}, 120_000);

afterAll(async () => {
  if (temp) await removeTempDir(temp);
});

function failedWith(run: Run, message: RegExp) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^错误：/u)]);
  expect(run.stderr).toMatch(message);
}

describe('an unknown command', () => {
  it('says so in one line, prints the usage and exits 2, as with no command', () => {
    const { code, stdout, stderr } = runs.unknown;
    expect(code).toBe(2);
    expect(stderr).toBe('错误：未知命令：frobnicate\n');
    expect(stdout).toBe(runs.none.stdout);
    expect(stdout).toMatch(/^用法 \(usage\):\n/u);
    expect(runs.none.code).toBe(2);
  });
});

describe('import of a file that is not UTF-8', () => {
  it('is refused with the one-line error parse gives, for GBK and for Latin-1', () => {
    failedWith(runs.gbk, /不是 UTF-8 编码的文本/u);
    failedWith(runs.latin1, /不是 UTF-8 编码的文本/u);
  });

  it('stores nothing, while the same file in UTF-8 imports', async () => {
    expect(existsSync(data) ? await snapshot(data) : {}).toEqual({});
    const utf8 = await runCli(['import', join(temp, 'utf8.json'), '--data-dir', data]);
    expect(utf8.stderr).toBe('');
    expect(JSON.parse(utf8.stdout)).toMatchObject({ added: 1 });
  });
});

describe.skipIf(process.platform === 'win32')('a named pipe with no writer', () => {
  it('is refused up front by parse, with one line, instead of waiting forever', async () => {
    const fifo = join(temp, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = runCli(['parse', fifo]);
    // Not a timing test: a CLI that waits for a writer never answers, so give
    // it one after a generous while, and fail.
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), 30_000);
    });
    const outcome = await Promise.race([run, hung]);
    clearTimeout(timer);
    if (outcome === 'hung') {
      await (await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).close();
      await run;
    }
    expect(outcome).not.toBe('hung');
    failedWith(await run, /不是普通文件.*report\.fifo/u);
  }, 60_000);
});
