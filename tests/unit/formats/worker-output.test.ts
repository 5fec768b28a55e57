/**
 * A parse worker with a library in it that prints a lot: the parse still
 * answers (nothing piles up unread in the worker's heap until it is stopped
 * as "out of memory"), and nothing reaches the process's own stdout, which
 * is the CLI's JSON answer. The chatty library is a real preload
 * (`node --require`), which Node runs in worker threads too.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { awaitWorker } from '../../../src/services/worker-run';
import { exitedMessage } from '../../../src/services/worker-output';
import { useTempFolder } from '../../support/temp-folder';
import { makePrintedPdf } from './fixtures';

const tempFolder = useTempFolder('reader-worker-output-');

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const here = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    // Before the fix the parse never answered: stopped here, it fails as what it is.
    const stop = setTimeout(() => child.kill('SIGKILL'), 70_000);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(stop);
      resolve({ stdout, stderr });
    });
  });
}

describe('what a worker prints', () => {
  it('a library that prints a lot neither stops the parse nor reaches stdout', async () => {
    // A PDF: pdf.js reads it over many turns of the event loop, each one printed through.
    const pdf = join(tempFolder(), 'report.pdf');
    await writeFile(pdf, await makePrintedPdf());
    const { stdout, stderr } = await run([
      '--require',
      here('chatty-library.cjs'),
      '--import',
      'tsx',
      here('parse-child.ts'),
      pdf,
    ]);
    expect(stdout).not.toMatch(/Warning: x/);
    expect(stderr).not.toMatch(/Warning: x/);
    expect(JSON.parse(stdout)).toEqual({ title: expect.stringContaining('政府工作报告') });
  }, 90_000);

  it('what a worker printed before it died is in the error, its last lines only', async () => {
    const worker = new Worker(
      `console.error('a'.repeat(10000)); console.error('bad thing happened'); process.exit(3);`,
      { eval: true, stdout: true, stderr: true },
    );
    const error = await awaitWorker(worker, {
      timeoutMs: 10_000,
      onMessage: () => undefined,
      timedOut: () => new Error('timeout'),
      outOfMemory: () => new Error('oom'),
      exited: (code, output) => new Error(exitedMessage('解析进程', code, output)),
    }).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(/^解析进程意外退出（代码 3）：.*bad thing happened$/);
    expect((error as Error).message.length).toBeLessThan(400);
  });

  it('an exception the worker did not catch reaches the caller as the run says, not as its text', async () => {
    const worker = new Worker(`setTimeout(() => { throw new TypeError('x is undefined'); });`, {
      eval: true,
    });
    const error = await awaitWorker(worker, {
      timeoutMs: 10_000,
      onMessage: () => undefined,
      timedOut: () => new Error('timeout'),
      outOfMemory: () => new Error('oom'),
      crashed: (cause) => new Error('读取这个文件时出错。', { cause }),
      exited: () => new Error('exited'),
    }).catch((caught: Error) => caught);
    expect((error as Error).message).toBe('读取这个文件时出错。');
    expect(((error as Error).cause as Error).message).toBe('x is undefined');
  });
});
