import WebSocket from 'ws';
import type { Client } from './test-app';

export interface RoomEvent {
  seq: number;
  channel: string;
  kind: string;
  author: { id: string | null; name: string; role: string };
  text: string;
  data: any;
  clientId: string | null;
}

/** A WebSocket member of a mediation room, recording every frame it receives. */
export class RoomClient {
  frames: any[] = [];
  events: RoomEvent[] = [];
  closed = false;
  private waiters: { pred: () => boolean; resolve: () => void }[] = [];
  private n = 0;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const f = JSON.parse(String(raw));
      this.frames.push(f);
      if (f.type === 'event') this.events.push(f.event);
      this.check();
    });
    ws.on('close', () => {
      this.closed = true;
      this.check();
    });
  }

  private check() {
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves when `pred` holds (checked on every frame), or rejects after `ms`. */
  until(pred: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timeout waiting for ${what}; frames: ${JSON.stringify(this.frames.slice(-5))}`)),
        ms,
      );
      this.waiters.push({ pred, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  frame(type: string) {
    return this.until(() => this.frames.some((f) => f.type === type), 5000, type).then(() => this.frames.find((f) => f.type === type));
  }

  get lastSeq() {
    return this.events.reduce((m, e) => Math.max(m, e.seq), 0);
  }

  send(frame: Record<string, unknown>) {
    this.ws.send(JSON.stringify(frame));
  }

  /** Sends and waits for the ack (or error) of this frame. */
  async request(frame: Record<string, unknown>): Promise<any> {
    const clientId = (frame.clientId as string | undefined) ?? `c${++this.n}-${Math.random().toString(36).slice(2, 8)}`;
    this.send({ ...frame, clientId });
    let found: any;
    await this.until(
      () => (found = this.frames.filter((f) => (f.type === 'ack' || f.type === 'error') && f.clientId === clientId).at(-1)) !== undefined,
      5000,
      `ack ${clientId}`,
    );
    return found;
  }

  close() {
    this.ws.close();
    return this.until(() => this.closed, 2000, 'close');
  }
}

export function roomUrl(baseUrl: string, sessionId: string, after = 0) {
  return `${baseUrl.replace(/^http/, 'ws')}/api/sessions/${sessionId}/ws?after=${after}`;
}

/** Opens the room as a signed-in client; resolves after the catch-up ('synced'), or rejects with the HTTP status. */
export function joinRoom(
  baseUrl: string,
  c: Client | null,
  sessionId: string,
  opts: { after?: number; origin?: string } = {},
): Promise<RoomClient> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (c?.cookie) headers.cookie = c.cookie;
    headers.origin = opts.origin ?? baseUrl;
    const ws = new WebSocket(roomUrl(baseUrl, sessionId, opts.after), { headers });
    const rc = new RoomClient(ws);
    ws.on('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.on('error', reject);
    rc.frame('synced').then(() => resolve(rc), reject);
  });
}

export async function refusedStatus(p: Promise<RoomClient>): Promise<number> {
  try {
    const rc = await p;
    await rc.close();
    return 101;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
}
