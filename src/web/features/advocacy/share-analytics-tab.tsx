// PLACEHOLDER (helper A replaces this file before issue 12 lands).
export function ShareAnalyticsTab() {
  return null;
}
