// The tracking mode of a campaign (DESIGN §3.5): its own, else the deployment's TRACKING_MODE.
import type { TRACKING_MODES } from '../../../shared/campaigns.js';

export type TrackingMode = (typeof TRACKING_MODES)[number];

/**
 * @example effectiveTrackingMode({ tracking: null }, { TRACKING_MODE: 'aggregate' }) // 'aggregate'
 */
export function effectiveTrackingMode(campaign: { tracking: TrackingMode | null }, config: { TRACKING_MODE: TrackingMode }): TrackingMode {
  return campaign.tracking ?? config.TRACKING_MODE;
}
