import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Result, Space, Tooltip, Typography } from 'antd';
import { Component, type CSSProperties, type ErrorInfo, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { errorText } from './errors.ts';
import { useI18n } from './i18n.tsx';
import { allowed, homePath } from './nav.ts';
import { roleOf, useMe } from './session.tsx';

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
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  description?: ReactNode;
}) {
  return (
    <Card
      title={
        <Space orientation="vertical" size={0} style={{ padding: '12px 0' }}>
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

export function Forbidden() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="403"
        title={<span data-testid="forbidden">{t('error.403.title')}</span>}
        subTitle={t('error.403.text')}
        extra={
          <Button type="primary" onClick={() => navigate(homePath(roleOf(me)))}>
            {t('common.backHome')}
          </Button>
        }
      />
    </Card>
  );
}

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="404"
        title={t('error.404.title')}
        subTitle={t('error.404.text')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </Card>
  );
}

/**
 * Renders the page only for the roles its console belongs to; otherwise 403. `business`: a page
 * of the business console that is not a menu entry (a detail, a form).
 */
export function Allow({ children, business }: { children: ReactNode; business?: boolean }) {
  const me = useMe();
  const location = useLocation();
  if (business && roleOf(me) !== 'business') return <Forbidden />;
  if (!allowed(location.pathname, roleOf(me), me.person?.roles, me.person?.orgKind)) return <Forbidden />;
  return <>{children}</>;
}

/** Keeps a crash in one page from blanking the whole console. */
export class PageErrorBoundary extends Component<
  { children: ReactNode; resetKey: string; title: string; retry: string },
  { error: Error | null; key: string }
> {
  override state: { error: Error | null; key: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: Error | null; key: string },
  ): { error: Error | null; key: string } | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Card>
        <Result
          status="error"
          title={this.props.title}
          subTitle={this.state.error.message}
          extra={
            <Button type="primary" onClick={() => this.setState({ error: null })}>
              {this.props.retry}
            </Button>
          }
        />
      </Card>
    );
  }
}
