import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleLabel } from './citation';
import { amendmentNotes, amendments } from './amendments';

const lawsFile = join(__dirname, '../../../data/laws/laws.json');

describe('amendment notes', () => {
  it('has a note for 劳动争议司法解释（一） 第三十二条 第一款, repealed by 解释（二） 第二十一条 from 2025-09-01', () => {
    const [n] = amendmentNotes('spc-labor-dispute-interpretation-1', 32);
    expect(n).toMatchObject({ kind: 'repealed', paragraph: 1, effective: '2025-09-01', by: { lawId: 'spc-labor-dispute-interpretation-2', articleNo: 21 } });
    expect(amendmentNotes('spc-labor-dispute-interpretation-1', 31)).toEqual([]);
  });

  it.skipIf(!existsSync(lawsFile))('every note matches the texts: the repealing article names the article it repeals', () => {
    const laws = JSON.parse(readFileSync(lawsFile, 'utf8')) as { id: string; articles: { no: number; text: string }[] }[];
    const article = (lawId: string, no: number) => laws.find((l) => l.id === lawId)?.articles.find((a) => a.no === no);
    for (const a of amendments()) {
      const target = article(a.lawId, a.articleNo);
      expect(target, `${a.lawId} ${a.articleNo}`).toBeDefined();
      if (a.paragraph) expect(target!.text.split('\n').length).toBeGreaterThanOrEqual(a.paragraph);
      const by = article(a.by.lawId, a.by.articleNo);
      expect(by, `${a.by.lawId} ${a.by.articleNo}`).toBeDefined();
      expect(by!.text).toContain(articleLabel(a.articleNo));
      expect(by!.text).toContain(a.kind === 'repealed' ? '废止' : '修改');
    }
  });
});
