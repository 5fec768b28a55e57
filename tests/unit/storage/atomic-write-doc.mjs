// The documents the kill -9 test writes: large enough that a write takes a
// while, and every version differs in every record, so a torn file shows.

/** @param {number} version */
export function makeDoc(version) {
  const records = [];
  for (let i = 0; i < 3000; i++) {
    records.push({ i, version, text: `第${version}版·记录${i}·报告阅读器😀` });
  }
  return JSON.stringify({ version, count: records.length, records });
}
