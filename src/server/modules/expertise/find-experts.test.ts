// Expert search never leaves a rejected promise unobserved: when the database refuses the question
// (here a NUL byte, which PostgreSQL text cannot hold), the search rejects once, to its caller, and the
// process sees no unhandled rejection (which would end it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { findExperts } from './index.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t?.close());

describe('findExperts when a lookup fails', () => {
  it('rejects to its caller and leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      await expect(findExperts({ db: t.database.db, q: 'excel \u0000', limit: 10 })).rejects.toThrow();
      // Rejections of promises nobody awaits are reported after the microtask queue drains.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('still answers an ordinary question', async () => {
    await expect(findExperts({ db: t.database.db, q: 'excel pivot tables', limit: 10 })).resolves.toEqual({ results: [] });
  });
});
