// Disables every control inside it when `locked` (the rule builder has no disabled state of its own)
// and otherwise looks like nothing at all.
import type { ReactNode } from 'react';

export function LockedFieldset({ locked, children }: { locked: boolean; children: ReactNode }) {
  return (
    <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      {children}
    </fieldset>
  );
}
