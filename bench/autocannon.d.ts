// The part of autocannon 9's programmatic API the tracking benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Request = { method?: string; path?: string; headers?: Record<string, string>; setupRequest?: (request: Request, context: object) => Request };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Request[];
  };
  /** One connection: `reqsMade` requests written so far; with `responseMax` set it closes before writing more. */
  export type Client = { reqsMade: number; responseMax?: number };
  export type Result = {
    errors: number;
    timeouts: number;
    resets: number;
    non2xx: number;
    duration: number;
    totalRequests: number;
    totalCompletedRequests: number;
  };
  export type Instance = EventEmitter & {
    on(event: 'response', listener: (client: Client, statusCode: number, bytes: number, responseTime: number) => void): Instance;
    on(event: 'start', listener: () => void): Instance;
    on(event: 'done', listener: (result: Result) => void): Instance;
    on(event: 'reqError', listener: (error: Error) => void): Instance;
    stop(): void;
  };

  function autocannon(options: Options, callback?: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
