// PLACEHOLDER (helper D replaces this file before issue 12 lands).
export function ReferralPipelineTab() {
  return null;
}
