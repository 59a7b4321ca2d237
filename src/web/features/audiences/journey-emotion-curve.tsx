// The emotion curve of a journey map: a line through each stage's mood with a face per stage.
import { Box, Group, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { clampMood, MOOD_KEYS, MOODS, type Mood } from './journey-draft';
import { MoodFace } from './mood-face';

export type JourneyEmotionCurveProps = {
  moods: readonly number[];
  editing: boolean;
  onMoodChange: (index: number, mood: Mood) => void;
};

const STAGE_WIDTH = 100;
const HEIGHT = 130;
/** Mood +2 sits near the top, -2 near the bottom (in percent of the curve's height). */
const yOf = (mood: number) => 50 - mood * 20;

export function JourneyEmotionCurve({ moods, editing, onMoodChange }: JourneyEmotionCurveProps) {
  const { t } = useTranslation();
  const n = moods.length;
  const width = n * STAGE_WIDTH;
  const points = moods.map((mood, i) => `${i * STAGE_WIDTH + STAGE_WIDTH / 2},${yOf(clampMood(mood))}`).join(' ');
  const moodLabel = (mood: Mood) => t(`journey.moods.${MOOD_KEYS[mood]}`);

  return (
    <Box>
      <Box pos="relative" h={HEIGHT} data-testid="journey-emotion-curve">
        <svg
          viewBox={`0 0 ${width} 100`}
          preserveAspectRatio="none"
          width="100%"
          height="100%"
          role="img"
          aria-label={t('journey.curveLabel')}
          style={{ display: 'block' }}
        >
          <rect x="0" y="0" width={width} height="40" style={{ fill: 'var(--mantine-color-green-0)' }} />
          <rect x="0" y="60" width={width} height="40" style={{ fill: 'var(--mantine-color-red-0)' }} />
          <line x1="0" x2={width} y1="50" y2="50" vectorEffect="non-scaling-stroke" strokeDasharray="4 4" style={{ stroke: 'var(--mantine-color-gray-5)' }} />
          {moods.slice(1).map((_, i) => (
            <line
              key={i}
              x1={(i + 1) * STAGE_WIDTH}
              x2={(i + 1) * STAGE_WIDTH}
              y1="0"
              y2="100"
              vectorEffect="non-scaling-stroke"
              style={{ stroke: 'var(--mantine-color-gray-3)' }}
            />
          ))}
          <polyline
            points={points}
            fill="none"
            vectorEffect="non-scaling-stroke"
            strokeWidth="3"
            strokeLinejoin="round"
            strokeLinecap="round"
            style={{ stroke: 'var(--mantine-color-indigo-6)' }}
          />
        </svg>
        {moods.map((raw, i) => {
          const mood = clampMood(raw);
          return (
            <Box
              key={i}
              data-testid="journey-mood-marker"
              data-mood={mood}
              style={{ position: 'absolute', left: `${((i + 0.5) / n) * 100}%`, top: `${yOf(mood)}%`, transform: 'translate(-50%, -50%)' }}
            >
              <MoodFace mood={mood} size={30} title={moodLabel(mood)} />
            </Box>
          );
        })}
      </Box>
      {editing && (
        <Box style={{ display: 'grid', gridTemplateColumns: `repeat(${n}, 1fr)` }}>
          {moods.map((raw, i) => (
            <Group key={i} justify="center" gap={2} py={6} role="radiogroup" aria-label={t('journey.moodFor', { stage: i + 1 })}>
              {MOODS.map((mood) => {
                const checked = clampMood(raw) === mood;
                return (
                  <UnstyledButton
                    key={mood}
                    role="radio"
                    aria-checked={checked}
                    aria-label={moodLabel(mood)}
                    title={moodLabel(mood)}
                    data-testid={`journey-mood-${i}-${mood}`}
                    onClick={() => onMoodChange(i, mood)}
                    style={{
                      borderRadius: '50%',
                      padding: 1,
                      opacity: checked ? 1 : 0.45,
                      outline: checked ? '2px solid var(--mantine-color-indigo-6)' : undefined,
                    }}
                  >
                    <MoodFace mood={mood} size={22} />
                  </UnstyledButton>
                );
              })}
            </Group>
          ))}
        </Box>
      )}
    </Box>
  );
}
