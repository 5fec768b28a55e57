import { describe, expect, it } from 'vitest';
import { downloadDecision } from '../../../src/main/downloads';

const PAGE = 'app://bundle/index.html';
const DOCS = '/home/reader/Documents';

describe('downloadDecision', () => {
  it('allows the page’s own blob exports, into the chosen folder under a safe name', () => {
    expect(
      downloadDecision(
        'blob:app://bundle/6f1c-42',
        PAGE,
        '2018年海曙区政府工作报告-发言提纲.md',
        DOCS,
      ),
    ).toEqual({ allowed: true, defaultPath: `${DOCS}/2018年海曙区政府工作报告-发言提纲.md` });
  });

  it('never lets a suggested name leave the folder', () => {
    for (const name of ['../../.bashrc', '..\\..\\evil.exe', '/etc/passwd', 'a/../../b', '']) {
      const decision = downloadDecision('blob:app://bundle/1', PAGE, name, DOCS);
      expect(decision.allowed).toBe(true);
      if (!decision.allowed) continue;
      expect(decision.defaultPath.startsWith(`${DOCS}/`)).toBe(true);
      expect(decision.defaultPath.slice(DOCS.length + 1)).not.toMatch(/[/\\]/);
    }
  });

  it.each([
    ['an https download', 'https://evil.example/x.exe'],
    ['a file URL', 'file:///etc/passwd'],
    ['a data URL', 'data:text/plain,hi'],
    ['a blob from another origin', 'blob:https://evil.example/1'],
    ['a blob from a lookalike app host', 'blob:app://bundle.evil/1'],
    ['junk', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(downloadDecision(url, PAGE, 'x.md', DOCS)).toEqual({ allowed: false });
  });

  it('follows the dev server origin when that is the page', () => {
    const dev = 'http://localhost:5173/';
    expect(downloadDecision('blob:http://localhost:5173/1', dev, 'a.md', DOCS).allowed).toBe(true);
    expect(downloadDecision('blob:http://localhost:5174/1', dev, 'a.md', DOCS).allowed).toBe(false);
  });
});
