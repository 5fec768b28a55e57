import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), 'src');

/**
 * Layers by where the code runs (the developers' guide, "Target layering"):
 * each folder of src/ and the folders it may import. A relative import is
 * resolved against the importing file, so a folder of the same name inside a
 * layer is never mistaken for the layer.
 */
const LAYERS = {
  shared: { may: [], why: 'the contract and pure code both sides use, below every other layer' },
  core: { may: ['shared'], why: 'pure domain code that runs in the page and under Node alike' },
  services: { may: ['core', 'shared'], why: 'the Node services the shells stand on' },
  main: { may: ['services', 'core', 'shared'], why: 'the Electron shell' },
  preload: { may: ['shared'], why: 'the sandboxed preload, which only exposes the contract' },
  server: { may: ['services', 'core', 'shared'], why: 'the browser-mode bridge' },
  cli: { may: ['services', 'core', 'shared'], why: 'the command-line shell' },
  renderer: {
    may: ['core', 'shared'],
    why: 'the page, which reaches main only through the contract',
  },
};

/** The src/ folder a path is in, or null outside src/. */
function layerOf(path) {
  const inside = relative(SRC, path);
  if (inside.startsWith('..') || inside === '') return null;
  const [first] = inside.split(sep);
  return first in LAYERS ? first : null;
}

/** `layers/imports`: a file may import only its own layer and those LAYERS lists for it. */
const layersRule = {
  meta: { type: 'problem', schema: [], messages: { crossed: '{{message}}' } },
  create(context) {
    const from = layerOf(context.filename);
    if (from === null) return {};
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const to = layerOf(resolve(dirname(context.filename), source.value));
      if (to === null || to === from || LAYERS[from].may.includes(to)) return;
      const allowed = LAYERS[from].may.map((layer) => `src/${layer}`).join(', ') || 'nothing else';
      context.report({
        node: source,
        messageId: 'crossed',
        data: {
          message:
            `src/${from} (${LAYERS[from].why}) may not import src/${to}. ` +
            `It may import: ${allowed}.`,
        },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Packages a layer may not import, with the reason the message gives. */
const noPackages = (rules) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: rules.flatMap(({ names, message }) => names.map((name) => ({ name, message }))),
      patterns: rules.flatMap(({ patterns = [], message }) =>
        patterns.length ? [{ group: patterns, message }] : [],
      ),
    },
  ],
});

const ELECTRON = {
  names: ['electron'],
  message: 'Only src/main and src/preload may import electron.',
};
const REACT = {
  names: ['react', 'react-dom'],
  patterns: ['react/*', 'react-dom/*'],
  message: 'Only src/renderer may import react.',
};
const nodeBuiltins = (who) => ({
  names: NODE_BUILTINS,
  patterns: NODE_BUILTINS.map((name) => `${name}/*`),
  message: `${who} may not import Node's modules: put Node I/O in src/services and hand the result in.`,
});

// Globals only one of the two runtimes has (the language's own are in both):
// code that runs in the page and under Node may use neither kind. Nor the
// browser's storage and I/O, which newer Node versions have grown too.
const esGlobals = new Set(Object.keys(globals.es2021));
const oneRuntimeGlobals = [
  ...Object.keys(globals.node).filter((name) => !(name in globals.browser)),
  ...Object.keys(globals.browser).filter((name) => !(name in globals.node)),
  ...['localStorage', 'sessionStorage', 'Storage', 'navigator', 'Navigator', 'fetch', 'WebSocket'],
].filter((name) => !esGlobals.has(name));
const noRuntimeGlobals = (who) => ({
  'no-restricted-globals': [
    'error',
    ...oneRuntimeGlobals.map((name) => ({
      name,
      message: `${who} runs in the page and under Node: use globals both have (no DOM, no process or Buffer, no storage or I/O).`,
    })),
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. a rest-destructured key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**'],
    plugins: { layers: { rules: { imports: layersRule } } },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['src/core/**', 'src/shared/**'],
    rules: {
      ...noPackages([ELECTRON, REACT, nodeBuiltins('Domain and contract code')]),
      ...noRuntimeGlobals('Domain and contract code'),
    },
  },
  {
    files: ['src/services/**', 'src/server/**', 'src/cli/**'],
    rules: noPackages([ELECTRON, REACT]),
  },
  {
    files: ['src/main/**'],
    rules: noPackages([REACT]),
  },
  {
    files: ['src/preload/**'],
    rules: noPackages([REACT, nodeBuiltins('The sandboxed preload')]),
  },
  {
    files: ['src/renderer/**'],
    rules: noPackages([ELECTRON, nodeBuiltins('Renderer code (it runs in the page)')]),
  },
);
