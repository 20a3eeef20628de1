import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../db';
import { gramMatch, gramTokens } from './grams';
import { insertImportedEnterprises } from './import/bulk-sqlite';
import { filteredEnterprises, gramSearch } from './repo';

// The 1–2-character search through enterprises_grams (migration 0020) against LIKE, on a real SQLite database:
// rows written by the triggers (insert, rename, delete) and by the bulk import path must give the same answers.

const CHARS = ['a', 'A', 'b', 'M', 'm', '1', '9', ' ', '.', '-', '(', '（', '中', '企', '业', '公', '司', '新', '桥', 'Ä', 'ä', '𠀀', '"', "'", '*', ':'];
const name = fc.array(fc.constantFrom(...CHARS), { minLength: 2, maxLength: 12 }).map((a) => a.join(''));
const code = fc.array(fc.constantFrom('9', '1', '4', 'M', 'A', 'X', '0'), { minLength: 18, maxLength: 18 }).map((a) => a.join(''));

let h: DatabaseHandle;
let seq = 0;
const filter = { kind: 'all' } as const;

beforeAll(async () => {
  h = openDatabase({ kind: 'sqlite', file: ':memory:' } as never);
  await migrateToLatest(h.db);
  h.sqlite!.pragma('foreign_keys = OFF');
});
afterAll(() => h.close());

function insertViaTrigger(n: string, uscc: string) {
  const id = `e${++seq}`;
  h.sqlite!.prepare(`insert into enterprises (id, name, uscc, region_id, is_key, union_established, created_at, updated_at, version) values (?, ?, ?, '441999003', 0, 0, 'x', 'x', 1)`).run(id, n, `${uscc}${seq}`);
  return id;
}

/** ids found by the grams path and by LIKE, for every 1- and 2-character term over CHARS. */
async function compareAll() {
  const terms = [...CHARS, ...CHARS.flatMap((a) => ['a', '企', '.', 'M', ' ', '1'].map((b) => a + b))];
  for (const t of terms) {
    const q = t.trim();
    if (!q) continue;
    const like = (await filteredEnterprises(h.db, filter, { q }).select('enterprises.id').orderBy('enterprises.id').execute()).map((r) => r.id);
    const match = gramMatch(q.replace(/[%_\\]/g, ''), !/^[0-9A-Za-z]+$/.test(q));
    expect(match, q).toBeDefined();
    const viaGrams = (await filteredEnterprises(h.db, filter, { q }, match).select('enterprises.id').orderBy('enterprises.id').execute()).map((r) => r.id);
    expect(viaGrams, `q=${JSON.stringify(q)}`).toEqual(like);
  }
}

describe('enterprises_grams (SQLite)', () => {
  it('gramTokens: each character with the next, the last with the end mark; ASCII punctuation kept as a character', () => {
    expect(gramTokens('AB企')).toBe('AB B企 企\ue000');
    expect(gramTokens('a.b')).toBe('a\ue02e \ue02eb b\ue000');
    expect(gramTokens('')).toBe('');
    expect(gramMatch('企', true)).toBe('name : "企"*');
    expect(gramMatch('MA', false)).toBe('"MA"');
    expect(gramMatch('abc', false)).toBeUndefined();
  });

  it('a 1- or 2-character search returns exactly the LIKE result: created, renamed and deleted through the triggers', async () => {
    const ids = fc.sample(fc.tuple(name, code), { numRuns: 300, seed: 7 }).map(([n, c]) => insertViaTrigger(n, c));
    await compareAll();
    const rename = h.sqlite!.prepare('update enterprises set name = ? where id = ?');
    fc.sample(name, { numRuns: 100, seed: 8 }).forEach((n, i) => rename.run(n, ids[i * 3]!));
    h.sqlite!.prepare('update enterprises set uscc = ? where id = ?').run('91MA00000000000000', ids[1]!);
    const del = h.sqlite!.prepare('delete from enterprises where id = ?');
    for (let i = 2; i < ids.length; i += 7) del.run(ids[i]!);
    await compareAll();
  });

  it('rows of a bulk import (tokens computed in JS) answer as the trigger-written ones, and the triggers come back', async () => {
    const rows = fc.sample(fc.tuple(name, code), { numRuns: 300, seed: 9 }).map(([n, c]) => ({ id: `b${++seq}`, name: n, uscc: `${c}${seq}`, region_id: '441999003', is_key: 0, union_established: 0, import_id: 'imp-1', created_at: 'x', updated_at: 'x', version: 1 }));
    h.sqlite!.exec('begin');
    await insertImportedEnterprises(h.sqlite!, 'imp-1', rows);
    h.sqlite!.exec('commit');
    const triggers = h.sqlite!.prepare(`select name from sqlite_master where type = 'trigger' and tbl_name = 'enterprises' order by name`).pluck().all();
    expect(triggers).toEqual(expect.arrayContaining(['enterprises_fts_ai', 'enterprises_grams_ai', 'enterprises_grams_ad', 'enterprises_grams_au']));
    await compareAll();
    // the trigram index got the imported names too (3+ characters)
    const long = rows.find((r) => [...r.name].length >= 4)!;
    const three = [...long.name].slice(0, 3).join('').trim();
    if ([...three].length === 3) {
      const found = (await filteredEnterprises(h.db, filter, { q: three }).select('enterprises.id').execute()).map((r) => r.id);
      expect(found).toContain(long.id);
    }
    // a later single insert still goes through the re-created triggers
    const id = insertViaTrigger('新桥MA精密', '914403000000000000');
    expect((await filteredEnterprises(h.db, filter, { q: '精密' }, gramMatch('精密', true)).select('enterprises.id').execute()).map((r) => r.id)).toEqual([id]);
  });

  it('a term in many names is left to LIKE (gramSearch), a rare one goes to the index', async () => {
    const insert = h.sqlite!.prepare(`insert into enterprises (id, name, uscc, region_id, is_key, union_established, created_at, updated_at, version) values (?, ?, ?, '441999003', 0, 0, 'x', 'x', 1)`);
    h.sqlite!.exec('begin');
    for (let i = 0; i < 2100; i++) insert.run(`d${i}`, `稠密${i}有限公司`, `92${String(i).padStart(16, '0')}`);
    h.sqlite!.exec('commit');
    expect(await gramSearch(h.db, '稠密')).toBeUndefined();
    expect(await gramSearch(h.db, '精密')).toBe('name : "精密"');
    expect(await gramSearch(h.db, 'abc')).toBeUndefined();
  });
});

describe('gramTokens', () => {
  /** The definition, written plainly. */
  const reference = (text: string) => {
    const cs = Array.from(text, (c) => (c.charCodeAt(0) < 128 && !/[0-9A-Za-z]/.test(c) ? String.fromCharCode(0xe000 + c.charCodeAt(0)) : c));
    return cs.slice(0, 1000).map((c, i) => c + (cs[i + 1] ?? '\ue000')).join(' ');
  };
  it('equals the plain definition, also past 1,000 characters and with astral or lone surrogates', () => {
    const ch = fc.constantFrom('a', 'Z', '.', ' ', '中', '𠀀', '\ud800', '\udc00', '9');
    fc.assert(fc.property(fc.array(ch, { maxLength: 30 }), (a) => {
        expect(gramTokens(a.join(''))).toBe(reference(a.join('')));
      }), { numRuns: 2000 });
    for (const n of [999, 1000, 1001, 1002]) for (const pre of ['', '𠀀']) expect(gramTokens(pre + '中'.repeat(n))).toBe(reference(pre + '中'.repeat(n)));
  });
});
