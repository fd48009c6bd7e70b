import { z } from 'zod';
import { memberProcedure, router } from '../../trpc/trpc.ts';
import * as privacy from './privacy.service.ts';

export const privacyRouter = router({
  /** Everything Kindred holds about the signed-in member, as JSON. */
  export: memberProcedure.mutation(({ ctx }) => privacy.exportMemberData(ctx.tx, ctx.member.id, { kind: 'member', id: ctx.member.id, ip: ctx.ip })),
  /** Erases the signed-in member everywhere. `confirm: true` guards against an accidental call. */
  erase: memberProcedure
    .input(z.object({ confirm: z.literal(true) }))
    .mutation(({ ctx }) => privacy.eraseMember(ctx.tx, ctx.member.id, { kind: 'member', id: ctx.member.id, ip: ctx.ip })),
});
