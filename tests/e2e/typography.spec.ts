/** Chinese typography on screen: where a term's line starts, and squeezed punctuation. */
import type { Page } from '@playwright/test';
import { expect, openReader, test } from './fixtures';
import { addByChooser, shownReport, waitForOtherReport } from './library-files';

test('the dotted line of “365”产业… starts under 3, not under the opening quote', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const term = page.locator('.term[data-glossary="g1"]');
  // The term is whole (its name, its popover), but its dotted line starts after the quote.
  await expect(term).toHaveAccessibleName('“365”产业投资导向');
  const line = term.locator('.term-line');
  await expect(line).toHaveText('365”产业投资导向');
  expect(
    await term.evaluate((element) => [
      getComputedStyle(element).textDecorationLine,
      getComputedStyle(element.querySelector('.term-line')!).textDecorationLine,
    ]),
  ).toEqual(['none', 'underline']);
  const [termBox, lineBox] = [(await term.boundingBox())!, (await line.boundingBox())!];
  expect(lineBox.x - termBox.x).toBeGreaterThan(5);
  await term.scrollIntoViewIfNeeded();
  const box = (await term.boundingBox())!;
  await page.screenshot({
    path: testInfo.outputPath('term-after-quote.png'),
    clip: { x: box.x - 60, y: box.y - 8, width: box.width + 120, height: box.height + 16 },
  });
});

test('a quote beside a character is drawn half-width; marks side by side are trimmed too', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  /** The width of `char` where it first follows `before` in the text, in ems of the text. */
  const widthOf = (before: string, char: string) =>
    page.evaluate(
      ([before, char]) => {
        const report = document.querySelector('.report')!;
        const size = parseFloat(getComputedStyle(report).fontSize);
        const walker = document.createTreeWalker(report, NodeFilter.SHOW_TEXT);
        let previous = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const last = i === 0 ? previous.slice(-1) : text[i - 1];
            if (text[i] !== char || last !== before) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return range.getBoundingClientRect().width / size;
          }
          previous = text;
        }
        return null;
      },
      [before, char],
    );
  // 实施“十三五”: the quote's blank half is gone (justification may add a little).
  expect(await widthOf('施', '“')).toBeLessThan(0.7);
  expect(await widthOf('五', '”')).toBeLessThan(0.7);
  // ，“ : text-spacing-trim's own work, not undone.
  expect(await widthOf('，', '“')).toBeLessThan(1);
  const shot = page.getByText('全面建成小康社会、实施').first();
  await shot.scrollIntoViewIfNeeded();
  await shot.screenshot({ path: testInfo.outputPath('squeezed-quotes.png') });
});

/** The title's lines, as the characters on each. */
function titleLines(page: Page): Promise<string[]> {
  return page.locator('.report-title').evaluate((title) => {
    const lines = new Map<number, string>();
    // A long title's words are each a span of their own (core/report/title-parts.ts).
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (let i = 0; i < text.textContent!.length; i++) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? '') + text.textContent![i]);
      }
    }
    return [...lines.entries()].sort(([a], [b]) => a - b).map(([, line]) => line);
  });
}

test('the spaced title stays on one line on a phone, at any font size; a longer one never leaves one character alone', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  for (const width of [320, 360, 390, 800, 1366]) {
    await page.setViewportSize({ width, height: 700 });
    await expect.poll(() => titleLines(page), `at ${width} px`).toEqual(['政府工作报告']);
  }
  await page.setViewportSize({ width: 390, height: 700 });
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(() => titleLines(page)).toEqual(['政府工作报告']);
  await page.screenshot({
    path: testInfo.outputPath('title-390-large.png'),
    clip: { x: 0, y: 0, width: 390, height: 260 },
  });
  // A report whose title is longer than a line: balanced, never one character alone.
  await page.locator('.report-title').evaluate((title) => {
    title.textContent = '政府工作报告（征求意见稿）';
  });
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 700 });
    const lines = await titleLines(page);
    expect(lines.join('')).toBe('政府工作报告（征求意见稿）');
    expect(Math.min(...lines.map((line) => line.length)), lines.join(' / ')).toBeGreaterThan(2);
  }
});

test('a court report’s long title breaks between words, at every width', async ({
  page,
  server,
}, testInfo) => {
  await openReader(page, server.url);
  const text = [
    '宁波市海曙区人民法院工作报告',
    '——2019年1月10日在宁波市海曙区第十一届人民代表大会第三次会议上',
    '各位代表：',
    '现在，我代表宁波市海曙区人民法院向大会报告工作，请予审议。',
    '一、2018年工作回顾',
    '2018年，全院共受理各类案件28356件，审执结27104件。',
  ].join('\n\n');
  const bundled = (await shownReport(page))!;
  await addByChooser(page, '法院工作报告.txt', new TextEncoder().encode(text));
  await waitForOtherReport(page, bundled);
  for (const width of [1366, 1024, 800, 390]) {
    await page.setViewportSize({ width, height: 700 });
    // Before, balanced at the seventh character: 宁波市海曙区人 / 民法院工作报告.
    await expect
      .poll(() => titleLines(page), `at ${width} px`)
      .toEqual(
        width > 400
          ? ['宁波市海曙区', '人民法院工作报告']
          : ['宁波市海曙区', '人民法院', '工作报告'],
      );
    await page.screenshot({
      path: testInfo.outputPath(`court-title-${width}.png`),
      clip: { x: 0, y: 0, width, height: 300 },
    });
  }
});
