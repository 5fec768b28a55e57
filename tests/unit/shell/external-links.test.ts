import { describe, expect, it } from 'vitest';
import {
  externalLinkDecision,
  externalLinkDialog,
  isPermissionGranted,
  isTrustedSender,
  OPEN_EXTERNAL_BUTTON,
} from '../../../src/main/security';

describe('externalLinkDecision', () => {
  it.each([
    ['https://www.gov.cn/', 'https://www.gov.cn/'],
    ['https://www.haishu.gov.cn/art/2018/1/2/x.html?a=1#b', undefined],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['mailto:someone@example.com?subject=%E6%8A%A5%E5%91%8A', undefined],
    ['HTTPS://WWW.GOV.CN/', 'https://www.gov.cn/'],
  ])('allows %s after asking', (raw, normalized) => {
    const decision = externalLinkDecision(raw);
    expect(decision.allowed).toBe(true);
    if (decision.allowed) expect(decision.url).toBe(normalized ?? raw);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: hidden by a tab', 'java\tscript:alert(1)'],
    ['javascript: hidden by a newline', 'https://x.cn/\njavascript:alert(1)'],
    ['javascript: with leading space', ' javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['a Windows file URL', 'file://C:/Windows/System32/calc.exe'],
    ['plain http', 'http://www.gov.cn/'],
    ['our own app scheme', 'app://bundle/index.html'],
    ['a lookalike app host', 'app://bundle.evil/index.html'],
    ['a lookalike host behind user info', 'https://www.gov.cn@evil.example/'],
    ['user and password', 'https://user:pass@www.gov.cn/'],
    ['a bare word host', 'https://localhost/'],
    ['an smb share', 'smb://evil.example/share'],
    ['a custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['blob:', 'blob:https://www.gov.cn/uuid'],
    ['an empty mailto', 'mailto:'],
    ['not a URL', 'www.gov.cn'],
    ['the empty string', ''],
    ['too long', `https://www.gov.cn/${'a'.repeat(2100)}`],
    ['a NUL byte', 'https://www.gov.cn/\u0000'],
  ])('refuses %s', (_, raw) => {
    expect(externalLinkDecision(raw).allowed).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['https://www.gov.cn/'], { href: 'https://www.gov.cn/' }])(
    'refuses a non-string %j',
    (raw) => {
      expect(externalLinkDecision(raw).allowed).toBe(false);
    },
  );

  it('shows a Unicode lookalike host as the punycode it is', () => {
    // "gov.cn" with a Cyrillic "о".
    const decision = externalLinkDecision('https://www.g\u043ev.cn/');
    expect(decision.allowed).toBe(true);
    if (decision.allowed) {
      expect(decision.shown).toMatch(/^https:\/\/www\.xn--/);
      expect(decision.shown).not.toContain('\u043e');
    }
  });

  it('asks with 取消 as the default and only opens on 打开', () => {
    const dialog = externalLinkDialog('https://www.gov.cn/');
    expect(dialog.detail).toBe('https://www.gov.cn/');
    expect(dialog.buttons[dialog.defaultId]).toBe('取消');
    expect(dialog.buttons[dialog.cancelId]).toBe('取消');
    expect(dialog.buttons[OPEN_EXTERNAL_BUTTON]).toBe('打开');
  });
});

describe('isPermissionGranted', () => {
  const permissions = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'idle-detection',
    'storage-access',
    'unknown',
  ];
  it.each(permissions)('refuses %s, even to our own page', (permission) => {
    expect(isPermissionGranted(permission, 'app://bundle/index.html')).toBe(false);
    expect(isPermissionGranted(permission, 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted(permission)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const page = 'app://bundle/index.html';
  const top = (url: string) => ({ url, parent: null });

  it('trusts our page in its top frame', () => {
    expect(isTrustedSender(top('app://bundle/index.html'), page)).toBe(true);
    expect(isTrustedSender(top('app://bundle/index.html#b12'), page)).toBe(true);
  });

  it('refuses a sub-frame, even one that claims our URL', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: top(page) }, page)).toBe(
      false,
    );
  });

  it.each([
    'app://bundle.evil/index.html',
    'app://evil/index.html',
    'app://bundle:8080/index.html',
    'file:///index.html',
    'http://bundle/index.html',
    'https://bundle/index.html',
    'javascript:alert(1)',
    'data:text/html,x',
    'about:blank',
    '',
  ])('refuses a top frame at %s', (url) => {
    expect(isTrustedSender(top(url), page)).toBe(false);
  });

  it('refuses a missing frame (destroyed before the message was handled)', () => {
    expect(isTrustedSender(null, page)).toBe(false);
    expect(isTrustedSender(undefined, page)).toBe(false);
  });

  it('refuses a frame whose parent is unknown rather than null', () => {
    expect(isTrustedSender({ url: page, parent: undefined }, page)).toBe(false);
  });
});
