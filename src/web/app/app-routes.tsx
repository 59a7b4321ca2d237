// Every screen and its address; everything but /login needs a signed-in user.
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/identity/login-page';
import { DirectoryPage } from '../features/people/directory-page';
import { ImportPeoplePage } from '../features/people/import-people-page';
import { MyProfilePage } from '../features/people/my-profile-page';
import { ProfilePage } from '../features/people/profile-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/people" replace />} />
        <Route path="people" element={<DirectoryPage />} />
        <Route path="people/:id" element={<ProfilePage />} />
        <Route path="me" element={<MyProfilePage />} />
        <Route
          path="admin/import"
          element={
            <RequireAuth roles={['admin']}>
              <ImportPeoplePage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
