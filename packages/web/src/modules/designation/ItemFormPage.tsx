// The handler's draft (承办人拟办, R-DES-06): title, department, basis with the R-DES-01a questions,
// original or derived (R-DES-01: a derived matter takes its source's terms), level, period with the
// marking it gives (R-LVL-02/03), issue date, knowledge scope (R-DES-08a); save, submit, or report as
// an unclear matter (R-DES-07). Before submitting the page shows what the authority check says.
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  derivedTerms,
  type KnowScope,
  LEVEL_LABELS,
  NON_CLASSIFIABLE_GROUNDS,
  NON_CLASSIFIABLE_LABELS,
  type NonClassifiableGround,
  type Period,
  STATE_SECRET_LEVELS,
  type StateSecretLevel,
} from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { errorText } from '../../app/errors.ts';
import { useBusy, useDebounced, useLoad } from '../../app/hooks.ts';
import { type Lang, labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { TZ } from '../../app/time.ts';
import { designationApi, type Item, type ItemInput } from './api.ts';
import { EMPTY_SCOPE, PeriodEditor, ScopeEditor } from './editors.tsx';
import { LIMITS, ORIGIN_LABELS, ORIGINS } from './labels.ts';

import { MarkingTag, ReasonList, ScopeText, useDirectory } from './shared.tsx';

interface Values {
  title: string;
  departmentId: string | null;
  origin: 'original' | 'derived';
  sourceItemId: string | null;
  basis: {
    catalogueEntryId: string | null;
    text: string;
    grounds: Partial<Record<NonClassifiableGround, boolean>>;
  };
  level?: StateSecretLevel;
  period?: Period;
  issueDate: Dayjs;
  knowScope: KnowScope;
}

/** Today in China, as a picker value. */
const today = () => dayjs(dayjs().tz(TZ).format('YYYY-MM-DD'));

/** A server error's field (e.g. period.n, basis.grounds.work_secret) as the form's name path. */
function namePath(field: string): (string | number)[] | null {
  if (field.startsWith('period')) return ['period'];
  if (field.startsWith('knowScope')) return ['knowScope'];
  if (field.startsWith('basis.grounds.')) return ['basis', 'grounds', field.slice('basis.grounds.'.length)];
  if (field === 'basis' || field === 'basis.text') return ['basis', 'text'];
  if (field === 'basis.catalogueEntryId') return ['basis', 'catalogueEntryId'];
  if (['title', 'departmentId', 'origin', 'sourceItemId', 'level', 'issueDate'].includes(field))
    return [field];
  return null;
}

/** Puts each error the server names a field for under that field; true when any found a field. */
export function showFieldErrors(form: FormInstance, e: unknown, lang: Lang): boolean {
  if (!(e instanceof ApiError)) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const d of [{ field: e.field, zh: e.zh, en: e.en }, ...e.details]) {
    const name = d.field ? namePath(d.field) : null;
    if (!name) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    const text = lang === 'zh' ? d.zh : d.en;
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}

export function ItemFormPage() {
  const { id } = useParams();
  const existing = useLoad(async () => (id ? designationApi.item(id) : null), [id]);
  const { t } = useI18n();
  if (id && existing.loading && !existing.data) return <Skeleton active />;
  if (existing.error) return <ErrorAlert error={existing.error} onRetry={existing.reload} />;
  return (
    <PageCard title={id ? t('des.form.editTitle') : t('des.form.newTitle')} description={t('des.form.hint')}>
      <ItemForm item={existing.data ?? null} />
    </PageCard>
  );
}

function ItemForm({ item }: { item: Item | null }) {
  const { t, l, lang } = useI18n();
  const me = useMe();
  const rules = useRules();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, run] = useBusy();
  const directory = useDirectory();
  const catalogue = useLoad(() => designationApi.catalogue(), []);
  const origin = Form.useWatch('origin', form) ?? 'original';
  const sourceItemId = Form.useWatch('sourceItemId', form);
  const entryId = Form.useWatch(['basis', 'catalogueEntryId'], form);
  const grounds = Form.useWatch(['basis', 'grounds'], form) ?? {};
  const level = Form.useWatch('level', form);
  const issueDate = Form.useWatch('issueDate', form);
  const entry = catalogue.data?.items.find((e) => e.id === entryId);

  // Sources: designated items of the organisation (R-DES-01).
  const sources = useLoad(
    () => designationApi.items({ status: 'approved', pageSize: 100, sort: 'itemNumber' }),
    [],
  );
  const source = sources.data?.items.find((s) => s.id === sourceItemId);
  const terms = useMemo(() => {
    if (origin !== 'derived' || !source) return null;
    return derivedTerms(
      { ...source, released: false },
      (issueDate as Dayjs | undefined)?.format('YYYY-MM-DD') ?? source.issueDate,
    );
  }, [origin, source, issueDate]);

  const proposedLevel = origin === 'derived' ? terms?.level : level;
  const debouncedLevel = useDebounced(proposedLevel, 200);
  const authority = useLoad(
    async () =>
      me.person && debouncedLevel ? designationApi.authority(me.person.orgId, debouncedLevel, origin) : null,
    [debouncedLevel, origin],
  );

  const refused = NON_CLASSIFIABLE_GROUNDS.filter((g) => grounds[g] === true);
  const levels = entry ? STATE_SECRET_LEVELS.filter((lv) => entry.levels.includes(lv)) : STATE_SECRET_LEVELS;

  useEffect(() => {
    if (level && entry && !entry.levels.includes(level)) form.setFieldValue('level', undefined);
  }, [entry, level, form]);

  const initial: Partial<Values> = item
    ? {
        title: item.title,
        departmentId: item.departmentId,
        origin: item.origin,
        sourceItemId: item.sourceItemId,
        basis: {
          catalogueEntryId: item.basis.catalogueEntryId,
          text: item.basis.text,
          grounds: item.basis.grounds,
        },
        level: item.level,
        period: item.period,
        issueDate: dayjs(item.issueDate),
        knowScope: item.knowScope,
      }
    : {
        departmentId: me.person?.departmentId ?? null,
        origin: 'original',
        sourceItemId: null,
        basis: { catalogueEntryId: null, text: '', grounds: {} },
        period: { kind: 'years', n: 10 },
        issueDate: today(),
        knowScope: EMPTY_SCOPE,
      };

  const bodyOf = (v: Values): ItemInput => {
    const derived = v.origin === 'derived';
    return {
      title: v.title,
      departmentId: v.departmentId ?? null,
      origin: v.origin,
      sourceItemId: derived ? (v.sourceItemId ?? null) : null,
      basis: {
        catalogueEntryId: v.basis.catalogueEntryId ?? null,
        text: v.basis.text ?? '',
        grounds: Object.fromEntries(
          NON_CLASSIFIABLE_GROUNDS.map((g) => [g, v.basis.grounds?.[g] === true]),
        ) as Record<NonClassifiableGround, boolean>,
      },
      ...(derived ? {} : { level: v.level, period: v.period, knowScope: v.knowScope }),
      issueDate: v.issueDate.format('YYYY-MM-DD'),
    };
  };

  const save = (then: 'stay' | 'submit' | 'unclear') =>
    run(
      async () => {
        const v = await form.validateFields();
        const body = bodyOf(v);
        const saved = item ? await designationApi.update(item.id, body) : await designationApi.create(body);
        if (then === 'stay') {
          message.success(t('des.form.saved'));
          navigate(`/designation/items/${saved.id}`);
          return;
        }
        let submitted: Item;
        try {
          submitted = await designationApi.submit(saved.id, then === 'unclear');
        } catch (e) {
          // the draft is kept: go on editing it
          if (!item) navigate(`/designation/items/${saved.id}/edit`, { replace: true });
          throw e;
        }
        message.success(t(`des.form.submitted.${submitted.status === 'in_review' ? 'review' : 'up'}`));
        navigate(`/designation/items/${saved.id}`);
      },
      (e) => {
        if (e && typeof e === 'object' && 'errorFields' in e) return; // the form shows them
        if (!showFieldErrors(form, e, lang)) message.error(errorText(e, lang), 6);
        else message.error(t('des.form.fix'), 4);
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={busy}
      data-testid="item-form"
      onFinish={() => void save('stay')}
    >
      <Row gutter={24}>
        <Col xs={24} xl={16}>
          <Form.Item
            name="title"
            label={t('des.title')}
            rules={rules.text(t('des.title'), LIMITS.item.title)}
          >
            <Input data-testid="f-title" maxLength={LIMITS.item.title} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="departmentId" label={t('des.department')}>
                <Select
                  allowClear
                  options={(directory.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  data-testid="f-department"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="issueDate"
                label={t('des.issueDate')}
                rules={[rules.required(t('des.issueDate'))]}
                extra={t('des.issueDateHint')}
              >
                <DatePicker style={{ width: '100%' }} data-testid="f-issue-date" allowClear={false} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="origin" label={t('des.origin')} extra={t('des.originHint')}>
            <Radio.Group
              optionType="button"
              options={labelOptions(ORIGINS, ORIGIN_LABELS, l)}
              data-testid="f-origin"
            />
          </Form.Item>
          {origin === 'derived' && (
            <Card size="small" style={{ marginBottom: 24 }} data-testid="derived-card">
              <Form.Item name="sourceItemId" label={t('des.source')} rules={[rules.chosen(t('des.source'))]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={sources.loading}
                  placeholder={t('des.sourcePick')}
                  options={(sources.data?.items ?? []).map((s) => ({
                    value: s.id,
                    label: `${s.itemNumber} ${s.title}（${s.marking}）`,
                  }))}
                  data-testid="f-source"
                />
              </Form.Item>
              {source && terms && (
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  data-testid="derived-terms"
                  title={t('des.derivedTerms')}
                  items={[
                    { key: 'level', label: t('des.level'), children: l(LEVEL_LABELS[terms.level]) },
                    {
                      key: 'marking',
                      label: t('des.marking'),
                      children: (
                        <MarkingTag
                          item={{ marking: null, status: 'draft', level: terms.level, period: terms.period }}
                        />
                      ),
                    },
                    {
                      key: 'scope',
                      label: t('des.knowScope'),
                      children: <ScopeText scope={terms.knowScope} directory={directory.data} />,
                    },
                  ]}
                />
              )}
            </Card>
          )}
          <Card size="small" title={t('des.basis')} style={{ marginBottom: 24 }}>
            <Form.Item
              name={['basis', 'catalogueEntryId']}
              label={t('des.basisClause')}
              extra={origin === 'derived' ? t('des.basisDerivedHint') : t('des.basisHint')}
            >
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                loading={catalogue.loading}
                options={(catalogue.data?.items ?? []).map((e) => ({
                  value: e.id,
                  label: `${e.clause} ${e.title}（${t('des.upTo', { level: l(LEVEL_LABELS[e.maxLevel]) })}${e.indefiniteAllowed ? `，${t('des.indefiniteOk')}` : ''}）`,
                }))}
                data-testid="f-clause"
              />
            </Form.Item>
            <Form.Item
              name={['basis', 'text']}
              label={t('des.basisText')}
              rules={[rules.maxLength(t('des.basisText'), LIMITS.item.basisText)]}
            >
              <Input.TextArea rows={2} maxLength={LIMITS.item.basisText} data-testid="f-basis-text" />
            </Form.Item>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('des.grounds.title')}
            </Typography.Paragraph>
            {NON_CLASSIFIABLE_GROUNDS.map((g) => (
              <Form.Item
                key={g}
                name={['basis', 'grounds', g]}
                label={`${t('des.grounds.ask')}${l(NON_CLASSIFIABLE_LABELS[g])}？`}
                rules={[{ required: true, message: t('des.grounds.answer') }]}
                style={{ marginBottom: 8 }}
                layout="horizontal"
              >
                <Radio.Group data-testid={`f-ground-${g}`}>
                  <Radio value={false}>{t('common.no')}</Radio>
                  <Radio value={true}>{t('common.yes')}</Radio>
                </Radio.Group>
              </Form.Item>
            ))}
            {refused.length > 0 && (
              <Alert
                type="error"
                showIcon
                data-testid="grounds-refused"
                title={t('des.grounds.refused')}
                description={refused.map((g) => l(NON_CLASSIFIABLE_LABELS[g])).join('；')}
              />
            )}
          </Card>
          {origin === 'original' && (
            <>
              <Form.Item name="level" label={t('des.level')} rules={[rules.chosen(t('des.level'))]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={labelOptions(levels, LEVEL_LABELS, l)}
                  data-testid="f-level"
                />
              </Form.Item>
              <Form.Item name="period" label={t('des.period')} rules={[rules.required(t('des.period'))]}>
                <PeriodEditor level={level} indefiniteAllowed={entry?.indefiniteAllowed ?? false} />
              </Form.Item>
              <Form.Item name="knowScope" label={t('des.knowScope')} extra={t('des.knowScopeHint')}>
                <ScopeEditor directory={directory.data} />
              </Form.Item>
            </>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('des.authority.check')} data-testid="authority-check">
            {!proposedLevel ? (
              <Typography.Text type="secondary">{t('des.authority.pickLevel')}</Typography.Text>
            ) : authority.error ? (
              <ErrorAlert error={authority.error} />
            ) : !authority.data ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Alert
                  type={authority.data.allowed ? 'success' : 'warning'}
                  showIcon
                  data-testid="authority-result"
                  title={
                    authority.data.allowed
                      ? origin === 'derived'
                        ? t('des.authority.derivedOk')
                        : t('des.authority.ok', {
                            org: authority.data.org.name,
                            level: l(LEVEL_LABELS[authority.data.authority.level ?? 'confidential']),
                          })
                      : t('des.authority.up', {
                          org: authority.data.org.name,
                          level: l(LEVEL_LABELS[authority.data.level]),
                        })
                  }
                  description={
                    !authority.data.allowed &&
                    (authority.data.escalateTo
                      ? t('des.authority.upTo', { target: authority.data.escalateTo.name })
                      : t('des.authority.upHint'))
                  }
                />
                <ReasonList reasons={authority.data.reasons} data-testid="authority-reasons" />
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      <Space wrap style={{ marginTop: 8 }}>
        <Button icon={<SaveOutlined />} htmlType="submit" loading={busy} data-testid="item-save">
          {t('des.form.save')}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          disabled={refused.length > 0}
          onClick={() => void save('submit')}
          data-testid="item-submit"
        >
          {t('des.form.submit')}
        </Button>
        <Popconfirm
          title={t('des.form.unclearConfirm')}
          description={t('des.form.unclearHint')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => void save('unclear')}
        >
          <Button loading={busy} disabled={refused.length > 0} data-testid="item-submit-unclear">
            {t('des.form.submitUnclear')}
          </Button>
        </Popconfirm>
        <Button onClick={() => navigate(item ? `/designation/items/${item.id}` : '/designation/items')}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
