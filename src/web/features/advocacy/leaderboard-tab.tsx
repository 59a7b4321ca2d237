// PLACEHOLDER (helper B replaces this file before issue 12 lands).
export function LeaderboardTab() {
  return null;
}
