import { describe, expect, it } from 'vitest';
import { standardizationResult } from './standardization';

const sheet = (reviewerId: string, foundation: number, system: number, capacity: number, service: number) => ({ reviewerId, marks: { foundation, system, capacity, service } });

describe('mediation organisation standardization', () => {
  it.each([
    [[sheet('a', 90, 85, 80, 85)], 85, true, []],
    [[sheet('a', 90, 85, 80, 85), sheet('b', 70, 75, 70, 75)], 78.75, false, ['总分78.75，低于认定分数80']],
    [[sheet('a', 100, 100, 100, 55)], 88.75, false, ['“服务水平”得分55，低于60']],
    [[sheet('a', 80, 80, 80, 80)], 80, true, []],
    [[], null, false, ['尚无评审打分']],
  ])('%j → %s %s', (sheets, score, passes, reasons) => {
    const r = standardizationResult(sheets);
    expect([r.score, r.passes, r.reasons]).toEqual([score, passes, reasons]);
  });
});
