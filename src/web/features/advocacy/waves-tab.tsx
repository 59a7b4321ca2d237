// Onboarding waves for who runs the programme (ADR 0033): people per maturity stage on the 3×3 grid
// (counts under k hidden), the people at a chosen stage, the suggested plan, the waves with their
// editor and invite (confirmed, once), and adoption by stage over time.
import { LineChart } from '@mantine/charts';
import { Badge, Button, Card, Chip, Group, Modal, MultiSelect, NumberInput, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATURITY_STAGES } from '../../../shared/advocacy';
import type { Wave, WaveInput } from '../../../shared/advocacy-maturity';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrors } from '../../ui/field-errors';
import { PageLoader } from '../../ui/page-loader';
import { MaturityGrid } from './maturity-grid';
import {
  useAdoption,
  useContentOptions,
  useDeleteWave,
  useInviteWave,
  useSaveWave,
  useStagePeople,
  useStages,
  useSuggestedWaves,
  useWaves,
} from './maturity-queries';

type Draft = {
  id: number | null;
  number: number;
  name: string;
  stages: number[];
  audience: string;
  content_ids: number[];
  coaching: string;
  planned_for: string;
};

const stageKey = (stage: number) => MATURITY_STAGES[stage - 1]!;

const draftOf = (w: Wave): Draft => ({
  id: w.id,
  number: w.number,
  name: w.name,
  stages: w.stages,
  audience: w.audience ? JSON.stringify(w.audience, null, 2) : '',
  content_ids: w.content_ids,
  coaching: w.coaching,
  planned_for: w.planned_for ?? '',
});

export function WavesTab() {
  const [stage, setStage] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [inviting, setInviting] = useState<Wave | null>(null);
  return (
    <Stack gap="lg">
      <StagesCard stage={stage} onSelect={setStage} />
      {stage !== null && <StagePeopleCard stage={stage} />}
      <SuggestedCard onPlan={setDraft} />
      <WavesCard onEdit={setDraft} onInvite={setInviting} />
      <AdoptionCard />
      {draft && <WaveEditor draft={draft} onClose={() => setDraft(null)} />}
      {inviting && <InviteModal wave={inviting} onClose={() => setInviting(null)} />}
    </Stack>
  );
}

function StagesCard({ stage, onSelect }: { stage: number | null; onSelect: (stage: number) => void }) {
  const { t } = useTranslation();
  const stages = useStages();
  if (stages.isPending) return <PageLoader />;
  if (stages.isError) return <ErrorAlert error={stages.error} onRetry={() => void stages.refetch()} />;
  const at = (s: number) => stages.data.stages.find((x) => x.stage === s);
  const count = (n: number | null | undefined) => (n === null || n === undefined ? t('advocacy.waves.hidden') : String(n));
  const none = at(0);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>{t('advocacy.waves.gridTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('advocacy.waves.gridIntro', { k: stages.data.min_group })}
        </Text>
        <MaturityGrid
          testId="waves-stage-grid"
          selected={stage}
          onSelect={onSelect}
          render={(s) => {
            const c = at(s);
            return (
              <Stack gap={0}>
                <Text size="xs" data-testid={`stage-people-${s}`}>
                  {t('advocacy.waves.people')}: {count(c?.people)}
                </Text>
                <Text size="xs">
                  {t('advocacy.waves.participants')}: {count(c?.participants)}
                </Text>
                <Text size="xs">
                  {t('advocacy.waves.invited')}: {count(c?.invited)}
                </Text>
              </Stack>
            );
          }}
        />
        <Group>
          <Button variant="subtle" size="xs" onClick={() => onSelect(0)}>
            {t('advocacy.waves.noStage', { count: count(none?.people) })}
          </Button>
        </Group>
        {stage === null && (
          <Text size="sm" c="dimmed">
            {t('advocacy.waves.pickStage')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function StagePeopleCard({ stage }: { stage: number }) {
  const { t } = useTranslation();
  const people = useStagePeople(stage);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder data-testid="stage-people">
      <Stack gap="sm">
        <Title order={4}>
          {stage === 0 ? t('advocacy.waves.peopleAtNone') : t('advocacy.waves.peopleAt', { name: t(`advocacy.maturity.stages.${stageKey(stage)}.name`) })}
        </Title>
        {people.isError && <ErrorAlert error={people.error} />}
        {people.isSuccess && items.length === 0 && <Text c="dimmed">{t('advocacy.waves.noPeople')}</Text>}
        {items.length > 0 && (
          <Table>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id} data-testid="stage-person">
                  <Table.Td>{p.display_name}</Table.Td>
                  <Table.Td>{p.department ?? ''}</Table.Td>
                  <Table.Td>{p.participant && <Badge color="teal">{t('advocacy.waves.participant')}</Badge>}</Table.Td>
                  <Table.Td>{p.wave && <Badge variant="light">{`${t('advocacy.waves.wave')} ${p.wave.number}`}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {people.hasNextPage && (
          <Button variant="default" size="xs" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
            {t('advocacy.waves.more')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

const SUGGESTED_TEXT = {
  1: ['advocacy.waves.suggestedName1', 'advocacy.waves.suggestedCoaching1'],
  2: ['advocacy.waves.suggestedName2', 'advocacy.waves.suggestedCoaching2'],
  3: ['advocacy.waves.suggestedName3', 'advocacy.waves.suggestedCoaching3'],
} as const;

function SuggestedCard({ onPlan }: { onPlan: (draft: Draft) => void }) {
  const { t } = useTranslation();
  const suggested = useSuggestedWaves();
  const waves = useWaves();
  if (!suggested.isSuccess) return suggested.isError ? <ErrorAlert error={suggested.error} /> : null;
  return (
    <Card withBorder data-testid="waves-suggested">
      <Stack gap="sm">
        <Title order={3}>{t('advocacy.waves.suggestedTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('advocacy.waves.suggestedIntro')}
        </Text>
        {suggested.data.items.map((s) => {
          const texts = SUGGESTED_TEXT[s.number as 1 | 2 | 3];
          return (
            <Group key={s.number} justify="space-between">
              <Stack gap={0}>
                <Text fw={600}>{t('advocacy.waves.suggestedWave', { number: s.number, count: s.people })}</Text>
                <Text size="sm">{s.stages.map((x) => t(`advocacy.maturity.stages.${stageKey(x)}.name`)).join(', ')}</Text>
              </Stack>
              <Button
                variant="light"
                data-testid={`waves-plan-${s.number}`}
                onClick={() => {
                  // A planned wave of this number is opened rather than planned twice.
                  const planned = waves.data?.items.find((w) => w.number === s.number && !w.invited_at);
                  if (planned) return onPlan(draftOf(planned));
                  onPlan({
                    id: null,
                    number: s.number,
                    name: texts ? t(texts[0]) : `${s.number}`,
                    stages: s.stages,
                    audience: '',
                    content_ids: [],
                    coaching: texts ? t(texts[1]) : '',
                    planned_for: '',
                  });
                }}
              >
                {t('advocacy.waves.useSuggestion', { number: s.number })}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

function WavesCard({ onEdit, onInvite }: { onEdit: (draft: Draft) => void; onInvite: (wave: Wave) => void }) {
  const { t, i18n } = useTranslation();
  const waves = useWaves();
  const remove = useDeleteWave();
  if (waves.isPending) return <PageLoader />;
  if (waves.isError) return <ErrorAlert error={waves.error} onRetry={() => void waves.refetch()} />;
  return (
    <Card withBorder data-testid="waves-list">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('advocacy.waves.listTitle')}</Title>
          <Button
            variant="default"
            onClick={() =>
              onEdit({ id: null, number: waves.data.items.length + 1, name: '', stages: [], audience: '', content_ids: [], coaching: '', planned_for: '' })
            }
          >
            {t('advocacy.waves.new')}
          </Button>
        </Group>
        {waves.data.items.length === 0 && <Text c="dimmed">{t('advocacy.waves.empty')}</Text>}
        {remove.isError && <ErrorAlert error={remove.error} />}
        {waves.data.items.map((w) => (
          <Card key={w.id} withBorder data-testid={`wave-${w.number}`}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>{w.name}</Text>
                  <Badge color={w.invited_at ? 'teal' : 'gray'} data-testid="wave-status">
                    {w.invited_at ? t('advocacy.waves.invited') : t('advocacy.waves.planned')}
                  </Badge>
                </Group>
                <Text size="sm">{w.stages.map((x) => t(`advocacy.maturity.stages.${stageKey(x)}.name`)).join(', ')}</Text>
                <Text size="sm" c="dimmed">
                  {w.invited_at
                    ? t('advocacy.waves.invitedCount', {
                        count: w.people,
                        adopters: w.adopters,
                        date: new Date(w.invited_at).toLocaleDateString(i18n.language),
                      })
                    : t('advocacy.waves.wouldInvite', { count: w.people })}
                  {w.planned_for && !w.invited_at
                    ? ` · ${t('advocacy.waves.plannedFor')}: ${new Date(`${w.planned_for}T00:00:00Z`).toLocaleDateString(i18n.language, { timeZone: 'UTC' })}`
                    : ''}
                </Text>
              </Stack>
              {!w.invited_at && (
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => onEdit(draftOf(w))}>
                    {t('advocacy.waves.edit')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(w.id)}>
                    {t('advocacy.waves.delete')}
                  </Button>
                  <Button size="xs" onClick={() => onInvite(w)} data-testid="wave-invite">
                    {t('advocacy.waves.invite')}
                  </Button>
                </Group>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

function WaveEditor({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState(draft);
  const [audienceError, setAudienceError] = useState<string | null>(null);
  const save = useSaveWave();
  const content = useContentOptions();
  const errors = fieldErrors(save.error, t);
  const onSave = () => {
    let audience: WaveInput['audience'] = null;
    if (d.audience.trim()) {
      try {
        audience = JSON.parse(d.audience) as WaveInput['audience'];
      } catch {
        setAudienceError(t('advocacy.waves.audienceInvalid'));
        return;
      }
    }
    setAudienceError(null);
    save.mutate(
      {
        id: d.id,
        wave: {
          number: d.number,
          name: d.name,
          stages: d.stages,
          audience,
          content_ids: d.content_ids,
          coaching: d.coaching,
          planned_for: d.planned_for || null,
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={d.id === null ? t('advocacy.waves.new') : d.name} size="lg">
      <Stack gap="sm" data-testid="wave-editor">
        <Group grow>
          <NumberInput
            label={t('advocacy.waves.number')}
            min={1}
            max={9}
            value={d.number}
            onChange={(v) => setD({ ...d, number: Number(v) || 1 })}
            error={errors.number}
          />
          <TextInput
            label={t('advocacy.waves.plannedFor')}
            type="date"
            value={d.planned_for}
            onChange={(e) => setD({ ...d, planned_for: e.currentTarget.value })}
            error={errors.planned_for}
          />
        </Group>
        <TextInput
          label={t('advocacy.waves.name')}
          value={d.name}
          onChange={(e) => setD({ ...d, name: e.currentTarget.value })}
          error={errors.name}
          data-testid="wave-name"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('advocacy.waves.stages')}
          </Text>
          <Chip.Group multiple value={d.stages.map(String)} onChange={(v) => setD({ ...d, stages: v.map(Number).sort((a, b) => b - a) })}>
            <Group gap={4}>
              {MATURITY_STAGES.map((key, i) => (
                <Chip key={key} value={String(i + 1)} size="xs">
                  {`${i + 1} ${t(`advocacy.maturity.stages.${key}.name`)}`}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errors.stages && (
            <Text size="xs" c="red">
              {errors.stages}
            </Text>
          )}
        </Stack>
        <Textarea
          label={t('advocacy.waves.audience')}
          autosize
          minRows={2}
          value={d.audience}
          onChange={(e) => setD({ ...d, audience: e.currentTarget.value })}
          error={audienceError ?? errors.audience}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <MultiSelect
          label={t('advocacy.waves.content')}
          data={(content.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.title }))}
          value={d.content_ids.map(String)}
          onChange={(v) => setD({ ...d, content_ids: v.map(Number) })}
          error={errors.content_ids}
          searchable
        />
        <Textarea
          label={t('advocacy.waves.coaching')}
          autosize
          minRows={3}
          value={d.coaching}
          onChange={(e) => setD({ ...d, coaching: e.currentTarget.value })}
          error={errors.coaching}
        />
        {save.isError && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} title={t('advocacy.waves.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('advocacy.waves.cancel')}
          </Button>
          <Button onClick={onSave} loading={save.isPending} data-testid="wave-save">
            {t('advocacy.waves.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function InviteModal({ wave, onClose }: { wave: Wave; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteWave();
  return (
    <Modal opened onClose={onClose} title={t('advocacy.waves.inviteConfirmTitle', { number: wave.number })}>
      <Stack gap="sm">
        <Text>{t('advocacy.waves.inviteConfirm', { count: wave.people })}</Text>
        {invite.isError && <ErrorAlert error={invite.error} title={t('advocacy.waves.inviteFailed')} />}
        {invite.data?.campaign_status === 'draft' && <Text c="dimmed">{t('advocacy.waves.awaitingApproval')}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('advocacy.waves.cancel')}
          </Button>
          <Button
            onClick={() => invite.mutate(wave.id, { onSuccess: (result) => (result.campaign_status === 'draft' ? undefined : onClose()) })}
            loading={invite.isPending}
            disabled={invite.isSuccess}
            data-testid="wave-invite-confirm"
          >
            {t('advocacy.waves.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const COLORS = ['gray.5', 'red.5', 'orange.5', 'yellow.6', 'lime.6', 'green.6', 'teal.6', 'cyan.6', 'blue.6', 'violet.6'];

function AdoptionCard() {
  const { t } = useTranslation();
  const adoption = useAdoption(12);
  if (!adoption.isSuccess) return adoption.isError ? <ErrorAlert error={adoption.error} /> : null;
  const days = [...new Set(adoption.data.days.map((d) => d.day))];
  const data = days.map((day) => {
    const row: Record<string, string | number | null> = { day };
    for (const d of adoption.data.days.filter((x) => x.day === day && x.stage > 0)) row[`s${d.stage}`] = d.participants;
    return row;
  });
  return (
    <Card withBorder data-testid="waves-adoption">
      <Stack gap="sm">
        <Title order={3}>{t('advocacy.waves.adoptionTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('advocacy.waves.adoptionIntro')} {t('advocacy.waves.gridIntro', { k: adoption.data.min_group })}
        </Text>
        {data.length === 0 ? (
          <Text c="dimmed">{t('advocacy.waves.noAdoption')}</Text>
        ) : (
          <LineChart
            h={260}
            data={data}
            dataKey="day"
            withLegend
            connectNulls={false}
            series={MATURITY_STAGES.map((key, i) => ({ name: `s${i + 1}`, label: t(`advocacy.maturity.stages.${key}.name`), color: COLORS[i + 1]! }))}
          />
        )}
      </Stack>
    </Card>
  );
}
