// A mood from -2 to +2 as a small drawn face (red frown … green smile); needs no emoji font.
import type { Mood } from './journey-draft';

export type MoodFaceProps = {
  mood: Mood;
  size?: number;
  title?: string;
};

const FILL: Record<Mood, string> = { '-2': '#fa5252', '-1': '#fd7e14', 0: '#fcc419', 1: '#94d82d', 2: '#40c057' };

export function MoodFace({ mood, size = 28, title }: MoodFaceProps) {
  // The mouth is a curve whose middle sinks for a smile and rises for a frown.
  const mouthY = 23 - mood * 0.3;
  const controlY = 23 + mood * 2.6;
  return (
    <svg width={size} height={size} viewBox="0 0 36 36" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true} style={{ display: 'block' }}>
      {title && <title>{title}</title>}
      <circle cx="18" cy="18" r="16.5" fill={FILL[mood]} stroke="rgba(0,0,0,0.25)" strokeWidth="1" />
      <circle cx="12.5" cy="14" r="2.2" fill="#212529" />
      <circle cx="23.5" cy="14" r="2.2" fill="#212529" />
      <path d={`M 10.5 ${mouthY} Q 18 ${controlY} 25.5 ${mouthY}`} fill="none" stroke="#212529" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
