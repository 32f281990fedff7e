// Form controls of the designation forms: the secrecy period (R-LVL-02) with the marking it gives,
// and the knowledge scope (R-DES-08a) from the organisation's directory.
import {
  type KnowScope,
  LEVEL_LABELS,
  MAX_PERIOD_YEARS,
  PERIOD_KIND_LABELS,
  type Period,
  type PeriodKind,
  type StateSecretLevel,
} from '@baomi/domain';
import { DatePicker, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n.tsx';
import type { Directory } from './api.ts';
import { INPUT_LIMITS } from './labels.ts';
import { markingOf } from './shared.tsx';

const KINDS: PeriodKind[] = ['years', 'months', 'days', 'date', 'condition', 'indefinite', 'default'];

/** A period from a kind, keeping what the old value had where it fits. */
function withKind(kind: PeriodKind, old: Period | undefined): Period {
  const n = old && 'n' in old ? old.n : 1;
  switch (kind) {
    case 'years':
    case 'months':
    case 'days':
      return { kind, n };
    case 'date':
      return { kind, date: old?.kind === 'date' ? old.date : '' };
    case 'condition':
      return { kind, text: old?.kind === 'condition' ? old.text : '' };
    case 'indefinite':
      return { kind: 'indefinite' };
    case 'default':
      return { kind: 'default' };
  }
}

export function PeriodEditor({
  value,
  onChange,
  level,
  indefiniteAllowed,
  disabled,
  id,
}: {
  value?: Period;
  onChange?: (p: Period) => void;
  level: StateSecretLevel | undefined;
  indefiniteAllowed: boolean;
  disabled?: boolean;
  id?: string;
}) {
  const { t, l } = useI18n();
  const kind = value?.kind;
  const marking = level && value ? markingOf(level, value) : null;
  const kinds = KINDS.filter((k) => k !== 'indefinite' || indefiniteAllowed || kind === 'indefinite');
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="period-editor">
      <Space wrap>
        <Select<PeriodKind>
          id={id}
          value={kind}
          disabled={disabled}
          placeholder={t('des.period.kind')}
          style={{ width: 200 }}
          options={kinds.map((k) => ({ value: k, label: t(`des.period.kind.${k}`) }))}
          onChange={(k) => onChange?.(withKind(k, value))}
          data-testid="period-kind"
          aria-label={t('des.period.kind')}
        />
        {value && 'n' in value && (
          <InputNumber
            min={1}
            max={1000}
            precision={0}
            disabled={disabled}
            value={value.n}
            onChange={(n) => onChange?.({ kind: value.kind, n: typeof n === 'number' ? n : 0 } as Period)}
            style={{ width: 120 }}
            data-testid="period-n"
            aria-label={t('des.period.n')}
          />
        )}
        {value && 'n' in value && <Typography.Text>{l(PERIOD_KIND_LABELS[value.kind])}</Typography.Text>}
        {value?.kind === 'date' && (
          <DatePicker
            disabled={disabled}
            value={value.date ? dayjs(value.date) : null}
            onChange={(d) => onChange?.({ kind: 'date', date: d ? d.format('YYYY-MM-DD') : '' })}
            data-testid="period-date"
          />
        )}
        {value?.kind === 'condition' && (
          <Input
            disabled={disabled}
            value={value.text}
            maxLength={INPUT_LIMITS.periodText}
            placeholder={t('des.period.conditionHint')}
            onChange={(e) => onChange?.({ kind: 'condition', text: e.target.value })}
            style={{ width: 320 }}
            data-testid="period-text"
          />
        )}
      </Space>
      <Typography.Text type="secondary" data-testid="period-hint">
        {level
          ? t('des.period.max', { level: l(LEVEL_LABELS[level]), years: MAX_PERIOD_YEARS[level] })
          : t('des.period.chooseLevel')}
        {!indefiniteAllowed && ` ${t('des.period.noIndefinite')}`}
      </Typography.Text>
      {marking && (
        <Typography.Text data-testid="marking-preview">
          {t('des.period.marking')}
          <Typography.Text strong type="danger">
            {marking}
          </Typography.Text>
        </Typography.Text>
      )}
    </Space>
  );
}

export const EMPTY_SCOPE: KnowScope = { personIds: [], departmentIds: [], positions: [] };

export function ScopeEditor({
  value = EMPTY_SCOPE,
  onChange,
  directory,
  disabled,
}: {
  value?: KnowScope;
  onChange?: (s: KnowScope) => void;
  directory: Directory | undefined;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const positions = [...new Set((directory?.people ?? []).map((p) => p.position).filter(Boolean))];
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid="scope-editor">
      <Select
        mode="multiple"
        disabled={disabled}
        value={[...value.personIds]}
        onChange={(personIds: string[]) => onChange?.({ ...value, personIds })}
        placeholder={t('des.scope.pickPeople')}
        optionFilterProp="label"
        options={(directory?.people ?? []).map((p) => ({
          value: p.id,
          label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
        }))}
        style={{ width: '100%' }}
        data-testid="scope-people"
        aria-label={t('des.scope.people')}
      />
      <Select
        mode="multiple"
        disabled={disabled}
        value={[...value.departmentIds]}
        onChange={(departmentIds: string[]) => onChange?.({ ...value, departmentIds })}
        placeholder={t('des.scope.pickDepartments')}
        optionFilterProp="label"
        options={(directory?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        style={{ width: '100%' }}
        data-testid="scope-departments"
        aria-label={t('des.scope.departments')}
      />
      <Select
        mode="tags"
        disabled={disabled}
        value={[...value.positions]}
        onChange={(ps: string[]) =>
          onChange?.({ ...value, positions: ps.map((s) => s.trim()).filter(Boolean) })
        }
        placeholder={t('des.scope.pickPositions')}
        options={positions.map((p) => ({ value: p, label: p }))}
        style={{ width: '100%' }}
        data-testid="scope-positions"
        aria-label={t('des.scope.positions')}
      />
    </Space>
  );
}
