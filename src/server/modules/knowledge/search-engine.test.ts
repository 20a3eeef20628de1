import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { devEvalFile, loadCorpus } from './corpus';
import { type ArticleDoc, type KnowledgeDoc, type QaDoc } from './documents';
import { EvalSet, evaluate } from './evaluate';
import { buildIndex, search, searchArticles, type SearchHit, type SearchIndex } from './search-engine';

let index: SearchIndex;
let docs: KnowledgeDoc[];

beforeAll(() => {
  docs = loadCorpus({ qaFile: null }).docs;
  index = buildIndex(docs);
});

const name = (h: SearchHit) => {
  const d = h.doc as ArticleDoc;
  return `${d.lawShortTitle}${d.articleNo}`;
};

describe('corpus', () => {
  it('loads every article and the typical cases with their citations', () => {
    expect(index.articles.docs.length).toBe(1242);
    expect(index.cases.docs.length).toBe(10);
    const first = index.cases.docs.find((c) => c.id === 'labor-case-2021-overtime-01');
    expect(first?.citations).toContainEqual({ lawId: 'labor-dispute-mediation-arbitration-law', articleNo: 27 });
  });
});

describe('citation lookup', () => {
  it.each([
    ['劳动合同法第47条', '劳动合同法47'],
    ['劳动合同法第四十七条', '劳动合同法47'],
    ['实施条例第二十七条', '劳动合同法实施条例27'],
    ['调解仲裁法 第27条', '劳动争议调解仲裁法27'],
    ['司法解释二第9条', '劳动争议司法解释（二）9'],
    ['第四十七条', '劳动合同法47'],
  ])('%s goes straight to %s', (q, expected) => {
    const hits = searchArticles(index, q, 5);
    expect(name(hits[0])).toBe(expected);
    expect(hits[0].via).toContain('citation');
  });

  it('answers a bare citation with the cited articles only', () => {
    const hits = searchArticles(index, '劳动合同法第47条', 10);
    expect(hits).toHaveLength(1);
  });

  it('keeps searching the rest of a question that cites an article', () => {
    const hits = searchArticles(index, '劳动合同法第47条 经济补偿的月工资怎么算', 5);
    expect(name(hits[0])).toBe('劳动合同法47');
    expect(hits.length).toBeGreaterThan(1);
  });
});

describe('colloquial questions', () => {
  it.each([
    ['被炒鱿鱼了能拿多少补偿', ['劳动合同法47', '劳动合同法46']],
    ['公司一直不给我交社保', ['社会保险法58', '社会保险法60', '社会保险法63', '社会保险法86', '劳动法100', '劳动合同法38']],
    ['周末加班工资怎么算', ['劳动法44', '工资支付暂行规定13']],
    ['工作十二年了，年假有几天', ['职工带薪年休假条例3']],
  ])('%s finds one of %o in the top 3', (q, expected) => {
    const top = searchArticles(index, q, 3).map(name);
    expect(top.some((n) => expected.includes(n))).toBe(true);
  });

  it('reports the matched words for highlighting', () => {
    const [hit] = searchArticles(index, '试用期工资能低于最低工资吗', 1);
    expect(hit.matched.length).toBeGreaterThan(0);
    for (const w of hit.matched) expect((hit.doc as ArticleDoc).text).toContain(w);
  });

  it('returns nothing for a query without content', () => {
    expect(searchArticles(index, '的了吗', 5)).toEqual([]);
    expect(search(index, '', {})).toEqual([]);
  });
});

describe('mixed search', () => {
  it('filters by kind and ranks cases about the question', () => {
    const hits = search(index, '加班费的仲裁时效', { kinds: ['case'], limit: 3 });
    expect(hits.every((h) => h.kind === 'case')).toBe(true);
    expect(hits[0].id).toBe('labor-case-2021-overtime-01');
  });

  it('mixes kinds on one scale', () => {
    const hits = search(index, '加班费的仲裁时效', { limit: 10 });
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['article', 'case']));
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });
});

describe('Q&A links', () => {
  const qa: QaDoc = {
    kind: 'qa',
    id: 'qa-test-1',
    question: '公司把我的工牌收走不让进门算什么',
    answer: '这种情况通常属于用人单位解除劳动合同。',
    citations: [{ lawId: 'labor-contract-law', articleNo: 50 }],
    tags: ['解除'],
  };
  it('lends a matching entry\'s score to the articles it cites', () => {
    const withQa = buildIndex([...docs, qa]);
    const before = searchArticles(index, '工牌被收走不让进门', 5).map(name);
    const after = searchArticles(withQa, '工牌被收走不让进门', 5);
    expect(before[0]).not.toBe('劳动合同法50');
    expect(name(after[0])).toBe('劳动合同法50');
    expect(after[0].via).toContain('qa');
    expect(search(withQa, '工牌被收走不让进门', { kinds: ['qa'] })[0].id).toBe('qa-test-1');
  });
});

describe('articles collect the wording of the questions they answer', () => {
  const entry = (id: string, first: number, second: number): QaDoc => ({
    kind: 'qa',
    id,
    question: '公司把我的工牌收走不让进门算什么',
    answer: '通常属于用人单位解除劳动合同。',
    citations: [
      { lawId: 'labor-contract-law', articleNo: first },
      { lawId: 'labor-contract-law', articleNo: second },
    ],
    tags: ['工牌'],
  });
  it('finds the article an entry cites first through its "asked as" field, without any lending', () => {
    const noLending = { qaLinkWeight: 0, caseLinkWeight: 0 };
    const asked = buildIndex([...docs, entry('qa-a', 50, 36)], { tuning: noLending });
    expect(name(searchArticles(asked, '工牌被收走不让进门', 1)[0])).toBe('劳动合同法50');
    const off = buildIndex([...docs, entry('qa-a', 50, 36)], { tuning: { ...noLending, askedAsWeight: 0 } });
    expect(searchArticles(off, '工牌被收走不让进门', 3).map(name)).not.toContain('劳动合同法50');
    // only the first citation: the second-cited article gains nothing
    const second = buildIndex([...docs, entry('qa-b', 36, 50)], { tuning: noLending });
    expect(name(searchArticles(second, '工牌被收走不让进门', 1)[0])).toBe('劳动合同法36');
  });
});

describe('quality on the development questions', () => {
  const file = devEvalFile();
  it.skipIf(!existsSync(file))('keeps top-1 ≥ 70 % and top-3 ≥ 90 % without Q&A', () => {
    const report = evaluate(index, EvalSet.parse(JSON.parse(readFileSync(file, 'utf8'))));
    expect(report.top1).toBeGreaterThanOrEqual(0.7);
    expect(report.top3).toBeGreaterThanOrEqual(0.9);
  });
});

describe('provisions for a group of workers', () => {
  it('lets a general wage question prefer the general rules over the migrant-worker ones', () => {
    const ranked = searchArticles(index, '公司每次发工资都不给工资条，我看不到明细', 5);
    const general = ranked.findIndex((h) => name(h) === '工资支付暂行规定6');
    const migrant = ranked.findIndex((h) => (h.doc as ArticleDoc).lawId === 'migrant-worker-wage-regulations');
    expect(general).toBeGreaterThanOrEqual(0);
    expect(migrant === -1 || general < migrant).toBe(true);
  });

  it('keeps them first when the question is about that group', () => {
    const [first] = searchArticles(index, '工地上干活的农民工工资必须按月发到银行卡上吗', 1);
    expect((first.doc as ArticleDoc).lawId).toBe('migrant-worker-wage-regulations');
  });
});
