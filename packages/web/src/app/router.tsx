import { Navigate, Route, Routes } from 'react-router-dom';
import { AccountsPage } from '../modules/accounts/AccountsPage.tsx';
import { ApprovalDetailPage } from '../modules/approvals/ApprovalDetailPage.tsx';
import { ApprovalsPage } from '../modules/approvals/ApprovalsPage.tsx';
import { AuditPage } from '../modules/audit/AuditPage.tsx';
import { ChangePasswordPage } from '../modules/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { BackupsPage } from '../modules/backups/BackupsPage.tsx';
import { AuthorityPage } from '../modules/designation/AuthorityPage.tsx';
import { ItemDetailPage } from '../modules/designation/ItemDetailPage.tsx';
import { ItemFormPage } from '../modules/designation/ItemFormPage.tsx';
import { LedgerPage } from '../modules/designation/LedgerPage.tsx';
import { ReviewPage } from '../modules/designation/ReviewPage.tsx';
import { StatsPage } from '../modules/designation/StatsPage.tsx';
import { HomePage } from '../modules/home/HomePage.tsx';
import { OrgsPage } from '../modules/orgs/OrgsPage.tsx';
import { RolesPage } from '../modules/roles/RolesPage.tsx';
import { SecurityPolicyPage } from '../modules/settings/SecurityPolicyPage.tsx';
import { WorkCalendarPage } from '../modules/workdays/WorkCalendarPage.tsx';
import { Allow, NotFound } from './components.tsx';
import { RequireAuth } from './layout.tsx';
import { homePath } from './nav.ts';
import { roleOf, useMe } from './session.tsx';

function Landing() {
  const me = useMe();
  return <Navigate to={homePath(roleOf(me))} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<Landing />} />
        <Route path="/change-password" element={<ChangePasswordPage />} />
        <Route
          path="/home"
          element={
            <Allow>
              <HomePage />
            </Allow>
          }
        />
        <Route
          path="/orgs"
          element={
            <Allow>
              <OrgsPage />
            </Allow>
          }
        />
        <Route
          path="/accounts"
          element={
            <Allow>
              <AccountsPage />
            </Allow>
          }
        />
        <Route
          path="/backups"
          element={
            <Allow>
              <BackupsPage />
            </Allow>
          }
        />
        <Route
          path="/roles"
          element={
            <Allow>
              <RolesPage />
            </Allow>
          }
        />
        <Route
          path="/settings/security"
          element={
            <Allow>
              <SecurityPolicyPage />
            </Allow>
          }
        />
        <Route
          path="/workdays"
          element={
            <Allow>
              <WorkCalendarPage />
            </Allow>
          }
        />
        <Route
          path="/audit"
          element={
            <Allow>
              <AuditPage />
            </Allow>
          }
        />
        <Route
          path="/approvals"
          element={
            <Allow business>
              <ApprovalsPage />
            </Allow>
          }
        />
        <Route
          path="/approvals/:id"
          element={
            <Allow business>
              <ApprovalDetailPage />
            </Allow>
          }
        />
        <Route
          path="/designation/items"
          element={
            <Allow business>
              <LedgerPage />
            </Allow>
          }
        />
        <Route
          path="/designation/items/new"
          element={
            <Allow business>
              <ItemFormPage />
            </Allow>
          }
        />
        <Route
          path="/designation/items/:id"
          element={
            <Allow business>
              <ItemDetailPage />
            </Allow>
          }
        />
        <Route
          path="/designation/items/:id/edit"
          element={
            <Allow business>
              <ItemFormPage />
            </Allow>
          }
        />
        <Route
          path="/designation/review"
          element={
            <Allow business>
              <ReviewPage />
            </Allow>
          }
        />
        <Route
          path="/designation/authority"
          element={
            <Allow business>
              <AuthorityPage />
            </Allow>
          }
        />
        <Route
          path="/designation/stats"
          element={
            <Allow business>
              <StatsPage />
            </Allow>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
