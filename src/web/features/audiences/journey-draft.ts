// A journey map as editable state: stages with touchpoints, texts, mood and pain points; and back to input.
import type { JourneyMap, JourneyMapInput } from '../../../shared/audiences';
import type { Channel } from './persona-draft';

export type TouchpointDraft = { channel: Channel; campaign: string; description: string };

export type StageDraft = {
  /** Client-side identity, so React keeps each stage's inputs while stages are reordered. */
  uid: number;
  name: string;
  touchpoints: TouchpointDraft[];
  does: string;
  thinks: string;
  feels: string;
  mood: number;
  pain_points: string[];
};

export const JOURNEY_LIMITS = { stages: 30, touchpoints: 20, painPoints: 50 } as const;
export const MOODS = [-2, -1, 0, 1, 2] as const;
export type Mood = (typeof MOODS)[number];
export const MOOD_KEYS = { '-2': 'm2', '-1': 'm1', '0': 'zero', '1': 'p1', '2': 'p2' } as const;
export const TEMPLATE_STAGES = ['onboarding', 'first90Days', 'changeProgramme'] as const;

let lastUid = 0;

export function newStage(name: string): StageDraft {
  lastUid += 1;
  return { uid: lastUid, name, touchpoints: [], does: '', thinks: '', feels: '', mood: 0, pain_points: [] };
}

export function clampMood(mood: number): Mood {
  const rounded = Math.max(-2, Math.min(2, Math.round(mood)));
  return MOODS.find((m) => m === rounded) ?? 0;
}

export function stagesFromJourney(journey: JourneyMap): StageDraft[] {
  return journey.stages.map((stage) => ({
    ...newStage(stage.name),
    touchpoints: stage.touchpoints.map((tp) => ({ channel: tp.channel, campaign: tp.campaign ?? '', description: tp.description ?? '' })),
    does: stage.does ?? '',
    thinks: stage.thinks ?? '',
    feels: stage.feels ?? '',
    mood: clampMood(stage.mood),
    pain_points: stage.pain_points,
  }));
}

const nullIfBlank = (text: string) => (text.trim() === '' ? null : text.trim());

export function journeyInput(stages: readonly StageDraft[]): JourneyMapInput {
  return {
    stages: stages.map((stage) => ({
      name: stage.name.trim(),
      touchpoints: stage.touchpoints.map((tp) => ({
        channel: tp.channel,
        campaign: nullIfBlank(tp.campaign),
        description: nullIfBlank(tp.description),
      })),
      does: nullIfBlank(stage.does),
      thinks: nullIfBlank(stage.thinks),
      feels: nullIfBlank(stage.feels),
      mood: clampMood(stage.mood),
      pain_points: stage.pain_points.map((p) => p.trim()).filter((p) => p !== ''),
    })),
  };
}

/** Moves the stage at `index` one place left (-1) or right (+1); out-of-range moves change nothing. */
export function moveStage(stages: readonly StageDraft[], index: number, delta: -1 | 1): StageDraft[] {
  const target = index + delta;
  const moving = stages[index];
  const other = stages[target];
  if (!moving || !other) return [...stages];
  const next = [...stages];
  next[index] = other;
  next[target] = moving;
  return next;
}
