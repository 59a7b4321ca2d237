// Group commit: a lone item is written at once; items arriving while a write runs go together in the
// next; every caller resolves only after its own item was written, and a failed batch fails only its callers.
import { describe, expect, it } from 'vitest';
import { groupCommit, groupRead } from './group-commit.js';

describe('group commit', () => {
  it('writes a lone item at once and combines the items that arrive while a write runs', async () => {
    const writes: number[][] = [];
    const written = new Set<number>();
    let release: () => void = () => {};
    const write = groupCommit(async (items: number[]) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
      for (const item of items) written.add(item);
    });
    const first = write(1);
    const later = [write(2), write(3), write(4)];
    await Promise.resolve();
    expect(writes).toEqual([[1]]);
    release();
    await first;
    expect(written.has(1)).toBe(true);
    await Promise.all(later);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    expect([...written].sort()).toEqual([1, 2, 3, 4]);
  });

  it('resolves a caller only once its item is written', async () => {
    const written: number[] = [];
    const write = groupCommit(async (items: number[]) => {
      await new Promise((r) => setTimeout(r, 5));
      written.push(...items);
    });
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await write(i);
        expect(written).toContain(i);
      }),
    );
  });

  it('fails the callers of a failed batch only, and goes on with the next', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const write = groupCommit(async (items: string[]) => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      if (items.includes('bad')) throw new Error('constraint violated');
    });
    const first = write('ok');
    const failing = [write('bad'), write('with bad')];
    release();
    await expect(first).resolves.toBeUndefined();
    await expect(failing[0]).rejects.toThrow('constraint violated');
    await expect(failing[1]).rejects.toThrow('constraint violated');
    await expect(write('fine')).resolves.toBeUndefined();
  });
});

describe('group read', () => {
  it('reads a lone key at once, combines the keys that arrive meanwhile (each once), and answers each caller its own', async () => {
    const reads: number[][] = [];
    let release: () => void = () => {};
    const read = groupRead(async (keys: number[]) => {
      reads.push(keys);
      if (reads.length === 1) await new Promise<void>((r) => (release = r));
      return new Map(keys.filter((k) => k !== 4).map((k) => [k, `v${k}`]));
    });
    const first = read(1);
    const later = [read(2), read(3), read(2), read(4)];
    await Promise.resolve();
    expect(reads).toEqual([[1]]);
    release();
    expect(await first).toBe('v1');
    expect(await Promise.all(later)).toEqual(['v2', 'v3', 'v2', undefined]);
    expect(reads).toEqual([[1], [2, 3, 4]]);
  });

  it('fails the callers of a failed batch only', async () => {
    let calls = 0;
    const read = groupRead(async (keys: string[]) => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return new Map(keys.map((k) => [k, k.length]));
    });
    await expect(read('a')).rejects.toThrow('connection lost');
    expect(await read('abc')).toBe(3);
  });
});
