import { useCallback, useEffect, useRef, useState } from 'react';
import type { OnlineMember, RoomEvent } from './types';

export type ConnState = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'refused';

interface Pending {
  frame: Record<string, unknown>;
  resolve: (v: { seq: number }) => void;
  reject: (e: Error) => void;
}

/**
 * The room's socket: catch-up from the last seen seq on every (re)connection, events kept in seq order without
 * duplicates, frames not yet acknowledged resent with the same clientId after a reconnect (the server keeps one copy).
 */
export function useRoom(sessionId: string | undefined, enabled: boolean) {
  const [events, setEvents] = useState<RoomEvent[]>([]);
  const [online, setOnline] = useState<OnlineMember[]>([]);
  const [state, setState] = useState<ConnState>('connecting');
  const [roomClosed, setRoomClosed] = useState(false);
  const lastSeq = useRef(0);
  const ws = useRef<WebSocket | null>(null);
  const pending = useRef(new Map<string, Pending>());
  const stopped = useRef(false);
  const counter = useRef(0);

  // A closed room is read from the record (HTTP), not joined.
  useEffect(() => {
    if (!sessionId || enabled) return;
    let live = true;
    void fetch(`/api/sessions/${sessionId}/messages?limit=1000`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((b: { items: RoomEvent[] }) => {
        if (!live) return;
        setEvents(b.items);
        setState('closed');
      });
    return () => {
      live = false;
    };
  }, [sessionId, enabled]);

  useEffect(() => {
    if (!sessionId || !enabled) return;
    stopped.current = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const proto = location.protocol === 'https:' ? 'wss' : 'ws';
      const sock = new WebSocket(`${proto}://${location.host}/api/sessions/${sessionId}/ws?after=${lastSeq.current}`);
      ws.current = sock;
      let opened = false;
      sock.onopen = () => {
        opened = true;
      };
      sock.onmessage = (m) => {
        const f = JSON.parse(String(m.data));
        if (f.type === 'welcome') {
          setOnline(f.online ?? []);
        } else if (f.type === 'synced') {
          attempt = 0;
          setState('open');
          for (const [, p] of pending.current) sock.send(JSON.stringify(p.frame));
        } else if (f.type === 'event') {
          const ev = f.event as RoomEvent;
          if (ev.seq > lastSeq.current) lastSeq.current = ev.seq;
          if (ev.kind === 'system' && ev.data?.closed) setRoomClosed(true);
          setEvents((cur) => (cur.some((e) => e.seq === ev.seq) ? cur : [...cur, ev].sort((a, b) => a.seq - b.seq)));
        } else if (f.type === 'presence') {
          setOnline(f.online);
        } else if (f.type === 'ack' || f.type === 'error') {
          const p = f.clientId ? pending.current.get(f.clientId) : undefined;
          if (p) {
            pending.current.delete(f.clientId);
            if (f.type === 'ack') p.resolve({ seq: f.seq });
            else p.reject(new Error(f.message));
          }
        } else if (f.type === 'closed') {
          setRoomClosed(true);
        }
      };
      sock.onclose = (e) => {
        if (stopped.current) return;
        if (!opened && attempt >= 2) {
          setState('refused');
          return;
        }
        if (e.code === 4000) {
          setState('closed');
          return;
        }
        setState('reconnecting');
        attempt++;
        timer = setTimeout(connect, Math.min(8000, 500 * 2 ** Math.min(attempt, 4)));
      };
    };
    connect();
    return () => {
      stopped.current = true;
      if (timer) clearTimeout(timer);
      ws.current?.close();
    };
  }, [sessionId, enabled]);

  /** Sends a frame; resolves on the server's ack (survives a reconnect in between). */
  const send = useCallback((frame: Record<string, unknown>) => {
    const clientId = `${Date.now().toString(36)}-${++counter.current}-${Math.random().toString(36).slice(2, 8)}`;
    const full = { ...frame, clientId };
    return new Promise<{ seq: number }>((resolve, reject) => {
      pending.current.set(clientId, { frame: full, resolve, reject });
      if (ws.current?.readyState === WebSocket.OPEN) ws.current.send(JSON.stringify(full));
    });
  }, []);

  return { events, online, state, roomClosed, send };
}
