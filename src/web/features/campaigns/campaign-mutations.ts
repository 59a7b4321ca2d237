// Writes of campaigns: save a draft (create or replace), preview one person's message, send.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignSchema, previewSchema, type CampaignInput, type Channel } from '../../../shared/campaigns';
import { sendResponseSchema } from '../../../shared/delivery';
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

/** `key` is the Idempotency-Key: the same key again sends nothing more. `at` is ISO 8601, or absent for now. */
export function useSendCampaign(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, at }: { key: string; at: string | null }) =>
      apiRequest(`${campaignPath(id)}/send`, sendResponseSchema, {
        method: 'POST',
        json: at ? { at } : {},
        csrfToken: user.csrf_token,
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
    },
  });
}
