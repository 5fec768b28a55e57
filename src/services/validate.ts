/**
 * Every payload crosses the contract as `unknown`: this parses it with the
 * schema its row of the contract names, and turns a bad payload or a thrown
 * error into `{ ok:false, error }`. The services, main's desktop-only
 * handlers and the bridge's answers for them all go through it.
 */
import { z } from 'zod';
import { CONTRACT, type MethodName, type ReaderCalls, type Result } from '../shared/api';
import * as schemas from '../shared/request-schemas';

// Validation messages reach the reader (in notices): say them in Chinese.
z.config(z.locales.zhCN());

/** The schema a method's payload must pass: its row's, or "no payload". */
export function requestSchema(method: MethodName): z.ZodType {
  const row = CONTRACT[method];
  return 'request' in row ? row.request(schemas) : schemas.NoPayload;
}

/**
 * Parses a payload with its method's schema and runs `run` on it, answering
 * `{ ok:false, error }` for a bad payload or a thrown error.
 */
export function validate<M extends MethodName>(
  method: M,
  payload: unknown,
  run: (
    request: ReaderCalls[M]['request'],
  ) => Promise<ReaderCalls[M]['response']> | ReaderCalls[M]['response'],
): Promise<Result<ReaderCalls[M]['response']>> {
  const parsed = requestSchema(method).safeParse(payload);
  if (!parsed.success) {
    const error = `${method} 的参数无效：${describeIssues(parsed.error)}`;
    return Promise.resolve({ ok: false, error });
  }
  // The row's schema is the runtime form of ReaderCalls[M]['request'].
  return answer(() => run(parsed.data as ReaderCalls[M]['request']));
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
}

async function answer<T>(run: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
