/**
 * The worker thread behind index-in-worker.ts: builds reports' compact search
 * indexes (index-build.ts: word segmenting included, the costly part, ~35 ms
 * a report) one message at a time and posts each back as bytes, so a search
 * across a library whose indexes are missing never builds a hundred of them
 * on main's thread. A report comes as its blocks, or as where its stored
 * document is (main then neither reads nor copies it).
 */
import { parentPort } from 'node:worker_threads';
import { quietWorkerOutput } from '../worker-output';
import { buildEncodedIndex, type IndexSource } from './index-build';

// What this thread (or a library in it) prints is dropped: never piled up unread (worker-output.ts).
quietWorkerOutput();

export interface IndexJob {
  id: number;
  source: IndexSource;
}

export type IndexAnswer = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** One job after another: the next starts once this one's answer is posted. */
let queue = Promise.resolve();

parentPort?.on('message', ({ id, source }: IndexJob) => {
  queue = queue.then(async () => {
    let answer: IndexAnswer;
    try {
      answer = { id, bytes: await buildEncodedIndex(source) };
    } catch (error) {
      answer = { id, error: error instanceof Error ? error.message : String(error) };
    }
    // The bytes' buffer is moved, not copied (encodeReportIndex gives it whole).
    parentPort?.postMessage(answer, 'bytes' in answer ? [answer.bytes.buffer as ArrayBuffer] : []);
  });
});
