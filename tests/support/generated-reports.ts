/**
 * Reports that look like other districts' work reports, made from the bundled
 * one with a seeded PRNG, for the library's search tests and bench: nobody
 * has a hundred real reports here. Each is its own title block (place,
 * session, date, speaker), its own sections of run-in heads and paragraphs
 * recombined from the bundled report's sentences, other places and topics
 * (新词 the bundled report never uses), years moved to its own, every other
 * figure redrawn, and a 名词解释 appendix or none. Lengths vary from about
 * half to about twice the bundled report's.
 */
import type { Block } from '../../src/shared/document';
import { mulberry32 } from './random';

const PLACES: [city: string, district: string][] = [
  ['宁波', '江北区'],
  ['宁波', '鄞州区'],
  ['宁波', '镇海区'],
  ['杭州', '西湖区'],
  ['杭州', '上城区'],
  ['绍兴', '越城区'],
  ['武汉', '武昌区'],
  ['包头', '昆都仑区'],
  ['温州', '鹿城区'],
  ['嘉兴', '南湖区'],
  ['湖州', '吴兴区'],
  ['金华', '婺城区'],
  ['台州', '椒江区'],
  ['舟山', '定海区'],
  ['丽水', '莲都区'],
  ['衢州', '柯城区'],
  ['成都', '锦江区'],
  ['南京', '鼓楼区'],
  ['苏州', '姑苏区'],
  ['合肥', '蜀山区'],
];

/** Topics of the bundled report, each swapped per report for one of TOPICS. */
const OWN_TOPICS = [
  '垃圾分类',
  '污水零直排',
  '特色小镇',
  '城市双修',
  '棚户区改造',
  '凤凰行动',
  '最多跑一次',
  '三江口',
];
const TOPICS = [
  '河长制',
  '海绵城市',
  '智慧城市',
  '数字经济',
  '美丽乡村',
  '老旧小区改造',
  '五水共治',
  '三改一拆',
  '营商环境',
  '放管服',
  '农村电商',
  '全域旅游',
  '跨境电商',
  '人工智能',
  '新能源汽车',
  '集成电路',
  '生物医药',
  '学前教育',
  '分级诊疗',
  '食品安全',
  '黑臭水体',
  '长江大保护',
  '稀土新材料',
  '草原生态',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '建国志强海涛晓明丽华文军永红卫东春燕伟光';
const NUMERALS = '一二三四五六七八九十';

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
const between = (random: () => number, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** Sentences of the bundled report's paragraphs (run-in heads left out), each ending in its 。；！？ */
function sentencePool(blocks: readonly Block[]): string[] {
  return blocks
    .filter((block) => block.kind === 'paragraph' && block.text.length > 20)
    .flatMap((block) => block.text.slice(block.lead ?? 0).split(/(?<=[。；！？])/u))
    .filter((sentence) => sentence.length >= 8);
}

/** Run-in heads of the bundled report without their numbering: 融合发展平稳推进。 强化平台建设。 */
function headPool(blocks: readonly Block[], level: number): string[] {
  return blocks
    .filter((block) => block.kind === 'paragraph' && block.level === level && block.lead)
    .map((block) => block.text.slice(0, block.lead).replace(/^（[一二三四五六七八九十]+）/u, ''));
}

/** A generated report's blocks (ids b1, b2, …). */
export function generateReport(base: readonly Block[], seed: number): Block[] {
  const random = mulberry32(seed);
  const [city, district] = pick(random, PLACES);
  const stem = district.slice(0, -1);
  const year = between(random, 2012, 2024);
  const topics = new Map(OWN_TOPICS.map((topic) => [topic, pick(random, TOPICS)]));
  const sentences = sentencePool(base);
  const sectionHeads = headPool(base, 2);
  const runInHeads = headPool(base, 3);
  const glossary = base.filter((block) => block.kind === 'glossary');

  /** The bundled report's words made this report's: place, years, topics, figures. */
  const localize = (text: string) => {
    let out = text.replaceAll('海曙区', district).replaceAll('海曙', stem).replaceAll('宁波', city);
    for (const [from, to] of topics) out = out.replaceAll(from, to);
    return out.replace(/\d+/gu, (run) =>
      /^(19|20)\d\d$/u.test(run)
        ? String(year + Number(run) - 2018)
        : String(
            between(random, run.length === 1 ? 1 : 10 ** (run.length - 1), 10 ** run.length - 1),
          ),
    );
  };
  const paragraph = (low: number, high: number) =>
    localize(
      Array.from({ length: between(random, low, high) }, () => pick(random, sentences)).join(''),
    );

  const blocks: Omit<Block, 'id'>[] = [
    { kind: 'meta', role: 'title', text: `${district}政府工作报告` },
    {
      kind: 'meta',
      role: 'occasion',
      text: `${year}年${between(random, 1, 3)}月${between(random, 1, 28)}日在${district}第${pick(random, [...NUMERALS])}届人民代表大会第${pick(random, [...'一二三四五'])}次会议上`,
    },
    {
      kind: 'meta',
      role: 'speaker',
      text: `区长 ${pick(random, [...SURNAMES])}${pick(random, [...GIVEN])}${pick(random, [...GIVEN])}`,
    },
    { kind: 'paragraph', text: '各位代表：' },
    {
      kind: 'paragraph',
      text: `现在，我代表${city}市${district}人民政府向大会报告工作，请予审议。`,
    },
  ];
  const parts = [`${year - 1}年工作回顾`, `${year}年主要目标任务`, '切实加强政府自身建设'];
  parts.forEach((part, p) => {
    blocks.push({ kind: 'heading', level: 1, text: `${NUMERALS[p]}、${part}` });
    blocks.push({ kind: 'paragraph', text: paragraph(1, 4) });
    const sections = between(random, 2, 7);
    for (let s = 0; s < sections; s++) {
      const head = localize(`（${NUMERALS[s]}）${pick(random, sectionHeads)}`);
      blocks.push({ kind: 'paragraph', level: 2, lead: head.length, text: head + paragraph(2, 8) });
      const runIns = between(random, 0, 4);
      for (let r = 0; r < runIns; r++) {
        const runIn = localize(pick(random, runInHeads));
        blocks.push({
          kind: 'paragraph',
          level: 3,
          lead: runIn.length,
          text: runIn + paragraph(1, 6),
        });
      }
    }
  });
  blocks.push({ kind: 'paragraph', text: paragraph(2, 4) });
  if (random() < 0.6) {
    blocks.push({ kind: 'heading', level: 1, text: '附件：名词解释' });
    const entries = between(random, 2, glossary.length);
    for (let g = 0; g < entries; g++) {
      const entry = localize(pick(random, glossary).text.replace(/^\d+\.\s*/u, ''));
      blocks.push({ kind: 'glossary', text: `${g + 1}. ${entry}` });
    }
  }
  blocks.push({ kind: 'meta', role: 'date', text: `${year}年${between(random, 1, 3)}月1日` });
  // Every text is localized as it is made, so a run-in head's `lead` is its length as shown.
  return blocks.map((block, i) => ({ ...block, id: `b${i + 1}` }));
}
