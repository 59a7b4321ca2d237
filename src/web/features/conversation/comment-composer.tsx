// The text box of a comment, reply or edit: typing `@` suggests colleagues from the directory and `#`
// skills from the taxonomy; a picked person shows as `@Name` and is sent as an `@[external_id]` token.
import { useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { COMMENT_LIMITS, type Reply } from '../../../shared/conversation';
import { ErrorAlert } from '../../ui/error-alert';
import { useSkillSuggestions } from '../expertise/expert-queries';
import { tokenAtCaret, toEditable, toTokens } from './comment-markup';
import { useMentionCandidates } from './conversation-queries';

export type CommentComposerProps = {
  /** The comment being edited, if any: its mentions become `@Name` again. */
  editing?: Pick<Reply, 'body' | 'mentions'>;
  placeholder: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

type Suggestion = { key: string; label: string; insert: string; person?: { name: string; id: string } };

export function CommentComposer({ editing, placeholder, submitLabel, pending, error, onSubmit, onCancel, autoFocus }: CommentComposerProps) {
  const { t, i18n } = useTranslation();
  const initialNames = new Map((editing?.mentions ?? []).map((m) => [m.external_id, m.display_name]));
  const [text, setText] = useState(() => (editing?.body ? toEditable(editing.body, initialNames) : ''));
  const [picked, setPicked] = useState(() => new Map((editing?.mentions ?? []).map((m) => [m.display_name, m.external_id])));
  const [caret, setCaret] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const token = tokenAtCaret(text, caret);
  const [query] = useDebouncedValue(token?.query ?? '', 200);
  const people = useMentionCandidates(token?.trigger === '@' ? query : '');
  const skills = useSkillSuggestions(token?.trigger === '#' ? query : '', i18n.resolvedLanguage ?? 'en', token?.trigger === '#');

  const suggestions: Suggestion[] =
    token?.trigger === '@' && token.query !== ''
      ? (people.data ?? []).map((p) => ({
          key: p.external_id,
          label: p.display_name,
          insert: `@${p.display_name} `,
          person: { name: p.display_name, id: p.external_id },
        }))
      : token?.trigger === '#' && token.query !== ''
        ? (skills.data?.suggestions ?? []).map((s) => ({ key: s.tag, label: `#${s.tag} · ${s.label}`, insert: `#${s.tag} ` }))
        : [];

  const pick = (s: Suggestion) => {
    if (!token) return;
    const next = text.slice(0, token.start) + s.insert + text.slice(caret);
    setText(next);
    if (s.person) setPicked(new Map(picked).set(s.person.name, s.person.id));
    const at = token.start + s.insert.length;
    setCaret(at);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(at, at);
    });
  };

  const submit = async () => {
    const body = toTokens(text, picked).trim();
    if (body === '') return;
    try {
      await onSubmit(body);
    } catch {
      return; // shown by `error`
    }
    setText('');
    setPicked(new Map());
  };

  return (
    <Stack gap={4}>
      <Textarea
        ref={area}
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        autosize
        minRows={2}
        maxRows={10}
        maxLength={COMMENT_LIMITS.body}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        data-testid="comment-input"
      />
      {suggestions.length > 0 && (
        <Paper
          withBorder
          p={4}
          data-testid="comment-suggestions"
          role="listbox"
          aria-label={token?.trigger === '@' ? t('conversation.mentionPeople') : t('conversation.hashtagSkills')}
        >
          <Stack gap={0}>
            {suggestions.map((s) => (
              <UnstyledButton key={s.key} role="option" aria-selected={false} px="xs" py={4} onClick={() => pick(s)} data-testid="comment-suggestion">
                <Text size="sm">{s.label}</Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Paper>
      )}
      {error != null && <ErrorAlert error={error} />}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('conversation.limit', { count: text.length, max: COMMENT_LIMITS.body })}
        </Text>
        <Group gap="xs">
          {onCancel && (
            <Button variant="default" size="xs" onClick={onCancel}>
              {t('conversation.cancel')}
            </Button>
          )}
          <Button size="xs" onClick={() => void submit()} loading={pending} disabled={text.trim() === ''} data-testid="comment-submit">
            {submitLabel}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
