import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Tooltip, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { errorText } from './errors.ts';
import { useI18n } from './i18n.tsx';

/** Copies text; works on plain-http intranet hosts where navigator.clipboard is absent. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  document.body.removeChild(ta);
  return ok;
}

export function CopyButton({
  text,
  label,
  testId,
  type = 'default',
}: {
  text: string;
  label?: string;
  testId?: string;
  type?: 'default' | 'primary' | 'link' | 'text';
}) {
  const { message } = App.useApp();
  const { t } = useI18n();
  return (
    <Button
      type={type}
      icon={<CopyOutlined />}
      data-testid={testId}
      onClick={async () => {
        if (await copyText(text)) message.success(t('common.copied'));
        else message.warning(t('common.copyFailed'));
      }}
    >
      {label ?? t('common.copy')}
    </Button>
  );
}

/**
 * An error from the server, in the current language (it follows a language switch); nothing
 * while there is none. With onRetry it carries a retry button.
 */
export function ErrorAlert({
  error,
  onRetry,
  style,
  'data-testid': testId,
}: {
  error: unknown;
  onRetry?: () => unknown;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  const { t, lang } = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={errorText(error, lang)}
      action={onRetry && <Button onClick={() => void onRetry()}>{t('common.retry')}</Button>}
      data-testid={testId}
    />
  );
}

/** The icon button that loads a list again. */
export function RefreshButton({ onRefresh, size }: { onRefresh: () => unknown; size?: 'small' }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('common.refresh')}>
      <Button
        size={size}
        icon={<ReloadOutlined />}
        onClick={() => void onRefresh()}
        aria-label={t('common.refresh')}
      />
    </Tooltip>
  );
}

/**
 * A search field for a list: typing edits `value`; Enter or the button searches, and
 * emptying the field searches for everything at once.
 */
export function SearchBox({
  value,
  onChange,
  onSearch,
  placeholder,
  width,
  'data-testid': testId,
}: {
  value: string;
  onChange: (value: string) => void;
  onSearch: (q: string) => void;
  placeholder: string;
  width: number;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
        if (!e.target.value) onSearch('');
      }}
      onSearch={(v) => onSearch(v)}
      enterButton={t('common.search')}
      style={{ width }}
      data-testid={testId}
    />
  );
}

export function PageCard({
  title,
  extra,
  children,
  description,
  breadcrumb,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  description?: ReactNode;
  /** Shown above the title (the ledger pages: app/ledger/Breadcrumbs.tsx). */
  breadcrumb?: ReactNode;
}) {
  return (
    <Card
      title={
        <Space orientation="vertical" size={0} style={{ padding: '12px 0' }}>
          {breadcrumb}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', fontSize: 13, whiteSpace: 'normal' }}
            >
              {description}
            </Typography.Text>
          )}
        </Space>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}
