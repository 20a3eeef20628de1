import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../domain/access/policy';
import type { Config } from './config';
import type { Db } from './db';
import type { Clock } from './lib/clock';
import type { SmsProvider } from './sms/provider';
import type { FileStore } from './storage';

/** Everything a service needs, passed explicitly; built once per app. */
export interface AppContext {
  db: Db;
  dbKind: 'sqlite' | 'postgres';
  config: Config;
  clock: Clock;
  sms: SmsProvider;
  log: FastifyBaseLogger;
  /** Uploaded and generated files (local directory by default; an S3 store can implement the same interface). */
  files: FileStore;
}

export interface AuthPrincipal extends Principal {
  kind: 'user' | 'api_key';
  username: string;
  displayName: string;
  isDemo: boolean;
}

/** Who is acting, for policy checks and audit rows. */
export interface Actor {
  principal: AuthPrincipal | null;
  ip: string | null;
}
