// /share ("Share knowledge"): write a post or a document. It appears on my profile and counts as
// evidence in expert search, so colleagues with questions about it find me.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS, WRITTEN_CONTRIBUTION_KINDS } from '../../../shared/community';
import { UI_LANGUAGES } from '../../../shared/identity';
import { useCurrentUser } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { formatLanguageName } from '../../ui/format';
import { HashtagField } from '../people/hashtag-field';
import { useCreateContribution } from './contribution-queries';
import { fieldErrors } from '../../ui/field-errors';

type Kind = (typeof WRITTEN_CONTRIBUTION_KINDS)[number];
const AUTO = 'auto';

export function ShareKnowledgePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('post');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [language, setLanguage] = useState<string>(AUTO);
  const create = useCreateContribution();
  const errors = fieldErrors(create.error, t);
  const ready = title.trim() !== '' && body.trim() !== '';

  if (user.person_id === null) {
    return (
      <Alert color="yellow" title={t('myProfile.noPerson.title')}>
        {t('myProfile.noPerson.body')}
      </Alert>
    );
  }
  const personId = user.person_id;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    create.mutate(
      { kind, title: title.trim(), body: body.trim(), tags, ...(language === AUTO ? {} : { language }) },
      { onSuccess: () => void navigate(`/people/${personId}#contributions`) },
    );
  };

  return (
    <Stack gap="md" maw={860}>
      <Stack gap={4}>
        <Title order={2}>{t('share.title')}</Title>
        <Text c="dimmed">{t('share.intro')}</Text>
      </Stack>
      <Card withBorder radius="md" component="form" onSubmit={submit}>
        <Stack gap="md">
          <SegmentedControl
            data-testid="share-kind"
            value={kind}
            onChange={(value) => setKind(value)}
            data={WRITTEN_CONTRIBUTION_KINDS.map((value) => ({ value, label: t(`contributions.kind.${value}`) }))}
          />
          <TextInput
            data-testid="share-title"
            label={t('share.titleLabel')}
            required
            maxLength={COMMUNITY_LIMITS.contributionTitle}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            data-testid="share-body"
            label={t('share.body')}
            description={t('share.bodyHint')}
            required
            autosize
            minRows={8}
            maxLength={COMMUNITY_LIMITS.contributionBody}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
          />
          <HashtagField label={t('share.tags')} description={t('share.tagsHint')} value={tags} onChange={setTags} suggestSkills error={errors.tags} />
          <Select
            data-testid="share-language"
            label={t('share.language')}
            data={[
              { value: AUTO, label: t('share.languageAuto') },
              ...UI_LANGUAGES.map((code) => ({ value: code, label: formatLanguageName(code, i18n.language) })),
            ]}
            value={language}
            onChange={(value) => setLanguage(value ?? AUTO)}
            allowDeselect={false}
            error={errors.language}
          />
          {create.error !== null && <ErrorAlert error={create.error} title={t('share.failed')} />}
          <Group justify="flex-end">
            <Button type="submit" data-testid="share-submit" loading={create.isPending} disabled={!ready}>
              {t('share.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
