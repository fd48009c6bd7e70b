/** `staff.analytics.*`: community activity for every staff role, as aggregates only. */
import { router, staffProcedure } from '../../trpc/trpc.ts';
import * as repo from './analytics.repo.ts';
import { summaryInput, type AnalyticsSummaryDto } from './analytics.schema.ts';

export const analyticsRouter = router({
  summary: staffProcedure.input(summaryInput).query(async ({ ctx, input }): Promise<AnalyticsSummaryDto> => {
    const days = await repo.dailyCounts(ctx.tx, input.from, input.to);
    const topGroups = await repo.topGroups(ctx.tx, input.from, input.to);
    const unansweredThreads = await repo.unansweredThreads(ctx.tx, input.from, input.to);
    return { days, topGroups, unansweredThreads };
  }),
});
