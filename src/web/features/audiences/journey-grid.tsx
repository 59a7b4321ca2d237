// The journey map itself: stages as columns; touchpoints, does, thinks, feels, emotion and pain points as rows.
import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JourneyCell, JourneyPainPointsCell, JourneyTextCell, RowLabel } from './journey-cells';
import type { Mood, StageDraft } from './journey-draft';
import { JourneyEmotionCurve } from './journey-emotion-curve';
import { JourneyStageHeader } from './journey-stage-header';
import { JourneyTouchpointsCell } from './journey-touchpoints-cell';

export type JourneyGridProps = {
  stages: StageDraft[];
  editing: boolean;
  onStageChange: (index: number, patch: Partial<StageDraft>) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
};

const LABEL_WIDTH = 150;
const STAGE_MIN_WIDTH = 220;
const TEXT_ROWS = ['does', 'thinks', 'feels'] as const;

export function JourneyGrid({ stages, editing, onStageChange, onMove, onRemove }: JourneyGridProps) {
  const { t } = useTranslation();
  const n = stages.length;
  if (n === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('journey.noStages')}
      </Text>
    );
  }

  return (
    <Box style={{ overflowX: 'auto' }} data-testid="journey-map">
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: `${LABEL_WIDTH}px repeat(${n}, minmax(${STAGE_MIN_WIDTH}px, 1fr))`,
          minWidth: LABEL_WIDTH + n * STAGE_MIN_WIDTH,
          borderTop: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <RowLabel>{t('journey.rows.stage')}</RowLabel>
        {stages.map((stage, i) => (
          <JourneyStageHeader
            key={stage.uid}
            name={stage.name}
            index={i}
            count={n}
            editing={editing}
            onRename={(name) => onStageChange(i, { name })}
            onMove={(delta) => onMove(i, delta)}
            onRemove={() => onRemove(i)}
          />
        ))}

        <RowLabel>{t('journey.rows.touchpoints')}</RowLabel>
        {stages.map((stage, i) => (
          <JourneyTouchpointsCell
            key={stage.uid}
            touchpoints={stage.touchpoints}
            editing={editing}
            onChange={(touchpoints) => onStageChange(i, { touchpoints })}
          />
        ))}

        {TEXT_ROWS.map((row) => [
          <RowLabel key={`${row}-label`}>{t(`journey.rows.${row}`)}</RowLabel>,
          ...stages.map((stage, i) => (
            <JourneyTextCell
              key={`${row}-${stage.uid}`}
              testId={`journey-${row}`}
              value={stage[row]}
              editing={editing}
              label={`${t(`journey.rows.${row}`)}: ${stage.name}`}
              onChange={(value) => onStageChange(i, { [row]: value })}
            />
          )),
        ])}

        <RowLabel>{t('journey.rows.emotion')}</RowLabel>
        <JourneyCell style={{ gridColumn: `span ${n}`, padding: 0 }}>
          <JourneyEmotionCurve moods={stages.map((stage) => stage.mood)} editing={editing} onMoodChange={(i, mood: Mood) => onStageChange(i, { mood })} />
        </JourneyCell>

        <RowLabel>{t('journey.rows.pain_points')}</RowLabel>
        {stages.map((stage, i) => (
          <JourneyPainPointsCell
            key={stage.uid}
            value={stage.pain_points}
            editing={editing}
            label={`${t('journey.rows.pain_points')}: ${stage.name}`}
            onChange={(pain_points) => onStageChange(i, { pain_points })}
          />
        ))}
      </Box>
    </Box>
  );
}
