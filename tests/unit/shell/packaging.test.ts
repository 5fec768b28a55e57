/**
 * electron-builder downloads Electron, so it cannot run here. Its configuration
 * is checked the way electron-builder itself checks it before building: loaded
 * by its own loader and validated against its own schema (scheme.json).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/services/paths';

const require = createRequire(import.meta.url);

interface BuilderConfig {
  [key: string]: unknown;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: unknown; icon?: string };
  win?: { target?: unknown; icon?: string };
  mac?: { target?: unknown; icon?: string };
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
}
// Deep paths into electron-builder's own packages: there is no public export of the validator.
const { getConfig, validateConfiguration } = require(
  join(PROJECT_ROOT, 'node_modules/app-builder-lib/out/util/config/config.js'),
) as ConfigModule;
const { DebugLogger } = require(join(PROJECT_ROOT, 'node_modules/builder-util')) as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const validate = (config: BuilderConfig) => validateConfiguration(config, new DebugLogger(false));

let config: BuilderConfig;
// Loading electron-builder and compiling its schema takes over a second alone,
// and several times that on a loaded machine: more than vitest's default 5 s.
const SLOW = 60_000;

beforeAll(async () => {
  config = await getConfig(PROJECT_ROOT, 'electron-builder.yml', null);
}, SLOW);

const targetsOf = (platform: { target?: unknown } | undefined) =>
  ((platform?.target ?? []) as (string | { target: string })[]).map((target) =>
    typeof target === 'string' ? target : target.target,
  );

describe('electron-builder.yml', () => {
  it(
    "passes electron-builder's own schema validation",
    async () => {
      await expect(validate(config)).resolves.toBeUndefined();
    },
    SLOW,
  );

  it(
    'the validation can fail: a misspelt option is refused',
    async () => {
      await expect(
        validate({
          ...config,
          linux: { ...config.linux, targte: ['deb'] } as BuilderConfig['linux'],
        }),
      ).rejects.toThrow(/configuration/i);
      await expect(
        validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } }),
      ).rejects.toThrow(/configuration/i);
    },
    SLOW,
  );

  it('names the app', () => {
    expect(config.productName).toBe('报告阅读器');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    // Installer file names stay ASCII.
    expect(config.artifactName).toMatch(/^[\x20-\x7e]+$/);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
  });

  it('sets the Electron fuses that close the usual doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packs only the build output, never the sources or the tests', () => {
    const files = JSON.stringify(config.files);
    expect(files).toContain('out/**/*');
    expect(files).not.toMatch(/"src|"tests|node_modules/);
  });

  it('every platform has an icon of at least 512×512 pixels (macOS needs that size)', () => {
    for (const platform of [config.linux, config.win, config.mac]) {
      const png = readFileSync(join(PROJECT_ROOT, platform!.icon!));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
    }
  });

  it('`npm run dist` builds first, then packages with this file', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      main: string;
    };
    expect(pkg.scripts.dist).toMatch(
      /^npm run -s build && electron-builder\b.*electron-builder\.yml/,
    );
    // The packaged app starts from the build output that `files` includes.
    expect(pkg.main.startsWith('out/')).toBe(true);
  });
});
