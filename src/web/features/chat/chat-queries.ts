// The chat API as TanStack Query hooks: the admins' chat channels (add, change, test, delete) and the
// chat posts of one campaign (planned before sending, with their state after).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { chatChannelListSchema, chatChannelSchema, chatPostListSchema, chatTestResultSchema, type ChatChannelInput } from '../../../shared/chat';

export const chatKeys = {
  channels: ['chat', 'channels'] as const,
  posts: (campaignId: number) => ['chat', 'posts', campaignId] as const,
};

const channelPath = (id: number) => `/api/v1/chat-channels/${id}`;

export function useChatChannels() {
  return useQuery({ queryKey: chatKeys.channels, queryFn: ({ signal }) => apiRequest('/api/v1/chat-channels', chatChannelListSchema, { signal }) });
}

/** A campaign's chat posts; while it sends, asked for again every few seconds. */
export function useCampaignChatPosts(campaignId: number, sending: boolean) {
  return useQuery({
    queryKey: chatKeys.posts(campaignId),
    queryFn: ({ signal }) => apiRequest(`/api/v1/campaigns/${campaignId}/chat-posts`, chatPostListSchema, { signal }),
    refetchInterval: sending ? 3_000 : false,
  });
}

function useChannelMutation<TInput, TResult>(mutationFn: (input: TInput, csrfToken: string) => Promise<TResult>) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => mutationFn(input, user.csrf_token),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: chatKeys.channels });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useCreateChatChannel() {
  return useChannelMutation((input: ChatChannelInput, csrfToken) =>
    apiRequest('/api/v1/chat-channels', chatChannelSchema, { method: 'POST', json: input, csrfToken }),
  );
}

export function useUpdateChatChannel() {
  return useChannelMutation(({ id, patch }: { id: number; patch: { enabled?: boolean; name?: string; webhook_url?: string } }, csrfToken) =>
    apiRequest(channelPath(id), chatChannelSchema, { method: 'PATCH', json: patch, csrfToken }),
  );
}

export function useDeleteChatChannel() {
  return useChannelMutation((id: number, csrfToken) => apiRequestNoContent(channelPath(id), { method: 'DELETE', csrfToken }));
}

export function useTestChatChannel() {
  const user = useCurrentUser();
  return useMutation({
    mutationFn: (id: number) => apiRequest(`${channelPath(id)}/test`, chatTestResultSchema, { method: 'POST', csrfToken: user.csrf_token }),
  });
}
