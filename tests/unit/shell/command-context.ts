/** A renderer command context with every action a spy: for tests of what commands and the menu show. */
import { vi } from 'vitest';
import type { CommandContext } from '../../../src/renderer/lib/commands';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

export function commandContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    settings: DEFAULT_SETTINGS,
    update: vi.fn(),
    scrollBy: vi.fn(),
    scrollPage: vi.fn(),
    scrollToEdge: vi.fn(),
    goToSection: vi.fn(),
    toggleToc: vi.fn(),
    addUserTerm: vi.fn(),
    tocCoversText: false,
    tocOpen: true,
    focusSearch: vi.fn(),
    stepSearch: vi.fn(),
    openShortcuts: vi.fn(),
    print: vi.fn(),
    savePdf: vi.fn(),
    canSavePdf: true,
    showPanel: vi.fn(),
    canAnnotate: false,
    highlightSelection: vi.fn(),
    toggleBookmark: vi.fn(),
    canUndo: false,
    undoDelete: vi.fn(),
    exportAnnotations: vi.fn(),
    importAnnotations: vi.fn(),
    canImport: true,
    ...overrides,
  };
}
