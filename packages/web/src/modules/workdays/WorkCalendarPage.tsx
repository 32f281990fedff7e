// 工作日历: the year's holidays and 调休 working weekends on twelve month panels. The secrecy officer
// clicks a day to set or clear it; everyone else sees the same calendar read-only (R-DES-07).
import { CalendarOutlined, LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { LIMITS } from '@baomi/api/workdays/labels.ts';
import { daysInMonth, isoWeekday } from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CSSProperties, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { type Lang, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { TZ } from '../../app/time.ts';
import { type CalendarDay, type DayKind, type Deadline, workdaysApi } from './api.ts';

const WEEKDAYS: Record<Lang, string[]> = {
  zh: ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const WEEK_HEAD: Record<Lang, string[]> = {
  zh: ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
};
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const today = () => dayjs().tz(TZ).format('YYYY-MM-DD');

const KIND_STYLE: Record<DayKind, CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', borderColor: '#ffa39e' },
  working_weekend: { background: '#e6f4ff', color: '#0958d9', borderColor: '#91caff' },
};

/** One day of a month panel: its number, and 休/班 when the office has set it. */
function DayCell({
  date,
  day,
  entry,
  editable,
  isToday,
  onPick,
}: {
  date: string;
  day: number;
  entry: CalendarDay | undefined;
  editable: boolean;
  isToday: boolean;
  onPick: (date: string) => void;
}) {
  const { t, lang } = useI18n();
  const weekend = isoWeekday(date) >= 6;
  const kind = entry?.kind;
  const style: CSSProperties = {
    position: 'relative',
    width: '100%',
    height: 34,
    padding: 0,
    // longhands only: React drops a longhand without re-applying a shorthand, which left stale borders
    borderWidth: 1,
    borderStyle: 'solid',
    borderColor: 'transparent',
    borderRadius: 4,
    background: 'transparent',
    color: weekend ? '#8c8c8c' : 'inherit',
    font: 'inherit',
    fontSize: 13,
    lineHeight: '32px',
    textAlign: 'center',
    cursor: editable ? 'pointer' : 'default',
    ...(kind ? KIND_STYLE[kind] : {}),
    ...(isToday ? { outline: '2px solid #1677ff', outlineOffset: -2 } : {}),
  };
  const title = [
    `${date} ${WEEKDAYS[lang][isoWeekday(date)]}`,
    kind ? `${t(`workdays.kind.${kind}`)}${entry?.name ? `：${entry.name}` : ''}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const badge = kind ? (
    <span
      style={{ position: 'absolute', top: 1, right: 2, fontSize: 10, lineHeight: '12px', fontWeight: 600 }}
    >
      {t(`workdays.short.${kind}`)}
    </span>
  ) : null;
  const props = {
    style,
    title,
    'data-testid': `day-${date}`,
    'data-kind': kind ?? (weekend ? 'weekend' : 'workday'),
    'aria-label': title,
  };
  return editable ? (
    <button type="button" {...props} onClick={() => onPick(date)}>
      {day}
      {badge}
    </button>
  ) : (
    <div {...props}>
      {day}
      {badge}
    </div>
  );
}

function MonthPanel({
  year,
  month,
  days,
  editable,
  onPick,
}: {
  year: number;
  month: number;
  days: Map<string, CalendarDay>;
  editable: boolean;
  onPick: (date: string) => void;
}) {
  const { lang } = useI18n();
  const first = isoWeekday(dateOf(year, month, 1));
  const n = daysInMonth(year, month);
  const now = today();
  const cells: (number | null)[] = [
    ...Array(first - 1).fill(null),
    ...Array.from({ length: n }, (_, i) => i + 1),
  ];
  return (
    <Card
      size="small"
      title={lang === 'zh' ? `${month}月` : MONTHS_EN[month - 1]}
      data-testid={`month-${month}`}
      styles={{ body: { padding: 8 } }}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {WEEK_HEAD[lang].map((h, i) => (
          <div
            key={h}
            style={{
              textAlign: 'center',
              fontSize: 12,
              color: i >= 5 ? '#8c8c8c' : '#595959',
              paddingBottom: 2,
            }}
          >
            {h}
          </div>
        ))}
        {cells.map((d, i) =>
          d === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the blanks before the 1st are positional
            <div key={`blank-${i}`} />
          ) : (
            <DayCell
              key={d}
              date={dateOf(year, month, d)}
              day={d}
              entry={days.get(dateOf(year, month, d))}
              editable={editable}
              isToday={dateOf(year, month, d) === now}
              onPick={onPick}
            />
          ),
        )}
      </div>
    </Card>
  );
}

interface DayForm {
  kind: DayKind;
  name: string;
}

/** Sets a day (kind and name), or clears it when it is already set. */
function DayEditor({
  date,
  entry,
  onClose,
  onChanged,
}: {
  date: string;
  entry: CalendarDay | undefined;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const showError = useShowError();
  const [clearing, run] = useBusy();
  const weekday = isoWeekday(date);
  const weekend = weekday >= 6;
  return (
    <FormModal<DayForm>
      title={t('workdays.setTitle', { date, weekday: WEEKDAYS[lang][weekday]! })}
      initialValues={{ kind: entry?.kind ?? 'holiday', name: entry?.name ?? '' }}
      fields={['kind', 'name']}
      testId="day-editor"
      onClose={onClose}
      onSubmit={async (v) => {
        await workdaysApi.set(date, { kind: v.kind, name: v.name.trim() });
        message.success(t('common.saved'));
        await onChanged();
        onClose();
      }}
    >
      <Form.Item
        name="kind"
        label={t('workdays.kind')}
        rules={[rules.chosen(t('workdays.kind'))]}
        extra={weekend ? undefined : t('workdays.weekendOnly')}
      >
        <Radio.Group data-testid="day-kind">
          <Radio value="holiday" data-testid="day-kind-holiday">
            {t('workdays.kind.holiday')}
          </Radio>
          <Radio value="working_weekend" disabled={!weekend} data-testid="day-kind-working">
            {t('workdays.kind.working_weekend')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="name" label={t('workdays.name')} rules={rules.text(t('workdays.name'), LIMITS.name)}>
        <Input placeholder={t('workdays.namePlaceholder')} maxLength={LIMITS.name} data-testid="day-name" />
      </Form.Item>
      {entry && (
        <Popconfirm
          title={t('workdays.clearConfirm', { date })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            run(
              async () => {
                await workdaysApi.clear(date);
                message.success(t('workdays.cleared'));
                await onChanged();
                onClose();
              },
              (e) => showError(e),
            )
          }
        >
          <Button danger loading={clearing} data-testid="day-clear">
            {t('workdays.clear')}
          </Button>
        </Popconfirm>
      )}
    </FormModal>
  );
}

/** The deadline n working days after a date, counted by the server on the stored calendar. */
function DeadlineCard() {
  const { t, lang, l } = useI18n();
  const showError = useShowError();
  const [from, setFrom] = useState<Dayjs | null>(() => dayjs(today()));
  const [n, setN] = useState<number | null>(10);
  const [result, setResult] = useState<Deadline | null>(null);
  const [busy, run] = useBusy();
  const compute = () =>
    run(
      async () => {
        if (!from || n === null) return;
        setResult(await workdaysApi.deadline(from.format('YYYY-MM-DD'), n));
      },
      (e) => showError(e),
    );
  return (
    <Card size="small" title={t('workdays.calc')} data-testid="deadline-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('workdays.calcHint')}</Typography.Text>
        <Space wrap>
          <DatePicker
            value={from}
            onChange={(d) => setFrom(d)}
            allowClear={false}
            aria-label={t('workdays.from')}
            placeholder={t('workdays.from')}
            data-testid="deadline-from"
          />
          <Space.Compact>
            <InputNumber
              min={0}
              max={1000}
              precision={0}
              value={n}
              onChange={(v) => setN(v)}
              aria-label={t('workdays.n')}
              style={{ width: 90 }}
              data-testid="deadline-n"
            />
            <Space.Addon>{t('workdays.n')}</Space.Addon>
          </Space.Compact>
          <Button type="primary" loading={busy} onClick={() => void compute()} data-testid="deadline-compute">
            {t('workdays.compute')}
          </Button>
        </Space>
        {result && (
          <Typography.Text strong data-testid="deadline-result">
            {t('workdays.deadline', {
              date: result.deadline,
              weekday: WEEKDAYS[lang][isoWeekday(result.deadline)]!,
            })}
          </Typography.Text>
        )}
        {result?.warning && <Alert type="warning" showIcon title={l(result.warning)} />}
      </Space>
    </Card>
  );
}

export function WorkCalendarPage() {
  const { t, lang } = useI18n();
  // R-DES-07: the server says who keeps the calendar (the secrecy bureau at the top); units read it.
  // The year shown is in the address (?year=2026), so a link or a reload keeps it.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year =
    Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : Number(today().slice(0, 4));
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const data = useLoad(() => workdaysApi.year(year), [year]);
  const editable = data.data?.abilities.edit?.allowed ?? false;
  const [picked, setPicked] = useState<string | null>(null);
  const days = useMemo(() => new Map((data.data?.items ?? []).map((d) => [d.date, d])), [data.data]);
  const items = data.data?.year === year ? data.data.items : [];
  const count = (k: DayKind) => items.filter((d) => d.kind === k).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageCard
        title={
          <Space>
            <CalendarOutlined />
            {t('workdays.title')}
          </Space>
        }
        description={t('workdays.description')}
        extra={
          <Space wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('workdays.prevYear')}
              onClick={() => setYear(year - 1)}
              data-testid="year-prev"
            />
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="year">
              {t('workdays.yearLabel', { year })}
            </Typography.Text>
            <Button
              icon={<RightOutlined />}
              aria-label={t('workdays.nextYear')}
              onClick={() => setYear(year + 1)}
              data-testid="year-next"
            />
            <Button onClick={() => setYear(Number(today().slice(0, 4)))}>{t('workdays.thisYear')}</Button>
            <RefreshButton onRefresh={data.reload} />
            <Button
              icon={<PrinterOutlined />}
              href={workdaysApi.printUrl(year)}
              download
              data-testid="workdays-print"
            >
              {t('workdays.print')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={editable ? t('workdays.editHint') : t('workdays.readOnly')}
            data-testid={editable ? 'workdays-editable' : 'workdays-readonly'}
          />
          <ErrorAlert error={data.error} onRetry={data.reload} />
          {!data.loading && !data.error && items.length === 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('workdays.notEntered', { year })}
              data-testid="workdays-not-entered"
            />
          )}
          <Space wrap size="small">
            <Tag style={KIND_STYLE.holiday}>
              {t('workdays.short.holiday')} · {t('workdays.kind.holiday')}
            </Tag>
            <Tag style={KIND_STYLE.working_weekend}>
              {t('workdays.short.working_weekend')} · {t('workdays.kind.working_weekend')}
            </Tag>
            <Tag style={{ color: '#8c8c8c' }}>{t('workdays.weekend')}</Tag>
            <Tag style={{ outline: '2px solid #1677ff', outlineOffset: -2 }}>{t('workdays.today')}</Tag>
            <Typography.Text type="secondary" data-testid="workdays-summary">
              {t('workdays.summary', { holidays: count('holiday'), working: count('working_weekend') })}
            </Typography.Text>
          </Space>
          {data.loading && !data.data ? (
            <Skeleton active />
          ) : (
            <Row gutter={[12, 12]} data-testid="year-view">
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
                  <MonthPanel year={year} month={m} days={days} editable={editable} onPick={setPicked} />
                </Col>
              ))}
            </Row>
          )}
        </Space>
      </PageCard>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('workdays.list')}>
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              dataSource={items}
              pagination={false}
              loading={data.loading}
              locale={{ emptyText: t('workdays.empty') }}
              data-testid="workdays-table"
              onRow={(d) =>
                editable ? { onClick: () => setPicked(d.date), style: { cursor: 'pointer' } } : {}
              }
              columns={[
                { title: t('workdays.date'), dataIndex: 'date', width: 120 },
                {
                  title: t('workdays.weekday'),
                  key: 'weekday',
                  width: 100,
                  render: (_, d) => WEEKDAYS[lang][isoWeekday(d.date)],
                },
                {
                  title: t('workdays.kind'),
                  dataIndex: 'kind',
                  width: 200,
                  render: (k: DayKind) => <Tag style={KIND_STYLE[k]}>{t(`workdays.kind.${k}`)}</Tag>,
                },
                { title: t('workdays.name'), dataIndex: 'name' },
                { title: t('workdays.updatedBy'), dataIndex: 'updatedByName', width: 120 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <DeadlineCard />
        </Col>
      </Row>
      {picked && editable && (
        <DayEditor
          key={picked}
          date={picked}
          entry={days.get(picked)}
          onClose={() => setPicked(null)}
          onChanged={data.reload}
        />
      )}
    </Space>
  );
}
