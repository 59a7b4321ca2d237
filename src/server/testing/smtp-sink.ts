// A real SMTP server for tests (smtp-server on loopback): it receives mail over a socket, parses each
// message with mailparser, and can refuse chosen recipients permanently (550) or for a while (451).
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export type SmtpSink = {
  url: string;
  messages: ParsedMail[];
  /** Recipients refused: 550 for good, 451 until `allow` is called for them. */
  refuse(address: string, code: 550 | 451): void;
  allow(address: string): void;
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
};

/**
 * Starts a sink on a free port.
 * @example const sink = await startSmtpSink(); ... env SMTP_URL: sink.url ... await sink.waitFor(3);
 */
export async function startSmtpSink(
  options: { /** Wait this long before accepting each message (a slow server). */ delayMs?: number } = {},
): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const refused = new Map<string, number>();
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refused.get(address.address.toLowerCase());
      if (code) {
        const error = Object.assign(new Error(code === 550 ? 'mailbox unavailable' : 'try again later'), { responseCode: code });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          messages.push(mail);
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  // A client that dies mid-conversation (a sender killed on purpose) resets its socket: not a test failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse: (address, code) => refused.set(address.toLowerCase(), code),
    allow: (address) => refused.delete(address.toLowerCase()),
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
