// The signed-in console: the shell (menu, header, session guard) and every page behind it — the
// platform's landing, password change and 404, and each module's routes from modules.ts. Loaded
// apart from the sign-in page, which needs none of it.
import { Navigate, Route, Routes } from 'react-router-dom';
import { Allow, NotFound } from './guards.tsx';
import { RequireAuth } from './layout.tsx';
import { lazyPage } from './module.ts';
import { homePath, ROUTES } from './nav.ts';
import { Lazy } from './router.tsx';
import { roleOf, useMe } from './session.tsx';

const ChangePasswordPage = lazyPage(
  () => import('../modules/auth/ChangePasswordPage.tsx'),
  'ChangePasswordPage',
);

function Landing() {
  const me = useMe();
  return <Navigate to={homePath(roleOf(me))} replace />;
}

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route element={<RequireAuth />}>
        <Route index element={<Landing />} />
        <Route
          path="/change-password"
          element={
            <Lazy>
              <ChangePasswordPage />
            </Lazy>
          }
        />
        {ROUTES.map(({ path, page: Page, access }) => (
          <Route
            key={path}
            path={path}
            element={
              <Allow access={access}>
                <Lazy>
                  <Page />
                </Lazy>
              </Allow>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
