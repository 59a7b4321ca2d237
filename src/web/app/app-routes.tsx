// Every screen and its address; everything but /login needs a signed-in user.
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { AUDIENCE_ROLES } from '../features/audiences/audience-access';
import { AudiencePage } from '../features/audiences/audience-page';
import { JourneyPage } from '../features/audiences/journey-page';
import { PersonaEditorPage } from '../features/audiences/persona-editor-page';
import { PersonasPage } from '../features/audiences/personas-page';
import { SegmentPage } from '../features/audiences/segment-page';
import { SegmentsPage } from '../features/audiences/segments-page';
import { CAMPAIGN_ROLES } from '../features/campaigns/campaign-access';
import { CampaignPage } from '../features/campaigns/campaign-page';
import { CampaignsPage } from '../features/campaigns/campaigns-page';
import { OutboxPage } from '../features/campaigns/outbox-page';
import { HelpInboxPage } from '../features/community/help-inbox-page';
import { HelpRequestPage } from '../features/community/help-request-page';
import { ShareKnowledgePage } from '../features/community/share-knowledge-page';
import { ExpertsPage } from '../features/expertise/experts-page';
import { SkillsAdminPage } from '../features/expertise/skills-admin-page';
import { BriefingPage } from '../features/briefings/briefing-page';
import { BriefingsPage } from '../features/briefings/briefings-page';
import { FeedPage } from '../features/feed/feed-page';
import { ModerationPage } from '../features/conversation/moderation-page';
import { AuditPage } from '../features/identity/audit-page';
import { LoginPage } from '../features/identity/login-page';
import { UsersAdminPage } from '../features/identity/users-admin-page';
import { ChatChannelsPage } from '../features/chat/chat-channels-page';
import { DirectoryPage } from '../features/people/directory-page';
import { FieldLabelsPage } from '../features/people/field-labels-page';
import { ImportPeoplePage } from '../features/people/import-people-page';
import { MyProfilePage } from '../features/people/my-profile-page';
import { ProfilePage } from '../features/people/profile-page';
import { PreferencesPage } from '../features/preferences/preferences-page';
import { TopicsPage } from '../features/preferences/topics-page';
import { PrivacyPage } from '../features/privacy/privacy-page';
import { SURVEY_ROLES } from '../features/surveys/survey-access';
import { ADVOCACY_MANAGER_ROLES } from '../features/advocacy/advocacy-access';
import { AdvocacyPage } from '../features/advocacy/advocacy-page';
import { AdvocacyManagePage } from '../features/advocacy/advocacy-manage-page';
import { SurveyAnswerPage } from '../features/surveys/survey-answer-page';
import { SurveyEditorPage } from '../features/surveys/survey-editor-page';
import { SurveysPage } from '../features/surveys/surveys-page';
import { AppLayout } from './app-layout';
import { useCurrentUser } from './auth-context';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';
import { PageLoader } from '../ui/page-loader';

// The dashboard's charts (recharts) load with the page, not with the app.
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const SurveyResultsPage = lazy(() => import('../features/surveys/survey-results-page').then((m) => ({ default: m.SurveyResultsPage })));

/** Where signed-in users land: their news feed when they are someone in the directory, else People. */
function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={user.person_id !== null ? '/feed' : '/people'} replace />;
}

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
        <Route index element={<HomeRedirect />} />
        <Route path="feed" element={<FeedPage />} />
        <Route path="briefings" element={<BriefingsPage />} />
        <Route path="briefings/:id" element={<BriefingPage />} />
        <Route path="people" element={<DirectoryPage />} />
        <Route path="people/:id" element={<ProfilePage />} />
        <Route path="experts" element={<ExpertsPage />} />
        <Route path="help" element={<HelpInboxPage />} />
        <Route path="help/:id" element={<HelpRequestPage />} />
        <Route path="share" element={<ShareKnowledgePage />} />
        <Route path="me" element={<MyProfilePage />} />
        <Route path="preferences" element={<PreferencesPage />} />
        <Route path="surveys/:id" element={<SurveyAnswerPage />} />
        <Route path="advocacy" element={<AdvocacyPage />} />
        <Route
          path="advocacy/manage"
          element={
            <RequireAuth roles={ADVOCACY_MANAGER_ROLES}>
              <AdvocacyManagePage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/import"
          element={
            <RequireAuth roles={['admin']}>
              <ImportPeoplePage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/labels"
          element={
            <RequireAuth roles={['admin']}>
              <FieldLabelsPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/skills"
          element={
            <RequireAuth roles={['admin']}>
              <SkillsAdminPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireAuth roles={['admin']}>
              <UsersAdminPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/chat"
          element={
            <RequireAuth roles={['admin']}>
              <ChatChannelsPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireAuth roles={['admin']}>
              <AuditPage />
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth roles={AUDIENCE_ROLES}>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route path="audiences" element={<AudiencePage />} />
          <Route path="audiences/segments" element={<SegmentsPage />} />
          <Route path="audiences/segments/:key" element={<SegmentPage />} />
          <Route path="personas" element={<PersonasPage />} />
          <Route path="personas/new" element={<PersonaEditorPage />} />
          <Route path="personas/:id" element={<PersonaEditorPage />} />
          <Route path="personas/:id/journey" element={<JourneyPage />} />
        </Route>
        <Route
          element={
            <RequireAuth roles={CAMPAIGN_ROLES}>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route path="campaigns" element={<CampaignsPage />} />
          <Route path="campaigns/new" element={<CampaignPage />} />
          <Route path="campaigns/:id" element={<CampaignPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route
            path="dashboard"
            element={
              <Suspense fallback={<PageLoader />}>
                <DashboardPage />
              </Suspense>
            }
          />
          <Route path="topics" element={<TopicsPage />} />
          <Route path="privacy" element={<PrivacyPage />} />
          <Route path="moderation" element={<ModerationPage />} />
        </Route>
        <Route
          element={
            <RequireAuth roles={SURVEY_ROLES}>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route path="surveys" element={<SurveysPage />} />
          <Route path="surveys/new" element={<SurveyEditorPage />} />
          <Route path="surveys/:id/edit" element={<SurveyEditorPage />} />
          <Route
            path="surveys/:id/results"
            element={
              <Suspense fallback={<PageLoader />}>
                <SurveyResultsPage />
              </Suspense>
            }
          />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
