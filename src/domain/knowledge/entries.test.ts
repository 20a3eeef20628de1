import { describe, expect, it } from 'vitest';
import { CaseUpdate, QaCreate, QaUpdate } from './entries';

describe('entry schemas', () => {
  it('defaults a new entry to a draft without tags', () => {
    const v = QaCreate.parse({ question: '试用期能不交社保吗', answer: '试用期包含在劳动合同期限内，应当缴纳。', citations: [{ lawId: 'labor-law', articleNo: 72 }] });
    expect(v).toMatchObject({ status: 'draft', tags: [] });
  });
  it('leaves fields out of a change untouched (no defaults on update)', () => {
    expect(QaUpdate.parse({ answer: '一二三四五六七八九十' })).toEqual({ answer: '一二三四五六七八九十' });
    expect(CaseUpdate.parse({ title: '某某案例标题' })).toEqual({ title: '某某案例标题' });
  });
  it('names the field of a bad citation in Chinese', () => {
    const r = QaUpdate.safeParse({ citations: [{ lawId: 'labor-law', articleNo: 0 }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['citations', 0, 'articleNo'], message: '条号应为正整数' });
  });
});
