// Group commit: callers that each need one small write committed before they go on hand it over here;
// while one write runs, the items that arrive meanwhile wait and go together in the next one. The first
// item waits for nobody, so a lone caller is as fast as before, and busy callers share round trips.
// Every caller still learns that its own item was committed (or why not) before it continues.

/**
 * Wraps a batch write so that concurrent single-item calls are combined.
 * @example const markSent = groupCommit((ids: number[]) => q.markSent(db, ids)); await markSent(42);
 */
export function groupCommit<T>(write: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let pending: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await write(batch.map((p) => p.item));
        for (const p of batch) p.resolve();
      } catch (error) {
        // Each caller of the failed batch hears of it; later batches still go.
        for (const p of batch) p.reject(error);
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!running) void drain();
    });
}

/**
 * The same for reads: concurrent single-key look-ups that arrive while one batch query runs go
 * together in the next (one `WHERE id = ANY(…)` instead of a pool connection each). Each caller gets
 * its own key's value (undefined when the batch found none), or the batch's error.
 * @example const findDelivery = groupRead((ids: number[]) => q.findDeliveries(db, ids)); await findDelivery(42);
 */
export function groupRead<K, V>(read: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let pending: Array<{ key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }> = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        const found = await read([...new Set(batch.map((p) => p.key))]);
        for (const p of batch) p.resolve(found.get(p.key));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    running = false;
  };
  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      pending.push({ key, resolve, reject });
      if (!running) void drain();
    });
}
