// What a long-running process (serve, worker) does with an error nobody caught: while starting, log it
// and exit, so a supervisor sees the failure; once serving, log it with context and keep serving, so one
// bad request or one stray rejection (ours or a library's, such as pg-boss completing a job) cannot take
// everyone's server down. A burst of uncaught exceptions still exits (ADR 0013).
import type { Logger } from 'pino';

/** Uncaught exceptions tolerated per window while serving; one more exits for a clean restart. */
export const UNCAUGHT_EXCEPTION_BUDGET = { count: 10, windowMs: 60_000 } as const;

type ProcessLike = {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
};

export type ProcessGuards = {
  /** Start-up is over: from now on errors are logged and the process keeps running. */
  serving(): void;
};

/**
 * Installs the handlers on `target` (the process by default). `exit` is called with 1 when the
 * process must stop.
 * @example const guards = installProcessGuards({ logger, command: 'serve' }); await app.listen(...); guards.serving();
 */
export function installProcessGuards(input: {
  logger: Logger;
  command: string;
  target?: ProcessLike;
  exit?: (code: number) => void;
  now?: () => number;
}): ProcessGuards {
  const target = input.target ?? process;
  const exit = input.exit ?? ((code: number) => process.exit(code));
  const now = input.now ?? Date.now;
  const log = input.logger.child({ command: input.command, pid: process.pid });
  let phase: 'starting' | 'serving' = 'starting';
  let recent: number[] = [];

  const fail = (err: unknown, kind: string) => {
    log.fatal({ err, kind, phase }, `${kind} while starting; exiting`);
    exit(1);
  };

  target.on('unhandledRejection', (reason) => {
    if (phase === 'starting') return fail(reason, 'unhandled rejection');
    log.error({ err: reason, kind: 'unhandled rejection', phase }, 'a promise rejected and nobody handled it; still serving');
  });

  target.on('uncaughtException', (error, origin) => {
    if (phase === 'starting') return fail(error, origin);
    const at = now();
    recent = [...recent.filter((t) => at - t < UNCAUGHT_EXCEPTION_BUDGET.windowMs), at];
    if (recent.length > UNCAUGHT_EXCEPTION_BUDGET.count) {
      log.fatal({ err: error, kind: origin, phase, inWindow: recent.length }, 'too many uncaught exceptions in a minute; exiting for a clean restart');
      return exit(1);
    }
    log.error({ err: error, kind: origin, phase }, 'an exception was not caught; still serving');
  });

  return {
    serving() {
      phase = 'serving';
    },
  };
}
