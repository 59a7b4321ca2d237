// The library item editor (ADR 0030): title, URL, summary, image, tags, expiry, an optional audience
// rule (the audiences feature's rule editor) and suggested posts per network and language.
import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NETWORKS, POST_LANGUAGES, type ContentInput, type Network } from '../../../shared/advocacy';
import type { ContentView } from '../../../shared/advocacy-sharing';
import type { Rule } from '../../../shared/audiences';
import { ProblemAlert } from '../audiences/problem-alert';
import { ruleErrorPointer } from '../audiences/problem-pointers';
import { RuleBuilder } from '../audiences/rule-builder';
import { useSaveContent } from './sharing-queries';

type Post = { network: Network; language: (typeof POST_LANGUAGES)[number]; text: string };
type Props = { item: ContentView | null; onClose: () => void };

export function ContentForm({ item, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveContent();
  const [title, setTitle] = useState(item?.title ?? '');
  const [url, setUrl] = useState(item?.url ?? '');
  const [summary, setSummary] = useState(item?.summary ?? '');
  const [image, setImage] = useState(item?.image_url ?? '');
  const [tags, setTags] = useState<string[]>(item?.tags ?? []);
  const [expires, setExpires] = useState(item?.expires_at?.slice(0, 10) ?? '');
  const [audience, setAudience] = useState<Rule | null>((item?.audience as Rule | null) ?? null);
  const [posts, setPosts] = useState<Post[]>(item?.suggested_posts ?? [{ network: 'linkedin', language: 'en', text: '' }]);

  const setPost = (i: number, patch: Partial<Post>) => setPosts((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const submit = () => {
    const input: ContentInput = {
      title,
      url,
      summary,
      tags,
      suggested_posts: posts.filter((p) => p.text.trim() !== ''),
      ...(image ? { image_url: image } : {}),
      ...(expires ? { expires_at: `${expires}T23:59:59Z` } : {}),
      ...(audience ? { audience } : {}),
    };
    const patch = item ? { ...input, image_url: image || null, expires_at: expires ? `${expires}T23:59:59Z` : null, audience: audience ?? null } : input;
    save.mutate({ id: item?.id ?? null, input: patch }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={item ? t('advocacySharing.manage.edit') : t('advocacySharing.manage.new')}>
      <Stack>
        <TextInput
          label={t('advocacySharing.manage.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-testid="content-title"
        />
        <TextInput
          label={t('advocacySharing.manage.url')}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          required
          type="url"
          data-testid="content-url"
        />
        <Textarea label={t('advocacySharing.manage.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} />
        <TextInput label={t('advocacySharing.manage.image')} value={image} onChange={(e) => setImage(e.currentTarget.value)} type="url" />
        <Group grow>
          <TagsInput label={t('advocacySharing.manage.tags')} value={tags} onChange={setTags} />
          <TextInput label={t('advocacySharing.manage.expires')} type="date" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} />
        </Group>
        <Checkbox
          label={t('advocacySharing.manage.audience')}
          description={t('advocacySharing.manage.audienceHint')}
          checked={audience !== null}
          onChange={(e) => setAudience(e.currentTarget.checked ? { all: [] } : null)}
        />
        {audience && <RuleBuilder value={audience} onChange={setAudience} errorPointer={ruleErrorPointer(save.error, '/audience')} />}
        <Text fw={600}>{t('advocacySharing.manage.posts')}</Text>
        {posts.map((post, i) => (
          <Group key={i} align="flex-start" wrap="nowrap">
            <Select
              aria-label={t('advocacySharing.dialog.network')}
              data={NETWORKS.map((n) => ({ value: n, label: t(`advocacySharing.networks.${n}`) }))}
              value={post.network}
              onChange={(v) => v && setPost(i, { network: v })}
              allowDeselect={false}
              w={130}
            />
            <Select
              aria-label={t('advocacySharing.manage.language')}
              data={POST_LANGUAGES.map((l) => ({ value: l, label: t(`advocacySharing.languages.${l}`) }))}
              value={post.language}
              onChange={(v) => v && setPost(i, { language: v })}
              allowDeselect={false}
              w={140}
            />
            <Textarea
              style={{ flex: 1 }}
              value={post.text}
              onChange={(e) => setPost(i, { text: e.currentTarget.value })}
              autosize
              minRows={2}
              maxLength={3000}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('advocacySharing.manage.remove')}
              onClick={() => setPosts((all) => all.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" onClick={() => setPosts((all) => [...all, { network: 'linkedin', language: 'en', text: '' }])} disabled={posts.length >= 24}>
          {t('advocacySharing.manage.addPost')}
        </Button>
        {save.error && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('advocacySharing.manage.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="content-save">
            {t('advocacySharing.manage.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
