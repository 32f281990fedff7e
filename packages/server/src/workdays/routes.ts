import { FileBody, NoContent } from '@baomi/api/common.ts';
import * as C from '@baomi/api/workdays.ts';
import { isoWeekday } from '@baomi/domain';
import { sendPdf } from '../exports/pdf.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { readAction, workdayPolicy } from './policy.ts';
import { listDays } from './queries.ts';
import { clearDay, mayKeepCalendar, setDay, workingDeadline } from './service.ts';

const tags = ['workdays'];
const WEEKDAY = ['', '一', '二', '三', '四', '五', '六', '日'];

/** The current year in Beijing. */
function thisYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
}

export const workdayRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '',
    {
      preValidation: guard(workdayPolicy, readAction),
      schema: {
        tags,
        summary: '工作日历 Work calendar of a year',
        querystring: C.YearQuery,
        response: { 200: C.CalendarYear },
      },
    },
    async (req) => {
      const year = req.query.year ?? thisYear();
      const items = await listDays(db, `${year}-01-01`, `${year}-12-31`);
      const ctx = req.auth!;
      const edit =
        (ctx.me.person?.roles.includes('secrecy_officer') ?? false) &&
        (await mayKeepCalendar(db, ctx.me.person?.orgId ?? null));
      const abilities = {
        edit: edit
          ? { allowed: true }
          : {
              allowed: false,
              reason: {
                zh: '工作日历由最上级保密行政管理部门的保密员统一维护',
                en: 'The work calendar is kept by the secrecy officers of the secrecy bureau at the top',
                rule: 'R-DES-07',
              },
            },
      };
      return wire({ year, items, abilities });
    },
  );

  app.get(
    '/add',
    {
      preValidation: guard(workdayPolicy, readAction),
      schema: {
        tags,
        summary: '计算工作日期限 The n-th working day after a date',
        querystring: C.DeadlineQuery,
        response: { 200: C.Deadline },
      },
    },
    async (req) => workingDeadline(db, req.query.from, req.query.n),
  );

  app.get(
    '/print',
    {
      preValidation: guard(workdayPolicy, readAction),
      schema: {
        tags,
        summary: '打印工作日历 Print the work calendar (PDF)',
        querystring: C.YearQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? thisYear();
      const items = await listDays(db, `${year}-01-01`, `${year}-12-31`);
      const actor = actorFor(req);
      const count = (k: string) => items.filter((d) => d.kind === k).length;
      return sendPdf(
        reply,
        `工作日历-${year}`,
        {
          title: `${year}年工作日历`,
          subtitle: '法定节假日与调休上班日；其余日期周一至周五上班，周六、周日休息',
          printedBy: actor.name,
          blocks: [
            {
              kind: 'fields',
              fields: [
                { label: '节假日', value: `${count('holiday')} 天` },
                { label: '调休上班日', value: `${count('working_weekend')} 天` },
              ],
            },
            { kind: 'section', title: '日历' },
            {
              kind: 'table',
              columns: [
                { header: '日期', width: 1.4, align: 'center' },
                { header: '星期', width: 0.8, align: 'center' },
                { header: '类别', width: 1.4, align: 'center' },
                { header: '名称', width: 2.4 },
                { header: '录入人', width: 1.2, align: 'center' },
              ],
              rows: items.map((d) => [
                d.date,
                `星期${WEEKDAY[isoWeekday(d.date)]}`,
                C.DAY_KIND_LABELS[d.kind].zh,
                d.name,
                d.updatedByName,
              ]),
              empty: '本年度尚未录入节假日和调休上班日',
            },
          ],
        },
        { db, actor, objectType: 'work_calendar', filter: { year } },
      );
    },
  );

  app.put(
    '/:date',
    {
      preValidation: guard(workdayPolicy, 'write'),
      schema: {
        tags,
        summary: '设置节假日或调休上班日 Set a holiday or a working weekend day',
        params: C.DateParams,
        body: C.DayInput,
        response: { 200: C.CalendarDay },
      },
    },
    async (req) => wire(await db.tx((sql) => setDay(sql, actorFor(req), req.params.date, req.body))),
  );

  app.delete(
    '/:date',
    {
      preValidation: guard(workdayPolicy, 'write'),
      schema: {
        tags,
        summary: '清除日期设置 Clear a day',
        params: C.DateParams,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await db.tx((sql) => clearDay(sql, actorFor(req), req.params.date));
      return reply.status(204).send(null);
    },
  );
};
