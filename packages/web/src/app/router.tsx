// The routes: the sign-in page, and the signed-in console (app/console.tsx: the shell and every
// module's pages from modules.ts). Every page is its own chunk, loaded on first use behind a spinner.
import { Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { lazyPage } from './module.ts';

const LoginPage = lazyPage(() => import('../modules/auth/LoginPage.tsx'), 'LoginPage');
const ConsoleRoutes = lazyPage(() => import('./console.tsx'), 'ConsoleRoutes');

/** The spinner shown while a page's code loads. */
export function PageLoading() {
  return (
    <div style={{ minHeight: 240, display: 'grid', placeItems: 'center' }} data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}

/** A lazy page behind the loading spinner. */
export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Lazy>
            <LoginPage />
          </Lazy>
        }
      />
      <Route
        path="*"
        element={
          <Lazy>
            <ConsoleRoutes />
          </Lazy>
        }
      />
    </Routes>
  );
}
