/** The one typed API layer of the web app: JSON in and out, CSRF header, Chinese error messages. */
let csrfToken: string | null = null;
export const setCsrfToken = (t: string | null) => {
  csrfToken = t;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body instanceof Blob) headers['content-type'] = body.type || 'application/octet-stream';
  else if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof FormData || body instanceof Blob ? body : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    const data = type.includes('json') ? await res.json().catch(() => null) : null;
    const e = data?.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP', e?.message ?? `请求失败（${res.status}）`, e?.fields ?? []);
  }
  return (type.includes('json') ? res.json() : res.blob()) as Promise<T>;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  patch: <T>(url: string, body: unknown = {}) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown = {}) => request<T>('PUT', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
  /** Sends a file as the raw request body (e.g. an .xlsx import). */
  upload: <T>(url: string, file: Blob) => request<T>('POST', url, file),
};

export const qs = (params: Record<string, unknown>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: string[];
    orgUnitId: string;
    orgUnitName: string | null;
    regionId: string;
    regionName: string | null;
    enterpriseId: string | null;
    enterpriseName: string | null;
  };
  csrfToken: string | null;
  abilities: Record<string, boolean>;
}
