import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Many suites start real processes (the CLI, parse workers, ESLint with its
    // config): on 2 shared cores that alone has passed vitest's 5 s default.
    // Nothing here asserts a time, so a longer limit hides no slowness.
    testTimeout: 20_000,
  },
});
