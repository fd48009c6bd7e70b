import { forumRouter } from './modules/forum/forum.router.ts';
import { identityRouter } from './modules/identity/identity.router.ts';
import { createCallerFactory, router } from './trpc/trpc.ts';

export const appRouter = router({
  identity: identityRouter,
  forum: forumRouter,
});

/** The API's type: widgets and the admin console import this, and only as a type. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

export type { ErrorCode } from './errors.ts';
export type { AuthorDto, PostDto, ThreadSummaryDto } from './modules/forum/forum.schema.ts';
export type { Page } from './db/keyset.ts';
