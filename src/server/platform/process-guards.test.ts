// The error policy of long-running processes, on an emitter standing in for the process: exit while
// starting, log and keep serving afterwards, exit after a burst of uncaught exceptions.
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { installProcessGuards, UNCAUGHT_EXCEPTION_BUDGET } from './process-guards.js';

function setUp() {
  const lines: { level: number; msg: string; phase: string; kind: string; err?: { message: string } }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const target = new EventEmitter();
  const exits: number[] = [];
  let clock = 0;
  const guards = installProcessGuards({ logger, command: 'serve', target, exit: (code) => exits.push(code), now: () => clock });
  return { lines, target, exits, guards, tick: (ms: number) => (clock += ms) };
}

describe('process guards', () => {
  it('exit with 1 on an uncaught exception or a stray rejection while starting, after logging it', () => {
    const a = setUp();
    a.target.emit('uncaughtException', new Error('boom at start'), 'uncaughtException');
    expect(a.exits).toEqual([1]);
    expect(a.lines[0]).toMatchObject({ level: 60, phase: 'starting', err: { message: 'boom at start' } });
    const b = setUp();
    b.target.emit('unhandledRejection', new Error('rejected at start'));
    expect(b.exits).toEqual([1]);
  });

  it('log and keep serving once started', () => {
    const s = setUp();
    s.guards.serving();
    s.target.emit('unhandledRejection', new Error('a stray rejection'));
    s.target.emit('uncaughtException', new Error('one bad callback'), 'uncaughtException');
    expect(s.exits).toEqual([]);
    expect(s.lines.map((l) => [l.level, l.phase, l.err?.message])).toEqual([
      [50, 'serving', 'a stray rejection'],
      [50, 'serving', 'one bad callback'],
    ]);
  });

  it('exit after more uncaught exceptions in a minute than the budget allows, but not when they are spread out', () => {
    const spread = setUp();
    spread.guards.serving();
    for (let i = 0; i < UNCAUGHT_EXCEPTION_BUDGET.count * 3; i++) {
      spread.target.emit('uncaughtException', new Error(`e${i}`), 'uncaughtException');
      spread.tick(UNCAUGHT_EXCEPTION_BUDGET.windowMs / UNCAUGHT_EXCEPTION_BUDGET.count + 1);
    }
    expect(spread.exits).toEqual([]);
    const burst = setUp();
    burst.guards.serving();
    for (let i = 0; i <= UNCAUGHT_EXCEPTION_BUDGET.count; i++) burst.target.emit('uncaughtException', new Error(`e${i}`), 'uncaughtException');
    expect(burst.exits).toEqual([1]);
    // Rejections never count against the budget: they unwind no stack half-way.
    const rejections = setUp();
    rejections.guards.serving();
    for (let i = 0; i < 100; i++) rejections.target.emit('unhandledRejection', new Error(`r${i}`));
    expect(rejections.exits).toEqual([]);
  });
});
