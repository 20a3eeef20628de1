import type { FastifyBaseLogger } from 'fastify';

/** Sends text messages (verification codes, case notices). Real gateways implement this interface. */
export interface SmsProvider {
  readonly name: string;
  /** False for providers that must never run in production (the development log provider). */
  readonly productionReady: boolean;
  send(phone: string, text: string): Promise<void>;
}

/**
 * Development provider: writes the message to the server log instead of sending it.
 * Refused in production mode (see sms/index.ts and docs/operations.md).
 */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  readonly productionReady = false;
  constructor(private readonly log: Pick<FastifyBaseLogger, 'info'>) {}
  async send(phone: string, text: string): Promise<void> {
    this.log.info({ sms: { phone, text } }, `[开发短信] 发送至 ${phone}：${text}`);
  }
}

/** Keeps messages in memory; used by tests to read the code a user would receive. */
export class MemorySmsProvider implements SmsProvider {
  readonly name = 'memory';
  readonly productionReady = false;
  readonly sent: { phone: string; text: string }[] = [];
  async send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
  }
  lastCodeFor(phone: string): string | undefined {
    const m = [...this.sent].reverse().find((s) => s.phone === phone)?.text.match(/(\d{6})/);
    return m?.[1];
  }
}
