/**
 * `npm run serve`: browser mode. PORT picks the port (default 4317), HOST must
 * be a loopback address, READER_DATA_DIR picks the data folder.
 */
import { defaultDataDir } from '../services/data-dir';
import { startReaderServer } from './start';
import { stopWithParent } from './stop-with-parent';
import { APP_NAME } from '../shared/app-name';

const DEFAULT_PORT = 4317;

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT 必须是 0–65535 的整数，而不是 “${value}”`);
  }
  return port;
}

try {
  const dataDir = defaultDataDir();
  const server = await startReaderServer({
    dataDir,
    host: process.env.HOST || '127.0.0.1',
    port: parsePort(process.env.PORT),
  });
  console.log(`${APP_NAME}（浏览器模式）已启动：${server.url}`);
  console.log(`数据文件夹：${dataDir}`);
  if (server.readOnlyReason) console.warn(`注意：${server.readOnlyReason}`);
  let stopping: Promise<void> | undefined;
  // Once: Ctrl+C in a terminal reaches both us and npm's shell, whose end we also watch.
  const stop = () => {
    stopping ??= server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Under `npm run serve`, a SIGTERM sent to npm alone ends npm's shell but
  // never reaches us: stop when that shell is gone.
  if (process.env.npm_lifecycle_event) stopWithParent(stop);
} catch (error) {
  console.error(`错误：${(error as Error).message}`);
  process.exit(1);
}
