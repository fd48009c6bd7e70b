import { router, tenantProcedure } from '../../trpc/trpc.ts';

export const identityRouter = router({
  /** Who the request's token signs in (null without a token). Lets a widget check a token early. */
  me: tenantProcedure.query(({ ctx }) => ({
    member: ctx.member ? { id: ctx.member.id, displayName: ctx.member.displayName } : null,
    tenant: { name: ctx.tenant.name },
  })),
});
