/**
 * `staff.settings.*`: the organisation's settings in the console. Owners and moderators read
 * them; only owners change anything. Every change is audited; no secret is ever returned except
 * the new key a rotation shows once.
 */
import type { Context } from '../../trpc/context.ts';
import { moderatorProcedure, ownerProcedure, router } from '../../trpc/trpc.ts';
import * as settings from './settings.service.ts';
import { consentTextInput, originInput, updateSettingsInput } from './settings.schema.ts';

const apiOrigin = (ctx: Pick<Context, 'console'>) => ctx.console.selfOrigin ?? '';
const actorOf = (ctx: Pick<Context, 'ip'> & { staff: { id: string } }): settings.StaffActor => ({ staffId: ctx.staff.id, ip: ctx.ip ?? null });

export const consoleSettingsRouter = router({
  get: moderatorProcedure.query(({ ctx }) => settings.settingsDto(ctx.tx, apiOrigin(ctx))),

  update: ownerProcedure.input(updateSettingsInput).mutation(async ({ ctx, input }) => {
    await settings.updateSettings(ctx.tx, actorOf(ctx), input);
    return settings.settingsDto(ctx.tx, apiOrigin(ctx));
  }),

  addOrigin: ownerProcedure.input(originInput).mutation(async ({ ctx, input }) => {
    await settings.addOrigin(ctx.tx, actorOf(ctx), input.origin);
    return settings.settingsDto(ctx.tx, apiOrigin(ctx));
  }),

  removeOrigin: ownerProcedure.input(originInput).mutation(async ({ ctx, input }) => {
    await settings.removeOrigin(ctx.tx, actorOf(ctx), input.origin);
    return settings.settingsDto(ctx.tx, apiOrigin(ctx));
  }),

  rotateSecretKey: ownerProcedure.mutation(({ ctx }) => settings.rotateSecretKey(ctx.tx, actorOf(ctx))),

  rotateSsoSecret: ownerProcedure.mutation(({ ctx }) => settings.rotateSsoSecret(ctx.tx, actorOf(ctx))),

  publishConsentText: ownerProcedure.input(consentTextInput).mutation(({ ctx, input }) => settings.publishConsentText(ctx.tx, actorOf(ctx), input.text)),
});
