import { EventEmitter } from 'node:events';
import pg from 'pg';
import { sql } from 'kysely';
import type { AppContext } from '../../context';

/** What a process learns from the bus: "room R has a new row up to seq S" (m) or "room R's presence changed" (p). */
export interface BusNote {
  kind: 'm' | 'p';
  roomId: string;
  seq: number;
}

/**
 * Wake-ups between server processes. The payload is only the room id and a sequence number: receivers read the
 * rows themselves (authorisation and visibility are applied per member when fanning out), so nothing private
 * travels through the channel and a lost or reordered notification only delays, never loses, a message.
 */
export interface RoomBus {
  publish(note: BusNote): Promise<void>;
  subscribe(fn: (note: BusNote) => void): void;
  /** Called after the listener (re)connects: receivers re-read every room they hold. */
  onResync(fn: () => void): void;
  close(): Promise<void>;
}

const CHANNEL = 'hexie_rooms';
const encode = (n: BusNote) => `${n.kind}:${n.roomId}:${n.seq}`;
function decode(s: string): BusNote | null {
  const [kind, roomId, seq] = s.split(':');
  if ((kind !== 'm' && kind !== 'p') || !roomId) return null;
  return { kind, roomId, seq: Number(seq) || 0 };
}

/** SQLite runs as one process: an in-process emitter is the whole bus. */
export class LocalBus implements RoomBus {
  private em = new EventEmitter().setMaxListeners(0);
  async publish(note: BusNote) {
    queueMicrotask(() => this.em.emit('note', note));
  }
  subscribe(fn: (note: BusNote) => void) {
    this.em.on('note', fn);
  }
  onResync() {}
  async close() {
    this.em.removeAllListeners();
  }
}

/** PostgreSQL: NOTIFY through the pool, LISTEN on one dedicated connection that reconnects on failure. */
export class PgBus implements RoomBus {
  private em = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  ready: Promise<void>;

  constructor(
    private ctx: AppContext,
    private url: string,
  ) {
    this.ready = this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      const note = msg.payload ? decode(msg.payload) : null;
      if (note) this.em.emit('note', note);
    });
    client.on('error', (err) => {
      this.ctx.log.warn({ err }, 'room bus: LISTEN connection lost, reconnecting');
      this.reconnectSoon();
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      this.client = client;
      this.em.emit('resync');
    } catch (err) {
      this.ctx.log.warn({ err }, 'room bus: LISTEN connection failed, retrying');
      await client.end().catch(() => undefined);
      this.reconnectSoon();
    }
  }

  private reconnectSoon() {
    if (this.closed || this.retry) return;
    const old = this.client;
    this.client = null;
    void old?.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, 1000);
  }

  async publish(note: BusNote) {
    await sql`select pg_notify(${CHANNEL}, ${encode(note)})`.execute(this.ctx.db);
  }
  subscribe(fn: (note: BusNote) => void) {
    this.em.on('note', fn);
  }
  onResync(fn: () => void) {
    this.em.on('resync', fn);
  }
  async close() {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.em.removeAllListeners();
    await this.client?.end().catch(() => undefined);
  }
}

export function createBus(ctx: AppContext): RoomBus {
  const d = ctx.config.database;
  return d.kind === 'postgres' ? new PgBus(ctx, d.url) : new LocalBus();
}
