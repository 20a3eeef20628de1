import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draw, DrawError, type DrawInput } from './draw';

const arbInput = fc
  .record({
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    ratio: fc.double({ min: 0.05, max: 1, noNaN: true }),
    targets: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^E\d{1,4}$/), street: fc.constantFrom('S1', 'S2', 'S3'), industry: fc.constantFrom('C', 'F', 'H') }), { minLength: 1, maxLength: 40, selector: (t) => t.id }),
    inspectorCount: fc.integer({ min: 4, max: 8 }),
  })
  .map(({ seed, ratio, targets, inspectorCount }): DrawInput => ({ seed, ratio, targets, inspectors: Array.from({ length: inspectorCount }, (_, i) => ({ id: `I${i}`, conflicts: i === 0 && targets[0] ? [targets[0].id] : [] })) }));

describe('双随机 draw', () => {
  it('same seed and inputs → the same draw, whatever the input order', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const again = { ...input, targets: [...input.targets].reverse(), inspectors: [...input.inspectors].reverse() };
        expect(draw(again)).toEqual(draw(input));
      }),
    );
  });

  it('a changed seed or input changes the draw (its fingerprint)', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom('seed', 'ratio', 'target', 'inspector', 'conflict'), (input, change) => {
        const changed: DrawInput =
          change === 'seed' ? { ...input, seed: `${input.seed}x` }
          : change === 'ratio' ? { ...input, ratio: input.ratio === 1 ? 0.5 : Math.min(1, input.ratio + 0.01) }
          : change === 'target' ? { ...input, targets: [...input.targets, { id: 'NEW', street: 'S1', industry: 'C' }] }
          : change === 'inspector' ? { ...input, inspectors: [...input.inspectors, { id: 'I-new', conflicts: [] }] }
          : { ...input, inspectors: input.inspectors.map((i, k) => (k === 1 ? { ...i, conflicts: [...i.conflicts, input.targets[0]!.id] } : i)) };
        expect(draw(changed).fingerprint).not.toBe(draw(input).fingerprint);
      }),
    );
  });

  it('draws at least the ratio of every stratum, two distinct inspectors each, never a conflicted one', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = draw(input);
        const conflicts = new Map(input.inspectors.map((i) => [i.id, i.conflicts]));
        for (const p of r.picks) {
          expect(p.inspectorIds[0]).not.toBe(p.inspectorIds[1]);
          for (const id of p.inspectorIds) expect(conflicts.get(id)).not.toContain(p.targetId);
        }
        const strata = new Map<string, number>();
        for (const t of input.targets) strata.set(`${t.street}|${t.industry}`, (strata.get(`${t.street}|${t.industry}`) ?? 0) + 1);
        for (const [k, size] of strata) expect(r.picks.filter((p) => p.stratum === k)).toHaveLength(Math.ceil(size * input.ratio));
      }),
    );
  });

  it('refuses a ratio under 5 % and a target without two unconflicted inspectors', () => {
    const targets = [{ id: 'E1', street: 'S1', industry: 'C' }];
    expect(() => draw({ seed: 's', ratio: 0.04, targets, inspectors: [] })).toThrow(DrawError);
    expect(() => draw({ seed: 's', ratio: 1, targets, inspectors: [{ id: 'I1', conflicts: [] }, { id: 'I2', conflicts: ['E1'] }] })).toThrow('无利害关系执法人员不足2名');
  });
});
