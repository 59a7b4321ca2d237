// A person's skills as chips, each with its endorsement count and, on a colleague's profile, a "+1".
import { useMemo } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth-context';
import { errorMessage } from '../../ui/error-message';
import { HashtagChip } from '../../ui/hashtag-chip';
import { EndorseButton, EndorsementCount } from './endorse-button';
import { useEndorsements, useToggleEndorsement } from './endorsement-queries';

export type EndorsableSkillListProps = {
  personId: number;
  skills: readonly string[];
  onSelect?: (tag: string) => void;
};

export function EndorsableSkillList({ personId, skills, onSelect }: EndorsableSkillListProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // Only people in the directory can vouch, and never for themselves (the server says the same).
  const canEndorse = user.person_id !== null && user.person_id !== personId;
  const endorsements = useEndorsements(personId);
  const toggle = useToggleEndorsement(personId);

  const bySkill = useMemo(() => new Map((endorsements.data?.endorsements ?? []).map((entry) => [entry.skill, entry])), [endorsements.data]);

  return (
    <Stack gap={6}>
      <Group gap={10}>
        {skills.map((tag) => {
          const entry = bySkill.get(tag);
          const count = entry?.count ?? 0;
          const endorsedByMe = entry?.endorsed_by_me ?? false;
          return (
            <Group key={tag} gap={4} wrap="nowrap" data-testid={`skill-${tag}`}>
              <HashtagChip tag={tag} onSelect={onSelect} />
              {canEndorse ? (
                <EndorseButton
                  tag={tag}
                  count={count}
                  endorsedByMe={endorsedByMe}
                  loading={toggle.isPending && toggle.variables?.skill === tag}
                  onToggle={() => toggle.mutate({ skill: tag, endorse: !endorsedByMe })}
                />
              ) : (
                <EndorsementCount tag={tag} count={count} />
              )}
            </Group>
          );
        })}
      </Group>
      {toggle.error !== null && (
        <Text size="xs" c="red" role="alert">
          {t('endorse.failed')} {errorMessage(toggle.error, t)}
        </Text>
      )}
    </Stack>
  );
}
