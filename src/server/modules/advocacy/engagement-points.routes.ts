// /api/v1/advocacy/me, …/me/participation, …/me/points, …/me/score, …/people/:id/score, …/leaderboard
// and …/settings (ADR 0031, ADR 0032): taking part, points, badges, levels, boards and the influence score.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { advocacySettingsSchema, leaderboardQuerySchema, leaderboardSchema } from '../../../shared/advocacy.js';
import { advocacyMeSchema, influenceScoreSchema, participationInputSchema, pointsPageQuerySchema, pointsPageSchema } from '../../../shared/advocacy-points.js';
import { auditActorOf, callerCan, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { idParams } from '../../platform/http/id-params.js';
import { AppError } from '../../platform/http/app-error.js';
import { getMe, influenceScore, leaderboard, listPoints, setParticipation } from './engagement-points.service.js';
import { getAdvocacySettings, saveAdvocacySettings } from './settings.service.js';

export function registerAdvocacyPointsRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['advocacy'];
  const me = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };
  const signedIn = { access: { signedIn: true as const } };

  r.get(
    '/api/v1/advocacy/me',
    {
      schema: { tags, summary: 'Whether I take part, my points this week, month and in all, my level and badges', response: { 200: advocacyMeSchema } },
      config: signedIn,
    },
    async (request) => getMe({ db: ctx.db, personId: me(request), now: ctx.clock() }),
  );

  r.put(
    '/api/v1/advocacy/me/participation',
    {
      schema: {
        tags,
        summary: 'Join or leave the programme, or keep off the leaderboards',
        description: 'Leaving keeps the ledger and badges but takes me off every board. Changing the opt-out also joins.',
        body: participationInputSchema,
        response: { 200: advocacyMeSchema },
      },
      config: signedIn,
    },
    async (request) =>
      setParticipation({
        db: ctx.db,
        personId: me(request),
        joined: request.body.joined,
        leaderboardOptOut: request.body.leaderboard_opt_out,
        now: ctx.clock(),
      }),
  );

  r.get(
    '/api/v1/advocacy/me/points',
    {
      schema: {
        tags,
        summary: 'My points ledger, newest first, capped awards included',
        querystring: pointsPageQuerySchema,
        response: { 200: pointsPageSchema },
      },
      config: signedIn,
    },
    async (request) => listPoints({ db: ctx.db, personId: me(request), cursor: request.query.cursor, limit: request.query.limit }),
  );

  r.get(
    '/api/v1/advocacy/me/score',
    {
      schema: {
        tags,
        summary: 'My influence score (1–100), its components, the weakest and what would raise it',
        description:
          'ADR 0032: the raw score is the weighted sum of engagement per share, reach, consistency and inside; the score is its percentile among active participants.',
        response: { 200: influenceScoreSchema },
      },
      config: signedIn,
    },
    async (request) => influenceScore({ db: ctx.db, personId: me(request), now: ctx.clock() }),
  );

  r.get(
    '/api/v1/advocacy/people/:id/score',
    {
      schema: { tags, summary: "A person's influence score, explained", params: idParams, response: { 200: influenceScoreSchema } },
      config: { access: { permission: 'advocacy:manage' } },
    },
    async (request) => influenceScore({ db: ctx.db, personId: request.params.id, now: ctx.clock() }),
  );

  r.get(
    '/api/v1/advocacy/leaderboard',
    {
      schema: {
        tags,
        summary: 'A leaderboard by period, department or team, withheld below k people',
        description:
          "Active participants who did not opt out; ties share a rank. `team` is a leader's external id (their organisation). Fewer than PRIVACY_MIN_GROUP people: `hidden` with no items. `me` is the caller's own row.",
        querystring: leaderboardQuerySchema,
        response: { 200: leaderboardSchema },
      },
      config: signedIn,
    },
    async (request) =>
      leaderboard({
        db: ctx.db,
        personId: me(request),
        period: request.query.period,
        department: request.query.department,
        team: request.query.team,
        mine: request.query.mine,
        limit: request.query.limit,
        now: ctx.clock(),
        minGroup: ctx.config.PRIVACY_MIN_GROUP,
      }),
  );

  r.get(
    '/api/v1/advocacy/settings',
    {
      schema: { tags, summary: 'Points and caps per action, levels and the cost per click', response: { 200: advocacySettingsSchema } },
      config: signedIn,
    },
    async (request) => {
      if (!callerCan(request, 'advocacy:manage') && !callerCan(request, 'advocacy:settings'))
        throw new AppError('forbidden', 'needs advocacy:manage or advocacy:settings');
      return getAdvocacySettings(ctx.db);
    },
  );

  r.put(
    '/api/v1/advocacy/settings',
    {
      schema: {
        tags,
        summary: 'Replace the points and caps per action, levels and the cost per click',
        body: advocacySettingsSchema,
        response: { 200: advocacySettingsSchema },
      },
      config: { access: { permission: 'advocacy:settings' } },
    },
    async (request) => {
      const saved = await saveAdvocacySettings(ctx.db, request.body);
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy.settings_changed',
        target: { type: 'advocacy_settings', id: 'settings' },
        detail: saved,
      });
      return saved;
    },
  );
}
