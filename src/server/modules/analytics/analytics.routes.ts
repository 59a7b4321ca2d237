// /api/v1/campaigns/:id/report (DESIGN §3.4; the rollups, k-anonymous), its CSV, a refresh of its
// rollup, who still needs a reminder (individual tracking only, audited) and the reminder itself;
// /api/v1/analytics/overview, the organisation dashboard across campaigns, and its CSV (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import {
  campaignReportSchema,
  dashboardQuerySchema,
  dashboardSchema,
  type Dashboard,
  pendingPeopleSchema,
  pendingQuerySchema,
  reminderInputSchema,
  reminderSchema,
  reportQuerySchema,
  type CampaignReport,
} from '../../../shared/analytics.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { listPendingPeople, sendReminder } from './pending.service.js';
import { getDashboard } from './dashboard.service.js';
import { getCampaignReport } from './report.service.js';
import { rollUpCampaign } from './rollup.service.js';

const read = { access: { permission: 'campaigns:read' as const } };
const send = { access: { permission: 'campaigns:send' as const } };

const CSV_FIGURES = ['recipients', 'delivered', 'unique_opens', 'unique_clicks', 'acknowledged', 'quiz_passed', 'quiz_failed'] as const;

/** The breakdown as CSV: one row per group, its key columns then its figures; a hidden figure is empty. */
function reportCsv(report: CampaignReport): string {
  const header = [...report.breakdown.by, ...CSV_FIGURES, 'glanced', 'skimmed', 'read'];
  const rows = report.breakdown.groups.map((g) => [
    ...report.breakdown.by.map((d) => g.key[d] ?? ''),
    ...CSV_FIGURES.map((f) => g[f] ?? ''),
    g.reads.glanced ?? '',
    g.reads.skimmed ?? '',
    g.reads.read ?? '',
  ]);
  return stringify([header, ...rows]);
}

const DASHBOARD_FIGURES = ['recipients', 'delivered', 'unique_opens', 'unique_clicks', 'acknowledged', 'open_rate', 'click_rate', 'acknowledged_rate'] as const;

/**
 * The dashboard as one table (long format, for a spreadsheet's pivot): a row per total, campaign, group,
 * week and group × week cell, naming its section; a hidden or missing figure is empty, rates have 4 decimals.
 */
function dashboardCsv(d: Dashboard): string {
  const header = [
    'section',
    'campaign_id',
    'campaign',
    'first_sent_at',
    d.by,
    'week',
    'campaigns',
    ...DASHBOARD_FIGURES,
    'leaders',
    'leaders_on_time',
    'leader_participation',
  ];
  type Row = Partial<Record<(typeof DASHBOARD_FIGURES)[number], number | null>>;
  const cell = (v: number | null | undefined, decimals = false) => (v === null || v === undefined ? '' : decimals ? v.toFixed(4) : String(v));
  const figures = (f: Row) => DASHBOARD_FIGURES.map((key) => cell(f[key], key.endsWith('_rate')));
  const rows: string[][] = [
    [
      'total',
      '',
      '',
      '',
      '',
      '',
      String(d.totals.campaigns),
      ...figures(d.totals),
      String(d.leaders.leaders),
      String(d.leaders.on_time),
      cell(d.leaders.participation, true),
    ],
    ...d.campaigns.map((c) => [
      'campaign',
      String(c.id),
      c.name,
      c.first_sent_at,
      '',
      c.week,
      '1',
      ...figures(c),
      cell(c.leaders?.leaders),
      cell(c.leaders?.on_time),
      cell(c.leaders?.participation, true),
    ]),
    ...d.groups.map((g) => ['group', '', '', '', g.group, '', String(g.campaigns), ...figures(g), '', '', '']),
    ...d.weeks.map((w) => [
      'week',
      '',
      '',
      '',
      '',
      w.week,
      String(w.campaigns),
      ...figures(w),
      String(w.leaders),
      String(w.leaders_on_time),
      cell(w.leader_participation, true),
    ]),
    ...d.cells.map((c) => ['cell', '', '', '', c.group, c.week, '', ...figures(c), '', '', '']),
  ];
  return stringify([header, ...rows]);
}

export function registerAnalyticsRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/campaigns/:id/report',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          "A campaign's report: reach, opens, clicks, reads, acknowledgements by variant, channel and the breakdown asked for; groups smaller than k are null",
        params: idParams,
        querystring: reportQuerySchema,
        response: { 200: campaignReportSchema },
      },
      config: read,
    },
    async (request) => getCampaignReport({ db: ctx.db, config: ctx.config, id: request.params.id, by: request.query.by }),
  );

  r.get(
    '/api/v1/campaigns/:id/report.csv',
    {
      schema: { tags: ['campaigns'], summary: "A campaign report's breakdown as CSV (hidden figures empty)", params: idParams, querystring: reportQuerySchema },
      config: read,
    },
    async (request, reply) => {
      const report = await getCampaignReport({ db: ctx.db, config: ctx.config, id: request.params.id, by: request.query.by });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'reports.exported',
        target: { type: 'campaign', id: request.params.id },
        detail: { by: report.breakdown.by.join(',') },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="campaign-${report.campaign_id}-report.csv"`)
        .send(reportCsv(report));
    },
  );

  r.get(
    '/api/v1/analytics/overview',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'The organisation dashboard: reach and engagement of the campaigns first sent in a period, per campaign, per generation or department, per week and group × week, and the leaders taking part; figures a campaign report hides are null',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
      config: read,
    },
    async (request) => getDashboard({ db: ctx.db, config: ctx.config, now: ctx.clock(), query: request.query }),
  );

  r.get(
    '/api/v1/analytics/overview.csv',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The organisation dashboard as CSV, one row per figure set (hidden figures empty); audited',
        querystring: dashboardQuerySchema,
      },
      config: read,
    },
    async (request, reply) => {
      const dashboard = await getDashboard({ db: ctx.db, config: ctx.config, now: ctx.clock(), query: request.query });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'dashboard.exported',
        detail: { from: dashboard.from, to: dashboard.to, by: dashboard.by },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dashboard-${dashboard.from}-${dashboard.to}-${dashboard.by}.csv"`)
        .send(dashboardCsv(dashboard));
    },
  );

  r.post(
    '/api/v1/campaigns/:id/report/refresh',
    {
      schema: {
        tags: ['campaigns'],
        summary: "Rewrite a campaign's report rollup now (the job does it every minute)",
        params: idParams,
        response: { 200: campaignReportSchema },
      },
      config: read,
    },
    async (request) => {
      await rollUpCampaign({ db: ctx.db, config: ctx.config, campaignId: request.params.id, now: ctx.clock() });
      return getCampaignReport({ db: ctx.db, config: ctx.config, id: request.params.id, by: ['variant'] });
    },
  );

  r.get(
    '/api/v1/campaigns/:id/report/pending',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Who still needs a reminder: recipients a follow-up condition holds for, by name (individual tracking only; audited)',
        params: idParams,
        querystring: pendingQuerySchema,
        response: { 200: pendingPeopleSchema },
      },
      config: read,
    },
    async (request) => {
      const result = await listPendingPeople({ db: ctx.db, config: ctx.config, id: request.params.id, ...request.query });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'reports.pending_viewed',
        target: { type: 'campaign', id: request.params.id },
        detail: { condition: result.condition, rows: result.items.length },
      });
      return result;
    },
  );

  r.post(
    '/api/v1/campaigns/:id/reminders',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Send a reminder now to whoever a condition holds for (a follow-up added to the campaign)',
        params: idParams,
        body: reminderInputSchema,
        response: { 202: reminderSchema },
      },
      config: send,
    },
    async (request, reply) => {
      const result = await sendReminder({ db: ctx.db, config: ctx.config, jobs: ctx.jobs, id: request.params.id, ...request.body });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'campaigns.reminder_sent',
        target: { type: 'campaign', id: request.params.id },
        detail: { condition: request.body.condition, follow_up: result.follow_up },
      });
      return reply.status(202).send(result);
    },
  );
}
