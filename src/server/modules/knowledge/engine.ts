/**
 * The search index of one process, built from the database.
 *
 * The index lives in memory (a query takes milliseconds; building takes about a second), so
 * every replica keeps its own. What keeps replicas in step is the `knowledge_version` row:
 * every edit bumps it in its own transaction; a replica compares it with the version its index
 * was built from at most every `checkIntervalMs` and rebuilds in the background when it moved.
 * The replica that made the edit rebuilds after `debounceMs`, so a burst of edits costs one
 * rebuild. Queries keep using the previous index until the new one is ready.
 */
import type { Db } from '../../db';
import { articleDocs, type CaseDoc, type Law, type QaDoc } from './documents';
import { loadCurrentLaws, parseRefs, parseTags, readVersion, reviewedCases, reviewedQa } from './repo';
import { buildIndex, type SearchIndex } from './search-engine';

export interface LoadedIndex {
  index: SearchIndex;
  laws: Law[];
  version: number;
  builtAt: number;
}

export interface EngineOptions {
  checkIntervalMs?: number;
  debounceMs?: number;
  log?: { error(obj: unknown, msg?: string): void; info(msg: string): void };
}

export class KnowledgeEngine {
  private current: LoadedIndex | undefined;
  private building: Promise<LoadedIndex> | undefined;
  private rebuildAgain = false;
  private lastCheck = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly checkIntervalMs: number;
  private readonly debounceMs: number;

  constructor(
    private readonly db: Db,
    private readonly options: EngineOptions = {},
  ) {
    this.checkIntervalMs = options.checkIntervalMs ?? 3000;
    this.debounceMs = options.debounceMs ?? 500;
  }

  /** The index to answer a query with; builds it on first use and checks the version counter now and then. */
  async get(): Promise<LoadedIndex> {
    if (!this.current) return this.rebuild();
    const now = performance.now();
    if (now - this.lastCheck >= this.checkIntervalMs) {
      this.lastCheck = now;
      void this.checkVersion();
    }
    return this.current;
  }

  /** After an edit in this process: rebuild once the burst of edits is over. */
  invalidate(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild().catch((err: unknown) => this.options.log?.error({ err }, 'knowledge index rebuild failed'));
    }, this.debounceMs);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  get version(): number | undefined {
    return this.current?.version;
  }

  private async checkVersion(): Promise<void> {
    try {
      const v = await readVersion(this.db);
      if (this.current && v !== this.current.version) await this.rebuild();
    } catch (err) {
      this.options.log?.error({ err }, 'knowledge version check failed');
    }
  }

  /** One build at a time; a request for another while one runs schedules exactly one more. */
  rebuild(): Promise<LoadedIndex> {
    if (this.building) {
      this.rebuildAgain = true;
      return this.building;
    }
    this.building = this.build().finally(() => {
      this.building = undefined;
      if (this.rebuildAgain && !this.closed) {
        this.rebuildAgain = false;
        void this.rebuild().catch((err: unknown) => this.options.log?.error({ err }, 'knowledge index rebuild failed'));
      }
    });
    return this.building;
  }

  private async build(): Promise<LoadedIndex> {
    // Read the version first: an edit committed while we load bumps it again and triggers another build.
    const version = await readVersion(this.db);
    const laws = await loadCurrentLaws(this.db);
    const qa: QaDoc[] = (await reviewedQa(this.db)).map((r) => ({
      kind: 'qa',
      id: r.id,
      question: r.question,
      answer: r.answer,
      citations: parseRefs(r.citations),
      tags: parseTags(r.tags),
    }));
    const cases: CaseDoc[] = (await reviewedCases(this.db)).map((r) => ({
      kind: 'case',
      id: r.id,
      title: r.title,
      facts: r.facts,
      holding: r.holding,
      citations: parseRefs(r.citations),
    }));
    const index = buildIndex([...articleDocs(laws), ...qa, ...cases]);
    const loaded = { index, laws, version, builtAt: Date.now() };
    this.current = loaded;
    this.lastCheck = performance.now();
    return loaded;
  }
}
