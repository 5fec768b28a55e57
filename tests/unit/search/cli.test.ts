/**
 * `cli search`: one JSON object per query with every hit in ranked order,
 * the same answer as the engine. The few spawns (about a second each) all
 * start at once in beforeAll.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchOrder } from '../../../src/shared/search';
import { REPORT_PATH, loadEngine, loadReport } from './oracle';
import { runCli as runProcess, type Run } from '../../support/run-cli';

function runCli(args: string[], stdin?: string): Promise<Run> {
  return runProcess(args, { stdin });
}

const blocks = loadReport().blocks;
const engine = loadEngine(blocks);

/** What the CLI must print for a query: the engine's full answer without `total` and counts. */
function expected(query: string, order: SearchOrder = 'relevance') {
  const { hits } = engine.search(query, { order, snippets: true });
  return {
    query,
    hits: hits.map(({ block, score, snippet, matches }) => ({ block, score, snippet, matches })),
  };
}

const STDIN_QUERIES = ['污水零直排', '', '5G 海曙', '+海曙', '区长褚孟彤'];

let dir = '';
const runs: Record<string, Run> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'search-cli-'));
  const crlf = join(dir, 'report-crlf.txt');
  const raw = readFileSync(REPORT_PATH, 'utf8');
  writeFileSync(crlf, raw.replace(/\r?\n/gu, '\r\n'));
  const pending: Record<string, Promise<Run>> = {
    single: runCli(['search', '污水零直排']),
    stdin: runCli(['search', '--stdin'], STDIN_QUERIES.join('\n') + '\n'),
    // One spawn for both: a CRLF copy of the report, in document order.
    crlfDocument: runCli(['search', '海曙 发展', '--file', crlf, '--order', 'document']),
    missing: runCli(['search']),
    nonexistent: runCli(['search', '海曙', '--file', '/nonexistent']),
  };
  await Promise.all(
    Object.entries(pending).map(async ([name, run]) => {
      runs[name] = await run;
    }),
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cli search', () => {
  it('prints the engine answer for one query: every hit, ranked, with block/score/snippet/matches', () => {
    const { code, stdout, stderr } = runs.single;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const printed = JSON.parse(stdout) as unknown;
    expect(printed).toEqual(expected('污水零直排'));
    const { hits } = expected('污水零直排');
    expect(hits).toHaveLength(2);
    expect(Object.keys(hits[0]).sort()).toEqual(['block', 'matches', 'score', 'snippet']);
    expect(blocks.map((block) => block.id)).toEqual(
      expect.arrayContaining(hits.map((h) => h.block)),
    );
  });

  it('--stdin: one JSON line per input line, empty line included', () => {
    const { code, stdout, stderr } = runs.stdin;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(STDIN_QUERIES.length);
    lines.forEach((line, i) => {
      expect(JSON.parse(line), STDIN_QUERIES[i]).toEqual(expected(STDIN_QUERIES[i]));
    });
    expect(JSON.parse(lines[1])).toEqual({ query: '', hits: [] });
  });

  it('--file with CRLF line ends and --order document: the same blocks and ids, in document order', () => {
    const { code, stdout, stderr } = runs.crlfDocument;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as ReturnType<typeof expected>;
    expect(printed.hits.length).toBeGreaterThan(1);
    expect(printed).toEqual(expected('海曙 发展', 'document'));
    expect(printed.hits.every((hit) => hit.score === 0)).toBe(true);
    const ordinal = new Map(blocks.map((block, index) => [block.id, index]));
    const order = printed.hits.map((hit) => ordinal.get(hit.block)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('a missing query: exit 1 and a message on stderr', () => {
    const { code, stdout, stderr } = runs.missing;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.startsWith('错误：')).toBe(true);
  });

  it('--file /nonexistent: exit 1 and one line starting with 错误：', () => {
    const { code, stdout, stderr } = runs.nonexistent;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith('错误：')).toBe(true);
    expect(lines[0]).toContain('/nonexistent');
  });
});
