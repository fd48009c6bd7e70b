import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { ErrorCode } from '../errors.ts';
import { kindredCodeOf } from '../trpc/trpc.ts';

/** Awaits `promise`, expecting a tRPC error with the given Kindred code; returns the error. */
export async function expectKindredError(promise: Promise<unknown>, code: ErrorCode): Promise<TRPCError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCError);
  expect(kindredCodeOf(err as TRPCError)).toBe(code);
  return err as TRPCError;
}
