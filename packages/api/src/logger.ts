/**
 * Structured JSON logs. Each request gets a child logger carrying `requestId` and, once
 * resolved, `tenantId`. Never log post bodies, tokens, keys or query strings (tRPC GET inputs
 * live in the query string): the redaction below is a safety net, not a licence.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
    level,
    base: { service: 'kindred-api' },
    redact: {
      paths: ['authorization', 'token', 'body', 'input', '*.authorization', '*.token', '*.body', '*.input', '*.secret'],
      censor: '[redacted]',
    },
  },
    destination,
  );
}
