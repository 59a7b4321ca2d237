// /campaigns/new and /campaigns/:id — a campaign's header (status, counts, approval, send, pause,
// resume, cancel) and its tabs: the
// editor (kept mounted), who gets what, a preview for one person, the delivery log, the report once it
// has gone out and its conversation (comments, sentiment), and with a leader cascade the leaders' briefings and releases.
import { useState } from 'react';
import { Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/campaigns';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { AssignmentsPanel } from './assignments-panel';
import { CampaignActions } from './campaign-actions';
import { CampaignForm } from './campaign-form';
import { useCampaign } from './campaign-queries';
import { CampaignStatusBadge } from './campaign-status-badge';
import { CascadePanel } from './cascade-panel';
import { DeliveriesPanel } from './deliveries-panel';
import { ChatPostsPanel } from '../chat/chat-posts-panel';
import { PreviewPanel } from './preview-panel';
import { SendDialog } from './send-dialog';
import { SubjectTestsPanel } from './subject-tests-panel';
import { MachineEventsPanel } from './machine-events-panel';
import { ReportPanel } from './report-panel';
import { CommentThread } from '../conversation/comment-thread';
import { SentimentPanel } from '../conversation/sentiment-panel';

const parseId = (raw: string | undefined): number | null => (raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null);

export function CampaignPage() {
  const { t } = useTranslation();
  const raw = useParams().id;
  const id = parseId(raw);
  const campaign = useCampaign(id ?? 0, id !== null);

  if (raw === undefined) {
    return (
      <Stack gap="md">
        <Anchor component={Link} to="/campaigns" size="sm">
          {t('campaigns.back')}
        </Anchor>
        <Title order={2}>{t('campaigns.newTitle')}</Title>
        <CampaignForm campaign={null} />
      </Stack>
    );
  }
  if (id === null || (campaign.error instanceof ApiError && campaign.error.status === 404)) return <NotFoundPage />;
  if (campaign.error) return <ErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <PageLoader />;
  return <CampaignView campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const [sending, setSending] = useState(false);
  const [tab, setTab] = useState<string | null>('edit');
  const [savedVersion, setSavedVersion] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const number = (n: number) => n.toLocaleString(i18n.language);
  const testsSubjects = campaign.status !== 'draft' && campaign.variants.some((variant) => variant.subject_test);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/campaigns" size="sm">
        {t('campaigns.back')}
      </Anchor>
      <Group justify="space-between" align="center">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{campaign.name}</Title>
            <CampaignStatusBadge status={campaign.status} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="campaign-counts">
            {t('campaigns.countsLine', {
              queued: number(campaign.counts.queued),
              sent: number(campaign.counts.sent),
              failed: number(campaign.counts.failed),
              suppressed: number(campaign.counts.suppressed),
            })}
          </Text>
        </Stack>
        <Group gap="md" align="flex-start">
          <CampaignActions campaign={campaign} dirty={dirty} />
          {campaign.status === 'draft' && (
            <Stack gap={2} align="flex-end">
              <Button color="red" onClick={() => setSending(true)} disabled={dirty} data-testid="campaign-send">
                {t('campaigns.send.open')}
              </Button>
              {dirty && (
                <Text size="xs" c="dimmed" data-testid="campaign-send-save-first">
                  {t('campaigns.send.saveFirst')}
                </Text>
              )}
            </Stack>
          )}
        </Group>
      </Group>
      {sending && <SendDialog campaignId={campaign.id} campaignName={campaign.name} onClose={() => setSending(false)} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="edit" data-testid="campaign-tab-edit">
            {t('campaigns.tabs.edit')}
          </Tabs.Tab>
          <Tabs.Tab value="assignments" data-testid="campaign-tab-assignments">
            {t('campaigns.tabs.assignments')}
          </Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="campaign-tab-preview">
            {t('campaigns.tabs.preview')}
          </Tabs.Tab>
          <Tabs.Tab value="deliveries" data-testid="campaign-tab-deliveries">
            {t('campaigns.tabs.deliveries')}
          </Tabs.Tab>
          {campaign.status !== 'draft' && campaign.status !== 'scheduled' && (
            <Tabs.Tab value="report" data-testid="campaign-tab-report">
              {t('campaigns.tabs.report')}
            </Tabs.Tab>
          )}
          {campaign.status !== 'draft' && campaign.status !== 'scheduled' && (
            <Tabs.Tab value="conversation" data-testid="campaign-tab-conversation">
              {t('conversation.tab')}
            </Tabs.Tab>
          )}
          {testsSubjects && (
            <Tabs.Tab value="subject-tests" data-testid="campaign-tab-subject-tests">
              {t('campaigns.tabs.subjectTests')}
            </Tabs.Tab>
          )}
          {campaign.cascade && campaign.status !== 'draft' && (
            <Tabs.Tab value="cascade" data-testid="campaign-tab-cascade">
              {t('campaigns.tabs.cascade')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="assignments" pt="md">
          <AssignmentsPanel campaignId={campaign.id} version={campaign.updated_at} />
          {campaign.variants.some((v) => v.channels.includes('chat')) && (
            <ChatPostsPanel key={campaign.updated_at} campaignId={campaign.id} sending={campaign.status === 'sending'} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <PreviewPanel campaignId={campaign.id} />
        </Tabs.Panel>
        <Tabs.Panel value="deliveries" pt="md">
          <Stack gap="lg">
            <DeliveriesPanel campaignId={campaign.id} />
            {campaign.status !== 'draft' && <MachineEventsPanel campaignId={campaign.id} />}
            {campaign.variants.some((v) => v.channels.includes('chat')) && <ChatPostsPanel campaignId={campaign.id} sending={campaign.status === 'sending'} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ReportPanel campaign={campaign} />
        </Tabs.Panel>
        <Tabs.Panel value="conversation" pt="md">
          <Stack gap="lg">
            <SentimentPanel campaignId={campaign.id} />
            <CommentThread campaignId={campaign.id} />
          </Stack>
        </Tabs.Panel>
        {testsSubjects && (
          <Tabs.Panel value="subject-tests" pt="md">
            <SubjectTestsPanel campaignId={campaign.id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="cascade" pt="md">
          <CascadePanel campaignId={campaign.id} live={campaign.status === 'sending'} />
        </Tabs.Panel>
      </Tabs>
      {/* The editor stays mounted under the other tabs, so unsaved changes survive a look at them. */}
      <div hidden={tab !== 'edit'} style={{ paddingTop: 'var(--mantine-spacing-md)' }}>
        {/* A saved version (new updated_at) starts a fresh draft. */}
        <CampaignForm
          key={campaign.updated_at}
          campaign={campaign}
          justSaved={savedVersion === campaign.updated_at}
          onSaved={(saved) => setSavedVersion(saved.updated_at)}
          onDirtyChange={setDirty}
        />
      </div>
    </Stack>
  );
}
