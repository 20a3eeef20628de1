import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../context';
import { newId } from '../../lib/ids';
import type { RoomBus } from './bus';
import { canSee, type Member } from './membership';
import { messagesFor, presentMessage, type MessageRow } from './room';

interface Conn {
  id: string;
  ws: WebSocket;
  member: Member;
  /** Highest seq this connection has been sent (catch-up and live delivery both go through it: no duplicates). */
  sentSeq: number;
  syncing: boolean;
  queue: MessageRow[];
}

interface Room {
  id: string;
  regionId: string;
  /** Highest seq this process has fanned out. */
  cursor: number;
  conns: Set<Conn>;
  pump: Promise<void>;
  again: boolean;
}

const PRESENCE_TTL_MS = 90_000;
const HEARTBEAT_MS = 30_000;
/** Presence liveness uses the wall clock (it is about connections, not business dates). */
const wallNow = () => new Date().toISOString();

/**
 * This process's connections to mediation rooms. A bus note "room R has seq S" makes the room pump: it reads the
 * rows after its cursor (one query per wake-up, however many notes arrived) and sends each to every local member
 * allowed to see its channel. Presence is a table (one row per connection, heartbeated) so that members on other
 * processes are listed too.
 */
export class RoomHub {
  readonly processId = randomBytes(8).toString('hex');
  private rooms = new Map<string, Room>();
  private encoded = new WeakMap<MessageRow, string>();
  private heartbeat: NodeJS.Timeout;

  constructor(
    private ctx: AppContext,
    readonly bus: RoomBus,
  ) {
    bus.subscribe((note) => {
      const room = this.rooms.get(note.roomId);
      if (!room) return;
      if (note.kind === 'm') this.schedulePump(room);
      else void this.sendPresence(room);
    });
    bus.onResync(() => {
      for (const room of this.rooms.values()) {
        this.schedulePump(room);
        void this.sendPresence(room);
      }
    });
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  connections(roomId: string): number {
    return this.rooms.get(roomId)?.conns.size ?? 0;
  }

  /** Registers a socket, sends what it missed after `after`, then live messages; returns the detach function. */
  async attach(roomId: string, regionId: string, ws: WebSocket, member: Member, after: number, welcome: Record<string, unknown>) {
    let room = this.rooms.get(roomId);
    if (!room) {
      const r = await this.ctx.db.selectFrom('mediation_sessions').select('last_seq').where('id', '=', roomId).executeTakeFirstOrThrow();
      room = this.rooms.get(roomId) ?? {
        id: roomId,
        regionId,
        cursor: r.last_seq,
        conns: new Set(),
        pump: Promise.resolve(),
        again: false,
      };
      this.rooms.set(roomId, room);
    }
    const conn: Conn = { id: newId(), ws, member, sentSeq: after, syncing: true, queue: [] };
    room.conns.add(conn);
    send(ws, { type: 'welcome', ...welcome });
    // Catch-up: everything after the client's last seen seq that this member may see, in order.
    let from = after;
    for (;;) {
      const rows = await messagesFor(this.ctx.db, roomId, member.role, from, 500);
      for (const r of rows) this.deliver(conn, r, true);
      if (rows.length < 500) break;
      from = rows[rows.length - 1]!.seq;
    }
    conn.syncing = false;
    for (const r of conn.queue) this.deliver(conn, r);
    conn.queue = [];
    send(ws, { type: 'synced', seq: conn.sentSeq });
    await this.ctx.db
      .insertInto('session_presence')
      .values({
        conn_id: conn.id,
        session_id: roomId,
        region_id: regionId,
        process_id: this.processId,
        user_id: member.userId,
        name: member.name,
        role: member.role,
        seen_at: wallNow(),
      })
      .execute();
    await this.bus.publish({ kind: 'p', roomId, seq: 0 });
    return async () => {
      room.conns.delete(conn);
      await this.ctx.db
        .deleteFrom('session_presence')
        .where('conn_id', '=', conn.id)
        .execute()
        .catch(() => undefined);
      if (room.conns.size === 0 && this.rooms.get(roomId) === room) this.rooms.delete(roomId);
      await this.bus.publish({ kind: 'p', roomId, seq: 0 }).catch(() => undefined);
    };
  }

  private deliver(conn: Conn, row: MessageRow, catchUp = false) {
    if (!canSee(conn.member.role, row.channel)) return;
    if (conn.syncing && !catchUp) {
      conn.queue.push(row);
      return;
    }
    if (row.seq <= conn.sentSeq) return;
    conn.sentSeq = row.seq;
    // One serialisation per message, however many members receive it.
    let text = this.encoded.get(row);
    if (!text) {
      text = JSON.stringify({ type: 'event', event: presentMessage(row) });
      this.encoded.set(row, text);
    }
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(text);
  }

  private schedulePump(room: Room) {
    if (room.again) return;
    room.again = true;
    room.pump = room.pump.then(async () => {
      room.again = false;
      try {
        for (;;) {
          const rows = await this.ctx.db
            .selectFrom('session_messages')
            .selectAll()
            .where('session_id', '=', room.id)
            .where('seq', '>', room.cursor)
            .orderBy('seq')
            .limit(500)
            .execute();
          for (const r of rows) {
            room.cursor = r.seq;
            for (const c of room.conns) this.deliver(c, r);
          }
          if (rows.length < 500) break;
        }
      } catch (err) {
        this.ctx.log.error({ err, roomId: room.id }, 'room pump failed');
      }
    });
  }

  /** Tells local members of a room that it was closed or cancelled, then drops their sockets. */
  closeRoom(roomId: string, reason: string) {
    const room = this.rooms.get(roomId);
    if (!room) return;
    for (const c of room.conns) {
      send(c.ws, { type: 'closed', reason });
      c.ws.close(4000, 'room closed');
    }
  }

  async presence(roomId: string) {
    const since = new Date(Date.now() - PRESENCE_TTL_MS).toISOString();
    const rows = await this.ctx.db
      .selectFrom('session_presence')
      .select(['user_id', 'name', 'role'])
      .where('session_id', '=', roomId)
      .where('seen_at', '>', since)
      .orderBy('seen_at')
      .execute();
    const seen = new Map<string, { userId: string; name: string; role: string }>();
    for (const r of rows) seen.set(r.user_id, { userId: r.user_id, name: r.name, role: r.role });
    return [...seen.values()];
  }

  private async sendPresence(room: Room) {
    try {
      const online = await this.presence(room.id);
      for (const c of room.conns) if (!c.syncing) send(c.ws, { type: 'presence', online });
    } catch (err) {
      this.ctx.log.warn({ err }, 'presence refresh failed');
    }
  }

  private async beat() {
    if (this.rooms.size === 0) return;
    await this.ctx.db
      .updateTable('session_presence')
      .set({ seen_at: wallNow() })
      .where('process_id', '=', this.processId)
      .execute()
      .catch(() => undefined);
  }

  async close() {
    clearInterval(this.heartbeat);
    for (const room of this.rooms.values()) for (const c of room.conns) c.ws.terminate();
    await this.ctx.db
      .deleteFrom('session_presence')
      .where('process_id', '=', this.processId)
      .execute()
      .catch(() => undefined);
    this.rooms.clear();
    await this.bus.close();
  }
}

export function send(ws: WebSocket, frame: unknown) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}
