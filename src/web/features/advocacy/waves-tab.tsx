// PLACEHOLDER (helper C replaces this file before issue 12 lands).
export function WavesTab() {
  return null;
}
