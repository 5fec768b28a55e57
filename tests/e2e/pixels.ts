/**
 * What a part of the screen shows, pixel by pixel: for marks drawn by CSS
 * (a ribbon, a filled entry) whose only outcome is the colour on screen.
 * The screenshot is decoded in the page itself, which has a PNG decoder.
 */
import type { Page } from '@playwright/test';

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The share (0–1) of the clip's pixels that are not `background` (an `rgb(r, g, b)` string). */
export async function inkShare(page: Page, clip: Clip, background: string): Promise<number> {
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(
    async ({ png, background }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        // A few levels of tolerance: the decode may round.
        const far =
          Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 24;
        if (far) ink++;
      }
      return ink / (data.length / 4);
    },
    { png, background },
  );
}
