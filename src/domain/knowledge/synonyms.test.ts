import { describe, expect, it } from 'vitest';
import rawDictionary from '../../../data/knowledge/synonyms.json';
import {
  articlePopulations,
  compileSynonyms,
  defaultSynonyms,
  expandQuery,
  lawsMentioned,
  queryPopulations,
  resolveLaw,
  SynonymDictionary,
} from './synonyms';
import { bigrams, tokenize, withoutParticles } from './tokenize';

const syn = defaultSynonyms();
const expanded = (q: string) => expandQuery(syn, q).map((e) => e.term);
const LAWS = [
  { id: 'labor-contract-law', title: '中华人民共和国劳动合同法', shortTitle: '劳动合同法' },
  { id: 'labor-contract-law-regulations', title: '中华人民共和国劳动合同法实施条例', shortTitle: '劳动合同法实施条例' },
  { id: 'labor-dispute-mediation-arbitration-law', title: '中华人民共和国劳动争议调解仲裁法', shortTitle: '劳动争议调解仲裁法' },
  { id: 'labor-law', title: '中华人民共和国劳动法', shortTitle: '劳动法' },
  { id: 'spc-labor-dispute-interpretation-1', title: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）', shortTitle: '劳动争议司法解释（一）' },
  { id: 'spc-labor-dispute-interpretation-2', title: '最高人民法院关于审理劳动争议案件适用法律问题的解释（二）', shortTitle: '劳动争议司法解释（二）' },
  { id: 'paid-annual-leave-regulations', title: '职工带薪年休假条例', shortTitle: '职工带薪年休假条例' },
];

describe('synonym dictionary data', () => {
  it('is valid and large enough to cover the field', () => {
    const dict = SynonymDictionary.parse(rawDictionary);
    expect(dict.entries.length).toBeGreaterThan(300);
    expect(dict.entries.reduce((n, e) => n + e.terms.length, 0)).toBeGreaterThan(1500);
  });

  it('keeps every trigger at least two characters long', () => {
    expect(() => SynonymDictionary.parse({ version: 1, laws: [], userWords: [], entries: [{ terms: ['炒'], expand: ['解除'] }] })).toThrow();
  });
});

describe('expandQuery', () => {
  it.each([
    ['被炒鱿鱼了', '解除劳动合同'],
    ['公司把我辞退了', '解除劳动合同'],
    ['加班费怎么算', '延长工作时间'],
    ['五险一金', '住房公积金'],
    ['怀孕了', '孕期'],
    ['公司拖欠工资', '拖欠'],
    ['一直没签合同', '未订立书面劳动合同'],
    ['能拿多少赔偿', '经济补偿'],
    ['年假怎么休', '年休假'],
    ['我想辞职', '劳动者解除劳动合同'],
    ['被派遣到别的公司', '劳务派遣'],
    ['签了竞业协议', '竞业限制'],
    ['来大姨妈', '经期'],
  ])('%s → %s', (q, term) => {
    expect(expanded(q)).toContain(term);
  });

  it('prefers the longer phrase: 没签合同 does not also fire 签合同 alone', () => {
    const sources = new Set(expandQuery(syn, '一直没签合同').map((e) => e.source));
    expect(sources.has('没签合同')).toBe(true);
    expect(sources.has('签合同')).toBe(false);
  });

  it('fires combinations only when both sides appear', () => {
    expect(expanded('国庆节被安排上班')).toContain('百分之三百');
    expect(expanded('国庆节放几天')).not.toContain('百分之三百');
  });

  it('matches whatever particles the verb carries (被判了刑)', () => {
    expect(withoutParticles('被判了刑')).toBe('被判刑');
    expect(expanded(`被判了刑\n${withoutParticles('被判了刑')}`)).toContain('被依法追究刑事责任');
  });

  it('compiles a custom dictionary', () => {
    const custom = compileSynonyms({ version: 1, laws: [], userWords: [], entries: [{ terms: ['打工仔'], expand: ['劳动者'] }], populations: [] });
    expect(expandQuery(custom, '打工仔的权利').map((e) => e.term)).toEqual(['劳动者']);
  });
});

describe('resolveLaw', () => {
  it.each([
    ['劳动合同法', 'labor-contract-law'],
    ['中华人民共和国劳动合同法', 'labor-contract-law'],
    ['实施条例', 'labor-contract-law-regulations'],
    ['合同法实施条例', 'labor-contract-law-regulations'],
    ['调解仲裁法', 'labor-dispute-mediation-arbitration-law'],
    ['仲裁法', 'labor-dispute-mediation-arbitration-law'],
    ['司法解释一', 'spc-labor-dispute-interpretation-1'],
    ['解释二', 'spc-labor-dispute-interpretation-2'],
    ['劳动争议司法解释（二）', 'spc-labor-dispute-interpretation-2'],
    ['年休假条例', 'paid-annual-leave-regulations'],
    ['劳动法', 'labor-law'],
  ])('%s → %s', (hint, id) => {
    expect(resolveLaw(syn, LAWS, hint)).toBe(id);
  });

  it('returns undefined for unknown laws', () => {
    expect(resolveLaw(syn, LAWS, '民法典')).toBeUndefined();
  });

  it('finds laws named inside a question', () => {
    expect(lawsMentioned(syn, LAWS, '劳动合同法里关于试用期怎么规定')).toEqual(['labor-contract-law']);
  });
});

describe('tokenize', () => {
  it('keeps statutory terms whole and drops stop words', () => {
    const tokens = tokenize('用人单位应当向劳动者支付经济补偿');
    expect(tokens).toContain('经济补偿');
    expect(tokens).toContain('用人单位');
    expect(tokens).not.toContain('的');
  });

  it('drops cross-references so their numerals do not match', () => {
    expect(tokenize('依照本法第四十七条规定')).not.toContain('四十七');
  });

  it('makes bigrams inside Chinese runs only', () => {
    expect(bigrams('工资, 加班')).toEqual(['工资', '加班']);
  });
});

describe('joinBrokenLines', () => {
  it('rejoins a word split by hard wrapping but keeps real paragraphs', async () => {
    const { joinBrokenLines } = await import('./tokenize');
    expect(joinBrokenLines('按照不低于劳动合\n同规定的标准')).toBe('按照不低于劳动合同规定的标准');
    expect(joinBrokenLines('下列情形之一的：\n（一）')).toBe('下列情形之一的：\n（一）');
  });
});

describe('coverage words added with the second batch of Q&A entries', () => {
  it.each([
    ['开夫妻店雇了个帮工', '雇工'],
    ['老伤又犯了', '工伤复发'],
    ['公司让签生死协议', '生产安全事故'],
    ['公司在仲裁里提反请求', '反申请'],
    ['停薪留职去别处上班', '停薪留职人员'],
    ['教师节放不放假', '不放假'],
    ['工伤要装假肢', '辅助器具'],
    ['律所的助理', '合伙组织'],
    ['社区公益岗到期', '公益性岗位'],
    ['离职前没做体检', '离岗前职业健康检查'],
    ['合同写怀孕就自动终止', '终止条件'],
    ['新公司没办社保登记', '社会保险登记'],
    ['营业执照被吊销了还在开工', '出资人'],
    ['裁决书金额算错了', '补正'],
  ])('%s → %s', (q, term) => {
    expect(expanded(q)).toContain(term);
  });

  it('takes 借调 as a work-injury question only together with an injury word', () => {
    expect(expanded('借调期间摔伤了')).toContain('工伤保险责任');
    expect(expanded('借调到别的部门')).not.toContain('工伤保险责任');
  });
});

describe('populations', () => {
  const pops = defaultSynonyms().dictionary.populations;
  const bit = (id: string) => 1 << pops.findIndex((p) => p.id === id);

  it.each([
    ['labor-law', '禁止安排女职工从事矿山井下、国家规定的第四级体力劳动强度的劳动', 'female'],
    ['labor-law', '不得安排未成年工从事矿山井下、有毒有害的劳动', 'minor'],
    ['migrant-worker-wage-regulations', '用人单位应当按照工资支付周期编制书面工资支付台账', 'migrant'],
    ['labor-dispatch-provisions', '用工单位应当按照劳动合同法第六十二条规定', 'dispatch'],
  ])('%s: "%s" is written for %s', (lawId, text, id) => {
    expect(articlePopulations(pops, lawId, text) & bit(id)).toBeTruthy();
  });

  it('reads only the opening of a general article (劳动合同法 第四十二条 names 女职工 in a list)', () => {
    const text = '劳动者有下列情形之一的，用人单位不得依照本法第四十条、第四十一条的规定解除劳动合同：（一）从事接触职业病危害作业的劳动者未进行离岗前职业健康检查……（四）女职工在孕期、产期、哺乳期的';
    expect(articlePopulations(pops, 'labor-contract-law', text)).toBe(0);
  });

  it.each([
    ['孩子还不到一岁，厂里照样给我排夜班', 'female'],
    ['包工头跑了，工地上的工钱找谁要', 'migrant'],
    ['我是劳务公司派到工厂的，同工同酬吗', 'dispatch'],
  ])('"%s" concerns %s', (q, id) => {
    expect(queryPopulations(pops, q, []) & bit(id)).toBeTruthy();
  });

  it('a plain wage question concerns no group', () => {
    expect(queryPopulations(pops, '公司每次发工资都不给工资条', ['工资清单'])).toBe(0);
  });
});
