import { createHash } from 'node:crypto';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('data/hexie.db'),
  HEXIE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HEXIE_DEMO: bool.optional(),
  HEXIE_SESSION_SECRET: z.string().optional(),
  /** 32-byte key for personal data at rest (AES-256-GCM), as 64 hex characters or base64. */
  HEXIE_PII_KEY: z.string().optional(),
  HEXIE_FILES_DIR: z.string().default('data/files'),
  HEXIE_WEB_DIR: z.string().default('dist/web'),
  /** Self-hosted meeting service for video mediation (Jitsi Meet style: <base>/<room>); unset = video off. */
  HEXIE_MEETING_BASE_URL: z.string().url().optional(),
  /** Extra allowed Origins for the mediation-room WebSocket (comma separated), besides the request's own host. */
  HEXIE_ALLOWED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  env: 'development' | 'production' | 'test';
  demo: boolean;
  sessionSecret: string;
  /** AES-256-GCM key for ID numbers at rest (32 bytes). */
  piiKey: Buffer;
  secureCookies: boolean;
  filesDir: string;
  webDir: string;
  /** Video meeting base URL (no trailing slash) or null when video is off. */
  meetingBaseUrl: string | null;
  allowedOrigins: string[];
  logLevel: string;
}

const DEV_SECRET = 'hexie-development-secret-not-for-production-use';

export function databaseFromUrl(url: string): Config['database'] {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: url.replace(/^(sqlite|file):(\/\/)?/, '') };
}

/** Parses the environment once; throws with a clear Chinese/English message on bad configuration. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { demo?: boolean } = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.HEXIE_ENV === 'production';
  if (production && (!e.HEXIE_SESSION_SECRET || e.HEXIE_SESSION_SECRET.length < 32)) {
    throw new Error(
      '生产模式必须设置 HEXIE_SESSION_SECRET（至少32个字符）。HEXIE_ENV=production requires HEXIE_SESSION_SECRET (≥ 32 characters).',
    );
  }
  if (production && e.HEXIE_DEMO) {
    throw new Error('生产模式不能启用演示数据（HEXIE_DEMO）。HEXIE_DEMO cannot be used with HEXIE_ENV=production.');
  }
  const sessionSecret = e.HEXIE_SESSION_SECRET ?? DEV_SECRET;
  return {
    port: e.PORT,
    host: e.HOST,
    database: databaseFromUrl(e.DATABASE_URL),
    env: e.HEXIE_ENV,
    demo: production ? false : (e.HEXIE_DEMO ?? defaults.demo ?? false),
    sessionSecret,
    piiKey: parsePiiKey(e.HEXIE_PII_KEY, sessionSecret, production),
    secureCookies: production,
    filesDir: e.HEXIE_FILES_DIR,
    webDir: e.HEXIE_WEB_DIR,
    meetingBaseUrl: e.HEXIE_MEETING_BASE_URL ? e.HEXIE_MEETING_BASE_URL.replace(/\/+$/, '') : null,
    allowedOrigins: (e.HEXIE_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * The key for personal data at rest. Production needs its own key (so rotating the session secret never makes stored
 * ID numbers unreadable); development and tests derive one from the session secret.
 */
export function parsePiiKey(raw: string | undefined, sessionSecret: string, production: boolean): Buffer {
  if (raw) {
    const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new Error('HEXIE_PII_KEY 须为32字节密钥（64位十六进制或base64）。HEXIE_PII_KEY must be 32 bytes (64 hex chars or base64).');
    return key;
  }
  if (production) throw new Error('生产模式必须设置 HEXIE_PII_KEY（32字节）。HEXIE_ENV=production requires HEXIE_PII_KEY (32 bytes).');
  return createHash('sha256').update(`hexie-pii:${sessionSecret}`).digest();
}
