// Building blocks of the journey grid: a bordered cell, a sticky row label, text and pain-point cells.
import type { CSSProperties, ReactNode } from 'react';
import { Box, List, TagsInput, Text, Textarea } from '@mantine/core';
import { JOURNEY_LIMITS } from './journey-draft';

const BORDER = '1px solid var(--mantine-color-gray-3)';

export function JourneyCell({ children, style, testId }: { children: ReactNode; style?: CSSProperties; testId?: string }) {
  return (
    <Box p={8} data-testid={testId} style={{ borderRight: BORDER, borderBottom: BORDER, minWidth: 0, ...style }}>
      {children}
    </Box>
  );
}

/** The first column; stays in view while the stages scroll sideways. */
export function RowLabel({ children }: { children: ReactNode }) {
  return (
    <JourneyCell style={{ position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-gray-0)', borderLeft: BORDER }}>
      <Text size="sm" fw={700}>
        {children}
      </Text>
    </JourneyCell>
  );
}

const Empty = () => (
  <Text size="sm" c="dimmed">
    –
  </Text>
);

export type TextCellProps = {
  value: string;
  editing: boolean;
  label: string;
  onChange: (value: string) => void;
  testId: string;
};

export function JourneyTextCell({ value, editing, label, onChange, testId }: TextCellProps) {
  return (
    <JourneyCell testId={testId}>
      {editing ? (
        <Textarea size="xs" autosize minRows={2} maxLength={2000} aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : value.trim() === '' ? (
        <Empty />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {value}
        </Text>
      )}
    </JourneyCell>
  );
}

export type PainPointsCellProps = {
  value: string[];
  editing: boolean;
  label: string;
  onChange: (value: string[]) => void;
};

export function JourneyPainPointsCell({ value, editing, label, onChange }: PainPointsCellProps) {
  return (
    <JourneyCell testId="journey-pain-points">
      {editing ? (
        <TagsInput size="xs" aria-label={label} value={value} onChange={onChange} splitChars={[';']} maxTags={JOURNEY_LIMITS.painPoints} />
      ) : value.length === 0 ? (
        <Empty />
      ) : (
        <List size="sm" spacing={2} c="red.9">
          {value.map((point) => (
            <List.Item key={point}>{point}</List.Item>
          ))}
        </List>
      )}
    </JourneyCell>
  );
}
