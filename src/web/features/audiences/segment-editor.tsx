// A saved segment's name, description and rule as a form, with live count, save and delete.
import { useState } from 'react';
import { Alert, Button, Card, Code, Grid, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rule, Segment } from '../../../shared/audiences';
import { AudiencePreviewPanel } from './audience-preview-panel';
import { ConfirmDeleteButton } from './confirm-delete-button';
import { ProblemAlert } from './problem-alert';
import { fieldErrors } from '../../ui/field-errors';
import { ruleErrorPointer } from './problem-pointers';
import { RuleBuilder } from './rule-builder';
import { asRootGroup, EMPTY_RULE, parseRule } from './rule-model';
import { useDeleteSegment, useUpdateSegment } from './segment-mutations';
import { useAudiencePreview } from './use-audience-preview';

export type SegmentEditorProps = { segment: Segment };

export function SegmentEditor({ segment }: SegmentEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const storedRule = parseRule(segment.rule);
  const [initialRule] = useState(() => JSON.stringify(asRootGroup(storedRule ?? EMPTY_RULE)));
  const [rule, setRule] = useState<Rule>(() => asRootGroup(storedRule ?? EMPTY_RULE));
  const [name, setName] = useState(segment.name);
  const [description, setDescription] = useState(segment.description ?? '');
  const [asOf, setAsOf] = useState('');
  const preview = useAudiencePreview(rule, asOf);
  const update = useUpdateSegment(segment.key);
  const remove = useDeleteSegment(segment.key);
  const errors = fieldErrors(update.error, t);

  const dirty = name !== segment.name || description !== (segment.description ?? '') || JSON.stringify(rule) !== initialRule;
  const canSave = dirty && name.trim() !== '' && preview.incompletePointer === null;
  const save = () => update.mutate({ key: segment.key, name: name.trim(), description: description.trim() === '' ? null : description.trim(), rule });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{segment.name}</Title>
          <Text size="sm" c="dimmed">
            {t('audiences.segments.key')}: <Code>{segment.key}</Code>
          </Text>
        </Stack>
        <Group gap="xs">
          <ConfirmDeleteButton
            testId="segment-delete"
            title={t('audiences.segments.deleteTitle', { name: segment.name })}
            body={t('audiences.segments.deleteBody')}
            deleting={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/audiences/segments') })}
          />
          <Button data-testid="segment-update" onClick={save} loading={update.isPending} disabled={!canSave}>
            {t('actions.save')}
          </Button>
        </Group>
      </Group>
      {storedRule === null && (
        <Alert color="orange" variant="light" title={t('audiences.segments.unreadableRule')}>
          {t('audiences.segments.unreadableRuleBody')}
        </Alert>
      )}
      {update.error && <ProblemAlert error={update.error} title={t('audiences.segments.saveFailed')} />}
      <Card withBorder radius="md">
        <Stack gap="sm">
          <TextInput
            label={t('audiences.save.name')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label={t('audiences.save.description')}
            autosize
            minRows={2}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
        </Stack>
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <RuleBuilder value={rule} onChange={setRule} excludeSegment={segment.key} errorPointer={ruleErrorPointer(update.error) ?? preview.errorPointer} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AudiencePreviewPanel preview={preview} asOf={asOf} onAsOfChange={setAsOf} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
