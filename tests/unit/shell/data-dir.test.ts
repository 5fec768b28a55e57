import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR_NAME, defaultDataDir } from '../../../src/services/data-dir';

const HOME = '/home/reader';

describe('defaultDataDir', () => {
  it('the folder is named after the product, like Electron userData', () => {
    expect(APP_DIR_NAME).toBe('报告阅读器');
  });

  it('linux: ~/.config by default', () => {
    expect(defaultDataDir({}, 'linux', HOME)).toBe(join(HOME, '.config', '报告阅读器'));
  });

  it('linux: XDG_CONFIG_HOME when set', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg/config' }, 'linux', HOME)).toBe(
      join('/xdg/config', '报告阅读器'),
    );
  });

  it('linux: an empty XDG_CONFIG_HOME counts as unset (as in Electron and the XDG spec)', () => {
    // Otherwise the folder would be the relative path `报告阅读器`, i.e. wherever
    // the CLI happens to run, and not the folder the desktop app uses.
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux', HOME)).toBe(
      join(HOME, '.config', '报告阅读器'),
    );
  });

  it('other unixes use the linux rule', () => {
    expect(defaultDataDir({}, 'freebsd', HOME)).toBe(join(HOME, '.config', '报告阅读器'));
  });

  it('darwin: ~/Library/Application Support, ignoring XDG', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/reader')).toBe(
      join('/Users/reader', 'Library', 'Application Support', '报告阅读器'),
    );
  });

  it('win32: APPDATA, or AppData/Roaming under the home folder', () => {
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\r\\AppData\\Roaming' }, 'win32', 'C:\\Users\\r'),
    ).toBe(join('C:\\Users\\r\\AppData\\Roaming', '报告阅读器'));
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\r')).toBe(
      join('C:\\Users\\r', 'AppData', 'Roaming', '报告阅读器'),
    );
  });

  it.each(['linux', 'darwin', 'win32'] as const)(
    '%s: READER_DATA_DIR overrides, resolved to an absolute path',
    (platform) => {
      const env = { READER_DATA_DIR: '/data/reader', XDG_CONFIG_HOME: '/x', APPDATA: '/y' };
      expect(defaultDataDir(env, platform, HOME)).toBe(resolve('/data/reader'));
      expect(defaultDataDir({ READER_DATA_DIR: 'rel/dir' }, platform, HOME)).toBe(
        resolve('rel/dir'),
      );
    },
  );

  it('an empty READER_DATA_DIR is ignored', () => {
    expect(defaultDataDir({ READER_DATA_DIR: '' }, 'linux', HOME)).toBe(
      join(HOME, '.config', '报告阅读器'),
    );
  });

  it('always answers an absolute path', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(resolve(defaultDataDir({}, platform, HOME))).toBe(defaultDataDir({}, platform, HOME));
    }
  });

  it('defaults to the real environment', () => {
    const saved = process.env.READER_DATA_DIR;
    process.env.READER_DATA_DIR = '/tmp/reader-env-test';
    try {
      expect(defaultDataDir()).toBe(resolve('/tmp/reader-env-test'));
    } finally {
      if (saved === undefined) delete process.env.READER_DATA_DIR;
      else process.env.READER_DATA_DIR = saved;
    }
  });
});
