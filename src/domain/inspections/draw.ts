/**
 * 双随机、一公开 (国务院办公厅关于推广随机抽查规范事中事后监管的通知, 国办发〔2015〕58号 — not in the law data set):
 * targets drawn at random from the target directory, inspectors drawn at random from the roster. The draw is a pure
 * function of its seed and its inputs: anyone holding both re-runs it and gets the same result; the fingerprint
 * (a hash of the canonical inputs) is mixed into the generator, so a changed input gives a different draw.
 */
export interface DrawTarget {
  id: string;
  street: string;
  industry: string;
}
export interface DrawInspector {
  id: string;
  /** Targets this inspector may not inspect (conflict of interest recorded on the roster). */
  conflicts: readonly string[];
}
export interface DrawInput {
  seed: string;
  /** Share of each stratum to draw, at least MIN_RATIO. */
  ratio: number;
  targets: readonly DrawTarget[];
  inspectors: readonly DrawInspector[];
}
export interface DrawResult {
  fingerprint: string;
  picks: { targetId: string; stratum: string; inspectorIds: [string, string] }[];
}

/** At least 5 % of the employers a year (common local practice; see docs/decisions.md). */
export const MIN_RATIO = 0.05;
export const INSPECTORS_PER_TARGET = 2;

export class DrawError extends Error {}

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, well-known seeded generator with a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The inputs in a canonical order (ids sorted), as the text that is hashed and recorded. */
export function canonicalInput(input: DrawInput): string {
  const targets = [...input.targets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((t) => [t.id, t.street, t.industry]);
  const inspectors = [...input.inspectors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((i) => [i.id, [...i.conflicts].sort()]);
  return JSON.stringify({ seed: input.seed, ratio: input.ratio, targets, inspectors });
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Draws ceil(ratio × stratum size) targets from each street × industry stratum and two unconflicted inspectors each. */
export function draw(input: DrawInput): DrawResult {
  if (!(input.ratio >= MIN_RATIO && input.ratio <= 1)) throw new DrawError(`抽查比例应在${MIN_RATIO * 100}%至100%之间`);
  const canonical = canonicalInput(input);
  const h1 = fnv1a(canonical);
  const h2 = fnv1a(`${canonical}#${h1}`);
  const fingerprint = h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
  const rnd = mulberry32(h1 ^ h2);
  const strata = new Map<string, DrawTarget[]>();
  for (const t of [...input.targets].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = `${t.street}|${t.industry}`;
    strata.set(key, [...(strata.get(key) ?? []), t]);
  }
  const inspectors = [...input.inspectors].sort((a, b) => (a.id < b.id ? -1 : 1));
  const load = new Map(inspectors.map((i) => [i.id, 0]));
  const picks: DrawResult['picks'] = [];
  for (const key of [...strata.keys()].sort()) {
    const list = strata.get(key)!;
    const n = Math.ceil(list.length * input.ratio);
    for (const t of shuffle([...list], rnd).slice(0, n)) {
      const eligible = shuffle(inspectors.filter((i) => !i.conflicts.includes(t.id)), rnd).sort((a, b) => load.get(a.id)! - load.get(b.id)!);
      if (eligible.length < INSPECTORS_PER_TARGET) throw new DrawError(`抽中对象${t.id}的无利害关系执法人员不足${INSPECTORS_PER_TARGET}名`);
      const pair = [eligible[0]!.id, eligible[1]!.id].sort() as [string, string];
      for (const id of pair) load.set(id, load.get(id)! + 1);
      picks.push({ targetId: t.id, stratum: key, inspectorIds: pair });
    }
  }
  return { fingerprint, picks };
}
