// The load side of the tracking benchmark, in a process of its own so that the server it measures does
// not share its event loop with the client: autocannon over keep-alive connections, each request taking
// the next path of the list it is given (opens and clicks, spread over the tokens). After `seconds`
// every connection finishes the request it has in flight and writes no more, so each request sent is
// answered and counted (nothing is cut off mid-way). Reads its task from the parent over IPC, prints one
// JSON line: responses by status, errors, elapsed time, latency percentiles over every response.
import autocannon, { type Client } from 'autocannon';

export type LoadTask = { url: string; paths: string[]; seconds: number; connections: number; userAgent: string };
export type LoadResult = {
  statuses: Record<string, number>;
  responses: number;
  errors: number;
  timeouts: number;
  elapsedMs: number;
  p50: number;
  p99: number;
  max: number;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function load(task: LoadTask): Promise<LoadResult> {
  let next = 0;
  let latencies = new Float64Array(1 << 16);
  let responses = 0;
  let errors = 0;
  const statuses: Record<string, number> = {};
  const clients = new Set<Client>();
  let startedAt = 0;
  let lastResponseAt = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: task.url,
        connections: task.connections,
        // A safety net only: the run ends when every connection has stopped after `seconds`.
        duration: task.seconds + 60,
        headers: { 'user-agent': task.userAgent },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: task.paths[next++ % task.paths.length]! }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = latencies.subarray(0, responses).sort();
        resolve({
          statuses,
          responses,
          errors,
          timeouts: result.timeouts,
          elapsedMs: lastResponseAt - startedAt,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: percentile(sorted, 100),
        });
      },
    );
    instance.on('start', () => {
      startedAt = performance.now();
      setTimeout(() => {
        // Each connection closes once its request in flight is answered, instead of being cut off.
        for (const client of clients) client.responseMax = client.reqsMade;
      }, task.seconds * 1000);
    });
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      clients.add(client);
      lastResponseAt = performance.now();
      if (responses === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[responses++] = responseTime;
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
    instance.on('reqError', () => errors++);
  });
}

process.once('message', (task: LoadTask) => {
  load(task).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.disconnect();
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
