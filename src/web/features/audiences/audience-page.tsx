// /audiences — build a rule, watch the audience size and a sample update live, save it as a segment.
import { useState } from 'react';
import { Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../shared/audiences';
import { AudiencePreviewPanel } from './audience-preview-panel';
import { ruleErrorPointer } from './problem-pointers';
import { RuleBuilder } from './rule-builder';
import { EMPTY_RULE } from './rule-model';
import { SaveSegmentModal } from './save-segment-modal';
import { useCreateSegment } from './segment-mutations';
import { useAudiencePreview } from './use-audience-preview';

export function AudiencePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rule, setRule] = useState<Rule>(EMPTY_RULE);
  const [asOf, setAsOf] = useState('');
  const [saveOpen, setSaveOpen] = useState(false);
  const preview = useAudiencePreview(rule, asOf);
  const create = useCreateSegment();

  const changeRule = (next: Rule) => {
    setRule(next);
    if (create.error) create.reset();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('audiences.title')}</Title>
          <Text c="dimmed">{t('audiences.intro')}</Text>
        </Stack>
        <Button component={Link} to="/audiences/segments" variant="light">
          {t('audiences.segmentsLink')}
        </Button>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <RuleBuilder value={rule} onChange={changeRule} errorPointer={ruleErrorPointer(create.error) ?? preview.errorPointer} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AudiencePreviewPanel
            preview={preview}
            asOf={asOf}
            onAsOfChange={setAsOf}
            actions={
              <Button data-testid="audience-save" onClick={() => setSaveOpen(true)} disabled={preview.incompletePointer !== null}>
                {t('audiences.save.open')}
              </Button>
            }
          />
        </Grid.Col>
      </Grid>
      <SaveSegmentModal
        opened={saveOpen}
        onClose={() => setSaveOpen(false)}
        saving={create.isPending}
        error={create.error}
        onSubmit={(details) =>
          create.mutate({ ...details, rule }, { onSuccess: (segment) => void navigate(`/audiences/segments/${encodeURIComponent(segment.key)}`) })
        }
      />
    </Stack>
  );
}
