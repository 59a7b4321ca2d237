// The skill-taxonomy admin API as TanStack Query hooks: the taxonomy, the new tags to review, and the
// changes (approve, edit, alias, ignore, merge). Every change reloads both lists and the suggestions.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { mergeResultSchema, newTagsSchema, skillSchema, skillsPageSchema, type NewTagAlias, type SkillCreate, type SkillUpdate } from '../../../shared/skills';

export const skillAdminKeys = {
  all: ['skills', 'admin'] as const,
  taxonomy: (q: string) => ['skills', 'admin', 'taxonomy', q] as const,
  newTags: () => ['skills', 'admin', 'new-tags'] as const,
};

const TAXONOMY_PAGE = 200;
const NEW_TAGS_PAGE = 200;
const skillPath = (tag: string) => `/api/v1/skills/${encodeURIComponent(tag)}`;
const newTagPath = (tag: string) => `/api/v1/skills/new-tags/${encodeURIComponent(tag)}`;

/** Skills whose tag, alias or label contains `q` (all when blank), by tag. */
export function useSkillTaxonomy(q: string) {
  return useQuery({
    queryKey: skillAdminKeys.taxonomy(q),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(TAXONOMY_PAGE) });
      if (q.trim() !== '') params.set('q', q.trim());
      return apiRequest(`/api/v1/skills?${params.toString()}`, skillsPageSchema, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function useNewTags() {
  return useQuery({
    queryKey: skillAdminKeys.newTags(),
    queryFn: ({ signal }) => apiRequest(`/api/v1/skills/new-tags?limit=${NEW_TAGS_PAGE}`, newTagsSchema, { signal }),
  });
}

/** A mutation that, once settled, reloads the admin lists and everything that reads the taxonomy. */
function useSkillMutation<TInput, TResult>(mutationFn: (input: TInput, csrfToken: string) => Promise<TResult>) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => mutationFn(input, user.csrf_token),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['skills'] });
      // Aliases and merges change who expert search finds.
      await queryClient.invalidateQueries({ queryKey: ['experts'] });
    },
  });
}

export function useCreateSkill() {
  return useSkillMutation((input: SkillCreate, csrfToken) => apiRequest('/api/v1/skills', skillSchema, { method: 'POST', json: input, csrfToken }));
}

export function useUpdateSkill() {
  return useSkillMutation(({ tag, changes }: { tag: string; changes: SkillUpdate }, csrfToken) =>
    apiRequest(skillPath(tag), skillSchema, { method: 'PATCH', json: changes, csrfToken }),
  );
}

export function useMergeSkill() {
  return useSkillMutation(({ tag, into }: { tag: string; into: string }, csrfToken) =>
    apiRequest(`${skillPath(tag)}/merge`, mergeResultSchema, { method: 'POST', json: { into }, csrfToken }),
  );
}

export function useAliasNewTag() {
  return useSkillMutation(({ tag, ...body }: NewTagAlias & { tag: string }, csrfToken) =>
    apiRequest(`${newTagPath(tag)}/alias`, skillSchema, { method: 'POST', json: body, csrfToken }),
  );
}

export function useIgnoreNewTag() {
  return useSkillMutation((tag: string, csrfToken) => apiRequestNoContent(`${newTagPath(tag)}/ignore`, { method: 'POST', csrfToken }));
}

export type { Skill, NewTag } from '../../../shared/skills';
