/**
 * Command-line access to the same code the app runs, on plain Node:
 *   npm run -s cli -- parse [FILE]
 *   npm run -s cli -- search QUERY [--file FILE] [--order relevance|document]
 *   npm run -s cli -- search --stdin [--file FILE] [--order …]
 *   npm run -s cli -- search QUERY --all [--data-dir DIR]
 *   npm run -s cli -- library add FILE | list | remove ID [--data-dir DIR]
 *   npm run -s cli -- export --format md|json [--data-dir DIR] [--out FOLDER]
 *   npm run -s cli -- import FILE [--data-dir DIR]
 *   npm run -s cli -- anchor [--file REPORT] [--data-dir DIR]
 *   npm run -s cli -- figures [FILE] [--csv]
 *   npm run -s cli -- diff OLD NEW [--data-dir DIR]
 * Errors are one line on stderr and a non-zero exit, never a stack trace.
 */
import { createInterface } from 'node:readline';
import { ReportFormatError } from '../core/formats/errors';
import { BUNDLED_REPORT } from '../services/paths';
import { buildSearchIndex } from '../core/search/build-index';
import { segmentWords } from '../services/search/words';
import { SearchEngine } from '../core/search/engine';
import type { SearchOrder } from '../shared/search';
import { ANNOTATION_USAGE, anchorCommand, exportCommand, importCommand } from './annotations';
import { FIGURES_USAGE, figuresCommand } from './figures';
import { DIFF_USAGE, diffCommand } from './diff';
import { LIBRARY_USAGE, libraryCommand } from './library';
import { dataDirOf, openServices, readingAccess } from './services';
import { SEE_HELP } from './options';
import { readReport } from './read-report';
import { BusyError, UsageError } from './usage-error';

const USAGE = `用法 (usage):
  npm run -s cli -- parse [FILE]                  把报告（.txt .docx .pdf .html）解析为 JSON（默认：内置报告）
  npm run -s cli -- search QUERY [--file FILE] [--order relevance|document]
                                                  检索，按相关度（或原文顺序）输出全部结果
  npm run -s cli -- search --stdin [--file FILE]  每行一个检索词，每行输出一个 JSON
  npm run -s cli -- search QUERY --all [--data-dir DIR]
                                                  检索书架上的全部报告，每条结果带 report（报告编号）
${LIBRARY_USAGE}
${ANNOTATION_USAGE}
${FIGURES_USAGE}
${DIFF_USAGE}
  批注数据默认在用户数据文件夹（环境变量 READER_DATA_DIR 可改），--data-dir 指定其他文件夹`;

async function parseCommand(args: string[]): Promise<void> {
  if (args.length > 1) throw new UsageError(`parse 只接受一个文件${SEE_HELP}`);
  const document = await readReport(args[0] ?? BUNDLED_REPORT);
  process.stdout.write(JSON.stringify(document, null, 2) + '\n');
}

interface SearchOptions {
  query?: string;
  file?: string;
  order: SearchOrder;
  stdin: boolean;
  all: boolean;
  dataDir?: string;
}

function readSearchOptions(args: string[]): SearchOptions {
  const options: SearchOptions = { order: 'relevance', stdin: false, all: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--stdin') options.stdin = true;
    else if (arg === '--all') options.all = true;
    else if (arg === '--file' || arg === '--order' || arg === '--data-dir') {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} 后面缺少参数${SEE_HELP}`);
      if (arg === '--file') options.file = value;
      else if (arg === '--data-dir') options.dataDir = value;
      else if (value === 'relevance' || value === 'document') options.order = value;
      else throw new UsageError(`--order 只能是 relevance 或 document，而不是 ${value}`);
    } else if (options.query === undefined) options.query = arg;
    else throw new UsageError(`多余的参数：${arg}（多个关键词请放在一对引号里）${SEE_HELP}`);
  }
  if (options.stdin === (options.query !== undefined)) {
    throw new UsageError(`search 需要一个检索词，或 --stdin（二者取一）${SEE_HELP}`);
  }
  if (options.all && options.file !== undefined) {
    throw new UsageError(`--all 检索书架上的全部报告，不能和 --file 一起用${SEE_HELP}`);
  }
  if (!options.all && options.dataDir !== undefined) {
    throw new UsageError(`--data-dir 只和 --all 一起用${SEE_HELP}`);
  }
  return options;
}

/** Answers each query (the one given, or each line of stdin) with one JSON line. */
async function answerEach(
  options: SearchOptions,
  answer: (query: string) => string | Promise<string>,
) {
  if (options.query !== undefined) {
    process.stdout.write((await answer(options.query)) + '\n');
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write((await answer(line)) + '\n');
  }
}

async function searchCommand(args: string[]): Promise<void> {
  const options = readSearchOptions(args);
  if (options.all) {
    const flags = new Map(options.dataDir === undefined ? [] : [['--data-dir', options.dataDir]]);
    const dataDir = dataDirOf(flags);
    const services = await openServices(dataDir, readingAccess(dataDir));
    return answerEach(options, async (query) => {
      const found = await services.searchEveryReport(query);
      // The one-report shape, each hit with its report: reports as their best hits rank.
      const hits = found.groups.flatMap((group) =>
        group.hits.map(({ report, block, score, snippet, matches }) => ({
          report,
          block,
          score,
          snippet,
          matches,
        })),
      );
      return JSON.stringify({ query, hits });
    });
  }
  const document = await readReport(options.file ?? BUNDLED_REPORT);
  const engine = new SearchEngine(buildSearchIndex(document.blocks, segmentWords), document.blocks);
  await answerEach(options, (query) => {
    const { hits } = engine.search(query, { order: options.order, snippets: true });
    // The CLI's documented shape: every hit with its snippet and every match.
    return JSON.stringify({
      query,
      hits: hits.map(({ block, score, snippet, matches }) => ({ block, score, snippet, matches })),
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'parse') await parseCommand(args);
  else if (command === 'search') await searchCommand(args);
  else if (command === 'export') await exportCommand(args);
  else if (command === 'import') await importCommand(args);
  else if (command === 'anchor') await anchorCommand(args);
  else if (command === 'figures') await figuresCommand(args);
  else if (command === 'diff') await diffCommand(args);
  else if (command === 'library') await libraryCommand(args);
  else if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  } else {
    // As the README says: the one-line error, then the usage, and exit 2 as with no command.
    process.stderr.write(`错误：未知命令：${command}\n`);
    process.stdout.write(USAGE + '\n');
    return 2;
  }
  return 0;
}

/** A message from deeper down (a JSON parser, the file system) may span lines; stderr gets one. */
const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ReportFormatError) {
      process.stderr.write(`错误：${oneLine(error.message)}\n`);
      // sysexits' EX_TEMPFAIL: a script may try again once the reader is closed.
      process.exitCode = error instanceof BusyError ? 75 : 1;
    } else {
      // Unexpected: still one line, but say it is a bug rather than bad input.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`内部错误：${oneLine(message)}\n`);
      process.exitCode = 70;
    }
  },
);
