import iconv from 'iconv-lite';
import { usccCheckChar } from '../../src/domain/identifiers/uscc';
import type { Client, TestApp } from '../support/test-app';

/** A valid credit code from a 9-character organisation part (region 440300, not the demo district). */
export const code = (n: number | string) => {
  const body = `91440300${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
};

export function upload(c: Client, name: string, data: Buffer | string, type = 'text/csv') {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(typeof data === 'string' ? Buffer.from(data) : data)], { type }), name);
  return c.post('/api/enterprises/imports', fd);
}

export const gb18030 = (text: string) => iconv.encode(text, 'gb18030');

/** Polls an import until it leaves `validating`/`committing`. */
export async function settle(c: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = await c.get(`/api/enterprises/imports/${id}`);
    if (r.status !== 200) return r;
    if (r.body.status !== 'validating' && r.body.status !== 'committing') return r;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('import did not settle');
}

export async function auditRows(t: TestApp, action: string, entityId?: string) {
  let q = t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.execute();
}
