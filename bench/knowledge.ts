/**
 * Legal search speed: `npx tsx bench/knowledge.ts [--rounds N]`.
 * Builds the index over the whole corpus, then runs the development questions and generated
 * queries (article snippets, colloquial dictionary words, citations) several rounds and prints
 * index build time and p50/p95/max per query. Target: p95 ≤ 20 ms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { articleLabel } from '../src/domain/knowledge/citation';
import { defaultSynonyms } from '../src/domain/knowledge/synonyms';
import { devEvalFile, loadCorpus } from '../src/server/modules/knowledge/corpus';
import { EvalSet } from '../src/server/modules/knowledge/evaluate';
import { buildIndex, search, searchArticles } from '../src/server/modules/knowledge/search-engine';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Math.max(1, Number(values.rounds) || 5);

/** Deterministic generator (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = performance.now();
const corpus = loadCorpus();
const tLoad = performance.now();
const index = buildIndex(corpus.docs);
const tBuild = performance.now();

const random = rng(20240601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const articles = index.articles.docs;
const colloquial = defaultSynonyms().dictionary.entries.flatMap((e) => e.terms);
const queries: string[] = [];
const devFile = devEvalFile();
if (existsSync(devFile)) {
  for (const q of EvalSet.parse(JSON.parse(readFileSync(devFile, 'utf8')))) queries.push(q.question);
}
for (let i = 0; i < 200; i++) {
  const text = pick(articles).text.replace(/\s/g, '');
  const len = 6 + Math.floor(random() * 20);
  const at = Math.floor(random() * Math.max(1, text.length - len));
  queries.push(text.slice(at, at + len));
}
for (let i = 0; i < 100; i++) queries.push(`${pick(colloquial)}${pick(['了怎么办', '能赔多少', '合法吗', '', '，公司说不行'])}${pick(colloquial)}`);
for (let i = 0; i < 50; i++) {
  const a = pick(articles);
  queries.push(`${a.lawShortTitle}${random() < 0.5 ? articleLabel(a.articleNo) : `第${a.articleNo}条`}`);
}

for (const q of queries.slice(0, 50)) searchArticles(index, q, 10); // warm up the JIT
const times: number[] = [];
const mixed: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of queries) {
    const s = performance.now();
    searchArticles(index, q, 10);
    times.push(performance.now() - s);
  }
  for (const q of queries.slice(0, 100)) {
    const s = performance.now();
    search(index, q, { limit: 20 });
    mixed.push(performance.now() - s);
  }
}

function pct(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const fmt = (x: number) => `${x.toFixed(2)} ms`;
console.log(`文档: ${articles.length} 条文, ${index.qa.docs.length} 问答, ${index.cases.docs.length} 案例`);
console.log(`加载: ${fmt(tLoad - t0)}  建索引: ${fmt(tBuild - tLoad)}`);
console.log(`searchArticles ×${times.length}: p50 ${fmt(pct(times, 50))}  p95 ${fmt(pct(times, 95))}  max ${fmt(Math.max(...times))}`);
console.log(`search(全部类型) ×${mixed.length}: p50 ${fmt(pct(mixed, 50))}  p95 ${fmt(pct(mixed, 95))}  max ${fmt(Math.max(...mixed))}`);
const p95 = pct(times, 95);
if (p95 > 20) {
  console.error(`p95 ${fmt(p95)} 超过 20 ms 目标`);
  process.exitCode = 1;
}
