// The 403 and 404 pages, the page error boundary, and the guard that shows 403 to whom a route's access does not let in.
import { Button, Card, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from './i18n.tsx';
import type { Access } from './module.ts';
import { fits, homePath } from './nav.ts';
import { roleOf, useMe } from './session.tsx';

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

/** Renders the page only for whom its route's access (in the module declaration) lets in; otherwise 403. */
export function Allow({ children, access }: { children: ReactNode; access: Access }) {
  const me = useMe();
  if (!fits(access, roleOf(me), me.person?.roles ?? [], me.person?.orgKind)) return <Forbidden />;
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
