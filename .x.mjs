import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
await page.goto('http://127.0.0.1:4391/');
await page.waitForSelector('.report.settled', { timeout: 60000 });
await page.keyboard.press('n');
await page.waitForTimeout(1500);
await page.emulateMedia({ media: 'print' });
const table = page.locator('#pane .printed-comparison table').first();
await table.locator('tbody tr').nth(4).evaluate((row) => row.scrollIntoView({ block: 'start' }));
console.log(await table.evaluate((element) => {
  const header = element.querySelector('thead th');
  return [getComputedStyle(header).position, JSON.stringify(header.getBoundingClientRect()), JSON.stringify(element.querySelectorAll('tbody tr')[4].getBoundingClientRect()), document.scrollingElement.scrollTop, document.querySelector('#pane').scrollTop];
}));
await browser.close();
