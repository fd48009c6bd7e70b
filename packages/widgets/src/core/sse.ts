/**
 * tRPC v11 subscriptions over server-sent events, read with fetch (EventSource cannot send
 * headers, and the member's token must never go in a URL). Loaded lazily by the client.
 *
 * Wire format: blocks separated by a blank line, of `event:`, `data:` and `id:` lines. A block
 * without `event:` is data (JSON). Named events: `connected`, `ping` (keep-alive),
 * `serialized-error` (tRPC's error JSON) and `return` (the server ended the stream).
 */
import {
  authHeaders,
  isAuthError,
  procedureUrl,
  toApiError,
  type ApiError,
  type ClientOptions,
  type SerializedError,
  type SubscribeHandlers,
} from './api-client.ts';

export interface SseMessage {
  event: string | undefined;
  data: string;
  id: string | undefined;
}

/** An incremental SSE parser: feed it text as it arrives, in chunks of any size. */
export class SseParser {
  private buffer = '';
  private event: string | undefined;
  private data: string[] = [];
  private id: string | undefined;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const messages: SseMessage[] = [];
    // A line ends at \r\n, \n or \r; a trailing \r may be half of a \r\n still on its way.
    const lines = this.buffer.split(/\r\n|\n|\r(?!$)/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length || this.event) messages.push({ event: this.event, data: this.data.join('\n'), id: this.id });
        this.event = undefined;
        this.data = [];
        this.id = undefined;
        continue;
      }
      if (line.startsWith(':')) continue; // a comment
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
      else if (field === 'id') this.id = value;
    }
    return messages;
  }
}

export interface RetryOptions {
  /** First delay; doubles after each failure in a row up to `maxMs`. */
  initialMs?: number;
  maxMs?: number;
  /** 0..1; injectable for tests. */
  random?: () => number;
}

/** Exponential backoff with jitter: a delay between half and all of min(max, initial * 2^attempt). */
export function backoffDelay(attempt: number, retry: RetryOptions = {}): number {
  const ceiling = Math.min(retry.maxMs ?? 30_000, (retry.initialMs ?? 1000) * 2 ** attempt);
  return Math.round(ceiling * (0.5 + (retry.random ?? Math.random)() * 0.5));
}

/** Errors worth reconnecting after: the network, or the server having a bad moment. */
const transient = (error: ApiError) => ['NETWORK', 'INTERNAL', 'DATABASE_UNAVAILABLE'].includes(error.kindredCode);

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/**
 * Opens the stream and keeps it open: reconnects with backoff after a dropped connection or a
 * transient error, resuming with `last-event-id`; stops on abort, on `return`, or on an error
 * reconnecting cannot fix (reported to `onError`; auth errors go to the session's refresh path).
 */
export async function openStream(
  options: ClientOptions & { retry?: RetryOptions },
  path: string,
  input: unknown,
  handlers: SubscribeHandlers<unknown>,
): Promise<void> {
  const { signal } = handlers;
  let lastEventId: string | undefined;
  let failures = 0;
  const stop = (error: ApiError) => {
    if (!signal.aborted) handlers.onError?.(error);
  };
  while (!signal.aborted) {
    let error: ApiError | undefined;
    try {
      const headers = { ...authHeaders(options), accept: 'text/event-stream' } as Record<string, string>;
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const response = await (options.fetch ?? fetch)(procedureUrl(options.base, path, input), {
        headers,
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
      if (!response.ok || !response.body) {
        const json = (await response.json().catch(() => null)) as { error?: SerializedError } | null;
        error = toApiError(response.status, json?.error, response.statusText);
      } else {
        const outcome = await read(response.body, (id) => (lastEventId = id ?? lastEventId), () => {
          failures = 0;
          handlers.onState?.('open');
        }, handlers);
        if (outcome === 'returned') return;
        if (outcome !== 'dropped') error = outcome;
      }
    } catch (err) {
      if (signal.aborted) return;
      error = toApiError(0, { message: (err as Error).message, data: { kindredCode: 'NETWORK' } });
    }
    if (signal.aborted) return;
    if (error && (isAuthError(error) || !transient(error))) return stop(error);
    handlers.onState?.('retrying');
    await sleep(backoffDelay(failures++, options.retry), signal);
  }
}

/** Reads one connection to its end: 'returned', 'dropped', or the error the server sent. */
async function read(
  body: ReadableStream<Uint8Array>,
  seen: (id: string | undefined) => void,
  opened: () => void,
  handlers: SubscribeHandlers<unknown>,
): Promise<'returned' | 'dropped' | ApiError> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'dropped';
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        if (message.event === 'connected') opened();
        else if (message.event === 'return') return 'returned';
        else if (message.event === 'serialized-error') {
          const error = JSON.parse(message.data || 'null') as SerializedError | null;
          return toApiError(error?.data?.httpStatus ?? 500, error ?? undefined);
        } else if (message.event === undefined && message.data) {
          seen(message.id);
          handlers.onData(JSON.parse(message.data), message.id);
        }
      }
    }
  } catch (err) {
    if (handlers.signal.aborted) return 'dropped';
    throw err;
  } finally {
    reader.cancel().catch(() => {});
  }
}
