/**
 * Finding a PDF's pages in its page tree (pdf.js's Catalog.getPageDict, with
 * our patch: patches/README.md). Unpatched, every page asked walked the whole
 * /Kids array of a flat tree, so a file of 2,000 one-line pages spent most of
 * its second of CPU there. Counted here, not timed: the Map and Set lookups
 * pdf.js's reference caches make while a file is read, per page, must not grow
 * with the number of pages. And the walk must still find the right page, in a
 * nested tree, whatever the order the pages are asked in.
 */
import { describe, expect, it } from 'vitest';
import { readPdfPages } from '../../../src/services/report-file/pdf-text';
import { pdfFromObjects } from '../../../src/services/report-file/warm-up';

/** A page's content: its own label, `P<n>`, in Helvetica (read back as it is). */
const labelled = (n: number) => `BT /F1 12 Tf 72 720 Td (P${n}) Tj ET`;

/**
 * A PDF of `pages` pages whose page tree nests `fanOut` kids a node (a flat
 * tree when fanOut ≥ pages), page n showing `P<n>`. Objects: 1 the catalog,
 * 2 the font, then the tree's nodes, then each page and its content.
 */
function pdfWithTree(pages: number, fanOut: number): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 3 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const nodes: { kids: number[]; parent?: number }[] = [];
  /** Adds the nodes over the leaves [first, first + count); answers the subtree's root object. */
  const build = (first: number, count: number, parent?: number): number => {
    const id = 3 + nodes.length;
    const node: { kids: number[]; parent?: number } = { kids: [], parent };
    nodes.push(node);
    if (count <= fanOut) {
      for (let page = first; page < first + count; page++) node.kids.push(-page - 1);
    } else {
      const share = Math.ceil(count / fanOut);
      for (let start = first; start < first + count; start += share) {
        node.kids.push(build(start, Math.min(share, first + count - start), id));
      }
    }
    return id;
  };
  build(0, pages);
  const firstPage = 3 + nodes.length;
  const pageRef = (page: number) => firstPage + 2 * page;
  const leafParent = new Map<number, number>();
  const counts = new Map<number, number>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const id = 3 + i;
    let count = 0;
    for (const kid of nodes[i].kids) {
      if (kid < 0) {
        leafParent.set(-kid - 1, id);
        count++;
      } else count += counts.get(kid)!;
    }
    counts.set(id, count);
  }
  nodes.forEach((node, i) => {
    const kids = node.kids.map((kid) => `${kid < 0 ? pageRef(-kid - 1) : kid} 0 R`).join(' ');
    const parent = node.parent === undefined ? '' : ` /Parent ${node.parent} 0 R`;
    objects.push(`<< /Type /Pages${parent} /Kids [${kids}] /Count ${counts.get(3 + i)} >>`);
  });
  for (let page = 0; page < pages; page++) {
    const content = labelled(page);
    objects.push(
      `<< /Type /Page /Parent ${leafParent.get(page)} 0 R /MediaBox [0 0 595 842]` +
        ` /Contents ${pageRef(page) + 1} 0 R /Resources << /Font << /F1 2 0 R >> >> >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  return pdfFromObjects(objects);
}

const labels = (pages: Awaited<ReturnType<typeof readPdfPages>>) =>
  pages.map((page) => page.items.map((item) => item.str).join(''));

/** Reads the file; answers its pages and the Map/Set lookups made while it was read. */
async function countLookups(bytes: Uint8Array) {
  let lookups = 0;
  const originals = [
    [Map.prototype, 'get', Map.prototype.get],
    [Map.prototype, 'has', Map.prototype.has],
    [Set.prototype, 'has', Set.prototype.has],
  ] as const;
  for (const [owner, name, original] of originals) {
    // Counts a call, then does what the engine's own method does.
    (owner as unknown as Record<string, unknown>)[name] = function (this: unknown, key: unknown) {
      lookups++;
      return (original as (key: unknown) => unknown).call(this, key);
    };
  }
  try {
    const pages = await readPdfPages(bytes);
    return { pages, lookups };
  } finally {
    for (const [owner, name, original] of originals) {
      (owner as unknown as Record<string, unknown>)[name] = original;
    }
  }
}

describe("a PDF's page tree", () => {
  it('costs the same lookups per page in a flat tree of 300 pages as of 1,200', async () => {
    await readPdfPages(pdfWithTree(1, 1)); // pdf.js loaded and its caches made
    const small = await countLookups(pdfWithTree(300, 2_000));
    const large = await countLookups(pdfWithTree(1_200, 2_000));
    expect(labels(large.pages)).toEqual(Array.from({ length: 1_200 }, (_, n) => `P${n}`));
    const perPage = (run: { lookups: number }, pages: number) => run.lookups / pages;
    // Linear: the same per page (unpatched it was ~4× at four times the pages).
    expect(perPage(large, 1_200)).toBeLessThan(1.25 * perPage(small, 300));
  });

  it('finds every page of a nested tree, in order', async () => {
    for (const fanOut of [2, 3, 7, 50]) {
      const pages = await readPdfPages(pdfWithTree(101, fanOut));
      expect(labels(pages), `${fanOut} kids a node`).toEqual(
        Array.from({ length: 101 }, (_, n) => `P${n}`),
      );
    }
  });

  it('finds the right page whatever order the pages are asked in', async () => {
    await readPdfPages(pdfWithTree(1, 1)); // loads pdf.js, as the app does
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The odd pages backwards, then the even ones forwards: hops back before a remembered spot, and on.
    const order = [
      ...Array.from({ length: 40 }, (_, i) => 79 - 2 * i),
      ...Array.from({ length: 40 }, (_, i) => 2 * i),
    ];
    for (const fanOut of [3, 100]) {
      const task = pdfjs.getDocument({ data: pdfWithTree(80, fanOut), verbosity: 0 });
      try {
        const document = await task.promise;
        for (const index of order) {
          const page = await document.getPage(index + 1);
          const { items } = await page.getTextContent();
          const text = items.map((item) => ('str' in item ? item.str : '')).join('');
          expect(text, `page ${index + 1} of a tree of ${fanOut} kids a node`).toBe(`P${index}`);
        }
      } finally {
        await task.destroy();
      }
    }
  });
});
