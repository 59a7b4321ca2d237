// Writes of campaigns: save a draft (create or replace), preview one person's message, approve, send,
// and pause, resume or cancel the sending.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignSchema, previewSchema, type CampaignInput, type Channel } from '../../../shared/campaigns';
import { sendingActionSchema, sendResponseSchema } from '../../../shared/delivery';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { campaignKeys, campaignPath } from './campaign-queries';

/** Creates a campaign when `id` is null, replaces the draft otherwise. */
export function useSaveCampaign(id: number | null) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput) =>
      apiRequest(id === null ? '/api/v1/campaigns' : campaignPath(id), campaignSchema, {
        method: id === null ? 'POST' : 'PUT',
        json: input,
        csrfToken: user.csrf_token,
      }),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}

export function usePreviewCampaign(id: number) {
  const user = useCurrentUser();
  return useMutation({
    mutationFn: (input: { person: string; channel: Channel }) =>
      apiRequest(`${campaignPath(id)}/preview`, previewSchema, { method: 'POST', json: input, csrfToken: user.csrf_token }),
  });
}

/** When to send: now, at an instant (ISO 8601 with offset), or at a wall-clock time in each recipient's zone. */
export type SendWhen = { now: true } | { at: string } | { local_time: string };

/** `key` is the Idempotency-Key: the same key again sends nothing more. */
export function useSendCampaign(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, when }: { key: string; when: SendWhen }) =>
      apiRequest(`${campaignPath(id)}/send`, sendResponseSchema, {
        method: 'POST',
        json: 'at' in when ? { at: when.at } : 'local_time' in when ? { local_time: when.local_time } : {},
        csrfToken: user.csrf_token,
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}

/** Approves the campaign's current version (someone other than its last editor). */
export function useApproveCampaign(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`${campaignPath(id)}/approve`, campaignSchema, { method: 'POST', csrfToken: user.csrf_token }),
    onSuccess: (campaign) => queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign),
  });
}

export type SendingAction = 'pause' | 'resume' | 'cancel';

export function useSendingAction(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: SendingAction) => apiRequest(`${campaignPath(id)}/${action}`, sendingActionSchema, { method: 'POST', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}
