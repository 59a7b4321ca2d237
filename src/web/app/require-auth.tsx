// Route guard: waits for the session check, sends strangers to /login, and enforces a role if asked.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Container } from '@mantine/core';
import type { Role } from '../../shared/identity';
import { useAuth } from './auth-context';
import { PageLoader } from '../ui/page-loader';
import { ErrorAlert } from '../ui/error-alert';
import { ForbiddenPage } from './forbidden-page';

export type RequireAuthProps = {
  children: ReactNode;
  /** When set, only these roles get in; others see a "not allowed" page. */
  roles?: readonly Role[];
};

export function RequireAuth({ children, roles }: RequireAuthProps) {
  const { user, loadError, reload } = useAuth();
  const location = useLocation();

  if (user === undefined) {
    if (loadError) {
      return (
        <Container size="sm" py="xl">
          <ErrorAlert error={loadError} onRetry={reload} />
        </Container>
      );
    }
    return <PageLoader />;
  }
  if (user === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) return <ForbiddenPage />;
  return <>{children}</>;
}
