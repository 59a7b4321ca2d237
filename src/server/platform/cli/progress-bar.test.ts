// The command line's progress: redrawn in place on a terminal, a line per tenth elsewhere.
import { describe, expect, it } from 'vitest';
import { progressBar } from './progress-bar.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

describe('progressBar', () => {
  it('redraws one line on a terminal and ends it', () => {
    const { writes, stream } = fakeStream(true);
    const bar = progressBar(stream);
    bar.update(250, 1000, 'reading');
    bar.update(1000, 1000, 'reading');
    bar.finish();
    expect(writes[0]).toContain('\r[########......................]  25%  250 / 1,000 rows  reading');
    expect(writes[1]).toContain(`\r[${'#'.repeat(30)}] 100%  1,000 / 1,000 rows`);
    expect(writes[2]).toBe('\n');
  });

  it('prints a plain line at each tenth when no one watches', () => {
    const { writes, stream } = fakeStream(false);
    const bar = progressBar(stream);
    for (let done = 0; done <= 1000; done += 50) bar.update(done, 1000, 'reading');
    bar.finish();
    expect(writes).toHaveLength(11);
    expect(writes[0]).toBe('0%  0 / 1,000 rows  reading\n');
    expect(writes[10]).toBe('100%  1,000 / 1,000 rows  reading\n');
    expect(writes.every((w) => !w.includes('\r'))).toBe(true);
  });
});
