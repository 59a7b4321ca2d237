// Side navigation; which entries appear depends on the signed-in user's role.
import { Badge, NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canManageAudiences } from '../features/audiences/audience-access';
import { canManageCampaigns } from '../features/campaigns/campaign-access';
import { useBriefings } from '../features/briefings/briefing-queries';
import { useUnreadCount } from '../features/feed/feed-queries';
import { canManageSurveys } from '../features/surveys/survey-access';
import { canManageAdvocacy } from '../features/advocacy/advocacy-access';
import { useCurrentUser } from './auth-context';
import {
  canImportPeople,
  canModerateComments,
  canManageChatChannels,
  canManageFieldLabels,
  canManageSkills,
  canManageUsers,
  canReadAudit,
  canSeeApiDocs,
} from './roles';

export type MainNavProps = {
  /** Called after a click, so the mobile drawer can close. */
  onNavigate?: () => void;
};

export function MainNav({ onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const unread = useUnreadCount(user.person_id !== null).data ?? 0;
  // Briefings appear for leaders who have one (a leader cascade named them).
  const hasBriefings = (useBriefings(user.person_id !== null).data?.pages[0]?.items.length ?? 0) > 0;

  return (
    <Stack gap={4}>
      {user.person_id !== null && (
        <NavLink
          component={Link}
          to="/feed"
          label={t('nav.feed')}
          active={pathname === '/feed'}
          onClick={onNavigate}
          data-testid="nav-feed"
          rightSection={
            unread > 0 ? (
              <Badge size="sm" circle={unread < 10} data-testid="feed-unread-count" data-count={unread} aria-label={t('feed.unreadCount', { count: unread })}>
                {unread}
              </Badge>
            ) : undefined
          }
        />
      )}
      {hasBriefings && (
        <NavLink
          component={Link}
          to="/briefings"
          label={t('nav.briefings')}
          active={pathname === '/briefings' || pathname.startsWith('/briefings/')}
          onClick={onNavigate}
          data-testid="nav-briefings"
        />
      )}
      <NavLink component={Link} to="/people" label={t('nav.people')} active={pathname === '/people' || pathname.startsWith('/people/')} onClick={onNavigate} />
      <NavLink component={Link} to="/experts" label={t('nav.findHelp')} active={pathname === '/experts'} onClick={onNavigate} />
      {user.person_id !== null && (
        <>
          <NavLink component={Link} to="/help" label={t('nav.help')} active={pathname === '/help' || pathname.startsWith('/help/')} onClick={onNavigate} />
          <NavLink component={Link} to="/share" label={t('nav.shareKnowledge')} active={pathname === '/share'} onClick={onNavigate} />
          <NavLink
            component={Link}
            to="/advocacy"
            label={t('nav.advocacy')}
            active={pathname === '/advocacy'}
            onClick={onNavigate}
            data-testid="nav-advocacy"
          />
          <NavLink component={Link} to="/me" label={t('nav.myProfile')} active={pathname === '/me'} onClick={onNavigate} />
          <NavLink
            component={Link}
            to="/preferences"
            label={t('nav.preferences')}
            active={pathname === '/preferences'}
            onClick={onNavigate}
            data-testid="nav-preferences"
          />
        </>
      )}
      {canManageAudiences(user.role) && (
        <>
          <NavLink
            component={Link}
            to="/audiences"
            label={t('nav.audiences')}
            active={pathname === '/audiences' || pathname.startsWith('/audiences/')}
            onClick={onNavigate}
          />
          <NavLink
            component={Link}
            to="/personas"
            label={t('nav.personas')}
            active={pathname === '/personas' || pathname.startsWith('/personas/')}
            onClick={onNavigate}
          />
        </>
      )}
      {canManageCampaigns(user.role) && (
        <>
          <NavLink
            component={Link}
            to="/campaigns"
            label={t('nav.campaigns')}
            active={pathname === '/campaigns' || pathname.startsWith('/campaigns/')}
            onClick={onNavigate}
            data-testid="nav-campaigns"
          />
          <NavLink
            component={Link}
            to="/dashboard"
            label={t('nav.dashboard')}
            active={pathname === '/dashboard'}
            onClick={onNavigate}
            data-testid="nav-dashboard"
          />
        </>
      )}
      {canManageSurveys(user.role) && (
        <NavLink
          component={Link}
          to="/surveys"
          label={t('nav.surveys')}
          active={pathname === '/surveys' || (pathname.startsWith('/surveys/') && /\/(edit|results|new)$/.test(pathname))}
          onClick={onNavigate}
          data-testid="nav-surveys"
        />
      )}
      {canManageAdvocacy(user.role) && (
        <NavLink
          component={Link}
          to="/advocacy/manage"
          label={t('nav.advocacyManage')}
          active={pathname === '/advocacy/manage'}
          onClick={onNavigate}
          data-testid="nav-advocacy-manage"
        />
      )}
      {canManageCampaigns(user.role) && (
        <>
          <NavLink component={Link} to="/outbox" label={t('nav.outbox')} active={pathname === '/outbox'} onClick={onNavigate} data-testid="nav-outbox" />
          <NavLink component={Link} to="/topics" label={t('nav.topics')} active={pathname === '/topics'} onClick={onNavigate} data-testid="nav-topics" />
          <NavLink component={Link} to="/privacy" label={t('nav.privacy')} active={pathname === '/privacy'} onClick={onNavigate} data-testid="nav-privacy" />
        </>
      )}
      {canModerateComments(user.role) && (
        <NavLink
          component={Link}
          to="/moderation"
          label={t('nav.moderation')}
          active={pathname === '/moderation'}
          onClick={onNavigate}
          data-testid="nav-moderation"
        />
      )}
      {canImportPeople(user.role) && (
        <NavLink component={Link} to="/admin/import" label={t('nav.importPeople')} active={pathname === '/admin/import'} onClick={onNavigate} />
      )}
      {canManageSkills(user.role) && (
        <NavLink component={Link} to="/admin/skills" label={t('nav.skills')} active={pathname === '/admin/skills'} onClick={onNavigate} />
      )}
      {canManageUsers(user.role) && (
        <NavLink component={Link} to="/admin/users" label={t('nav.users')} active={pathname === '/admin/users'} onClick={onNavigate} data-testid="nav-users" />
      )}
      {canManageChatChannels(user.role) && (
        <NavLink
          component={Link}
          to="/admin/chat"
          label={t('nav.chatChannels')}
          active={pathname === '/admin/chat'}
          onClick={onNavigate}
          data-testid="nav-chat"
        />
      )}
      {canReadAudit(user.role) && (
        <NavLink component={Link} to="/admin/audit" label={t('nav.audit')} active={pathname === '/admin/audit'} onClick={onNavigate} data-testid="nav-audit" />
      )}
      {canManageFieldLabels(user.role) && (
        <NavLink component={Link} to="/admin/labels" label={t('nav.fieldLabels')} active={pathname === '/admin/labels'} onClick={onNavigate} />
      )}
      {canSeeApiDocs(user.role) && <NavLink component="a" href="/api/docs" label={t('nav.apiDocs')} />}
    </Stack>
  );
}
