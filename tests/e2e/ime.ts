/** Typing the way a Chinese input method does, through CDP: pinyin composition, then the commit. */
import type { CDPSession, Page } from '@playwright/test';

export interface Ime {
  /** Shows each pinyin stage as a composition, then commits `text`. */
  type(pinyinStages: string[], text: string): Promise<void>;
  /** Composition only, without committing. */
  compose(pinyinStages: string[]): Promise<void>;
}

export async function inputMethod(page: Page): Promise<Ime> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const compose = async (stages: string[]) => {
    for (const text of stages) {
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
    }
  };
  return {
    compose,
    async type(stages, text) {
      await compose(stages);
      await cdp.send('Input.insertText', { text });
    },
  };
}
