import { isoWeekday } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { sendPdf } from '../exports/pdf.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { enumOf, int, object, str } from '../http/schemas.ts';
import { readAction, workdayPolicy } from './policy.ts';
import { DAY_KINDS, listDays } from './queries.ts';
import { clearDay, type DayInput, setDay, workingDeadline } from './service.ts';

const tags = ['workdays'];
const yearQuery = object({ year: int(1900, 2200) });
/** Any text: the service checks it with the domain and answers with its bilingual message. */
const dateParams = object({ date: { type: 'string', minLength: 1, maxLength: 40 } }, ['date']);
const WEEKDAY = ['', '一', '二', '三', '四', '五', '六', '日'];
const KIND_ZH = { holiday: '节假日（放假）', working_weekend: '调休上班日' } as const;

/** The current year in Beijing. */
function thisYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
}

export default async function workdayRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get<{ Querystring: { year?: number } }>(
    '/api/workdays',
    {
      preValidation: guard(workdayPolicy, readAction),
      schema: { tags, summary: '工作日历 Work calendar of a year', querystring: yearQuery },
    },
    async (req) => {
      const year = req.query.year ?? thisYear();
      const items = await listDays(db, `${year}-01-01`, `${year}-12-31`);
      return { year, items };
    },
  );

  app.get<{ Querystring: { from: string; n: number } }>(
    '/api/workdays/add',
    {
      preValidation: guard(workdayPolicy, readAction),
      schema: {
        tags,
        summary: '计算工作日期限 The n-th working day after a date',
        querystring: object({ from: str(40), n: int(0, 1000) }, ['from', 'n']),
      },
    },
    async (req) => workingDeadline(db, req.query.from, req.query.n),
  );

  app.get<{ Querystring: { year?: number } }>(
    '/api/workdays/print',
    {
      preValidation: guard(workdayPolicy, readAction),
      schema: { tags, summary: '打印工作日历 Print the work calendar (PDF)', querystring: yearQuery },
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
                KIND_ZH[d.kind],
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

  app.put<{ Params: { date: string }; Body: DayInput }>(
    '/api/workdays/:date',
    {
      preValidation: guard(workdayPolicy, 'write'),
      schema: {
        tags,
        summary: '设置节假日或调休上班日 Set a holiday or a working weekend day',
        params: dateParams,
        body: object({ kind: enumOf(DAY_KINDS), name: str(50) }, ['kind', 'name']),
      },
    },
    async (req) => db.tx((sql) => setDay(sql, actorFor(req), req.params.date, req.body)),
  );

  app.delete<{ Params: { date: string } }>(
    '/api/workdays/:date',
    {
      preValidation: guard(workdayPolicy, 'write'),
      schema: { tags, summary: '清除日期设置 Clear a day', params: dateParams },
    },
    async (req, reply) => {
      await db.tx((sql) => clearDay(sql, actorFor(req), req.params.date));
      return reply.status(204).send();
    },
  );
}
