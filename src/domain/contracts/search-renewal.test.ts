import { describe, expect, it } from 'vitest';
import { renewalReminder, renewalWindowOpens } from './deadlines';
import { bm25, highlightSnippet, idf, indexTerms, phraseMatch, queryTerms, type CorpusStats } from './search';

describe('jieba segmentation of contract texts (shared knowledge-base tokenizer)', () => {
  it('indexes whole words and their search-mode parts, counting body and title apart', () => {
    const { terms, length } = indexTerms('女职工权益保护专项集体合同', '企业对女职工经期、孕期、产期、哺乳期给予特殊保护。哺乳期内每天安排一小时哺乳时间。');
    expect(terms.get('哺乳期')).toEqual({ tf: 2, titleTf: 0 });
    expect(terms.get('女职工')).toMatchObject({ tf: 1, titleTf: 1 });
    expect(terms.has('的')).toBe(false);
    expect(length).toBeGreaterThan(5);
  });
  it.each([
    ['女职工 哺乳期', ['女职工', '哺乳期']],
    ['职业病危害因素', ['职业病', '危害']],
    ['工资正常增长机制', ['工资', '增长']],
  ])('query %s yields words %j', (q, want) => {
    const got = queryTerms(q);
    for (const w of want) expect(got).toContain(w);
  });
});

describe('BM25 ranking', () => {
  const corpus: CorpusStats = { docCount: 100, avgLength: 50, docFreq: new Map([['哺乳期', 5], ['工资', 90]]) };
  it('a rare word outweighs a common one', () => {
    expect(idf(100, 5)).toBeGreaterThan(idf(100, 90));
    const rare = bm25({ length: 50, postings: [{ term: '哺乳期', tf: 1, titleTf: 0 }] }, corpus);
    const common = bm25({ length: 50, postings: [{ term: '工资', tf: 1, titleTf: 0 }] }, corpus);
    expect(rare).toBeGreaterThan(common);
  });
  it('term frequency saturates; longer documents are normalised down; the title counts more', () => {
    const s = (tf: number, length = 50, titleTf = 0) => bm25({ length, postings: [{ term: '哺乳期', tf, titleTf }] }, corpus);
    expect(s(2)).toBeGreaterThan(s(1));
    expect(s(20) - s(10)).toBeLessThan(s(2) - s(1));
    expect(s(1, 200)).toBeLessThan(s(1, 50));
    expect(s(0, 50, 1)).toBeGreaterThan(s(1));
  });
  it('phrase match ignores spaces and punctuation', () => {
    expect(phraseMatch('职业病 危害因素', '告知职业病危害因素。')).toBe(true);
    expect(phraseMatch('危害因素 职业病', '告知职业病危害因素。')).toBe(false);
  });
});

describe('highlighted snippets', () => {
  it('picks the window with the most distinct words and gives their offsets', () => {
    const text = '第一条 工资按月支付。'.repeat(5) + '第九条 女职工哺乳期内每天一小时哺乳时间。' + '第十条 其他。'.repeat(5);
    const s = highlightSnippet(text, ['女职工', '哺乳期'], 40);
    expect(s.snippet).toContain('女职工哺乳期');
    const marked = s.highlights.map(([a, b]) => s.snippet.slice(a, b));
    expect(marked).toContain('女职工');
    expect(marked).toContain('哺乳期');
  });
  it('longer words win over the words inside them; no overlapping ranges', () => {
    const s = highlightSnippet('女职工哺乳期保护', ['哺乳', '哺乳期']);
    expect(s.highlights).toEqual([[3, 6]]);
  });
  it('no hit: the beginning of the text, nothing marked', () => {
    expect(highlightSnippet('工资按月支付', ['哺乳期'])).toEqual({ snippet: '工资按月支付', highlights: [] });
  });
});

describe('renewal reminders (集体合同规定 第三十八条: 期满前3个月内可提出续订)', () => {
  it.each([
    ['2027-12-31', '2027-09-30'],
    ['2027-05-31', '2027-02-28'],
    ['2028-05-31', '2028-02-29'],
    ['2027-02-15', '2026-11-15'],
  ])('term ending %s: window opens %s', (end, opens) => expect(renewalWindowOpens(end)).toBe(opens));
  it.each([
    ['2027-02-15', '2026-11-14', false, null],
    ['2027-02-15', '2026-11-15', false, 'expiring'],
    ['2027-02-15', '2027-02-15', false, 'expiring'],
    ['2027-02-15', '2027-02-16', false, 'expired'],
    ['2027-02-15', '2027-01-01', true, null],
    [null, '2027-01-01', false, null],
  ])('term end %s, today %s, renewed %s → %s', (end, today, renewed, want) => expect(renewalReminder(end, today, renewed)).toBe(want));
});

describe('minimum match per query part', () => {
  it('every whitespace-separated part must be matched by at least half of its words', async () => {
    const { queryGroups, satisfiesGroups } = await import('./search');
    const g = queryGroups('女职工 哺乳期');
    expect(g).toHaveLength(2);
    expect(satisfiesGroups(g, new Set(['女职工', '职工']))).toBe(false);
    expect(satisfiesGroups(g, new Set(['女职工', '哺乳期']))).toBe(true);
    const one = queryGroups('工资正常增长机制');
    expect(satisfiesGroups(one, new Set(['工资']))).toBe(false);
    expect(satisfiesGroups(one, new Set(one.flat()))).toBe(true);
    expect(queryGroups('的 了')).toEqual([]);
  });
});
