import { parseReportFile } from '../src/services/report-file/parse-file';
import { HOSTILE_SHAPES } from '../tests/support/adversarial-files';
const shape = HOSTILE_SHAPES.find((s) => s.name === process.argv[2])!;
const file = shape.make(Number(process.argv[3] ?? 1) * 1024 * 1024);
const t = performance.now();
await parseReportFile(file.bytes, { fileName: file.fileName }).catch((e) => console.log(e.message));
console.log((performance.now() - t).toFixed(0), 'ms');
