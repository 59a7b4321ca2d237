// Progress of a long command on the terminal: a bar redrawn in place when a person watches (a TTY),
// plain lines at every tenth otherwise (logs, CI), so neither floods the output.

export type ProgressSink = {
  /** `done` of `total` (null while unknown), with a word on what is happening. */
  update(done: number, total: number | null, label: string): void;
  /** Ends the bar (the line stays). */
  finish(): void;
};

const WIDTH = 30;

/**
 * Writes progress to `stream` (usually stderr).
 * @example const bar = progressBar(process.stderr); bar.update(500, 1000, 'reading'); bar.finish();
 */
export function progressBar(stream: { write(text: string): unknown; isTTY?: boolean; columns?: number }): ProgressSink {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total, label) {
      const fraction = total && total > 0 ? Math.min(1, done / total) : 0;
      const counts = `${done.toLocaleString('en')}${total !== null ? ` / ${total.toLocaleString('en')}` : ''} rows`;
      if (stream.isTTY) {
        const filled = Math.round(fraction * WIDTH);
        const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${counts}  ${label}`;
        stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1).padEnd(Math.min(line.length, (stream.columns ?? 120) - 1))}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${tenth * 10}%  ${counts}  ${label}\n`);
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
