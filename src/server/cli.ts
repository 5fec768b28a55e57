/**
 * `npm run serve`: browser mode. PORT picks the port (default 4317), HOST must
 * be a loopback address, READER_DATA_DIR picks the data folder.
 */
import { defaultDataDir } from '../services/data-dir';
import { startReaderServer } from './start';

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
  console.log(`报告阅读器（浏览器模式）已启动：${server.url}`);
  console.log(`数据文件夹：${dataDir}`);
  if (server.readOnlyReason) console.warn(`注意：${server.readOnlyReason}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`错误：${(error as Error).message}`);
  process.exit(1);
}
