// How long an element is actually seen (ADR 0025): at least half of it in view (or, for a message taller
// than two screens, at least half the screen filled by it) while the tab is visible. The browser's
// observers feed a dwell clock, which reports each stretch of being seen when it ends (scrolled away,
// tab hidden, page left, element gone), so one message may report several reads.
import { useEffect, useRef, type RefObject } from 'react';
import { createDwellClock } from './dwell-clock';

/** Share of the element (or of the viewport, for a tall one) that must be in view for it to count as seen. */
const VISIBLE_SHARE = 0.5;
/** Observed in steps of 5 %, so a tall element's share of the viewport is followed closely enough. */
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

function isSeen(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  if (entry.intersectionRatio >= VISIBLE_SHARE) return true;
  const viewport = entry.rootBounds?.height ?? window.innerHeight;
  return viewport > 0 && entry.intersectionRect.height >= VISIBLE_SHARE * viewport;
}

/**
 * Calls `onDwell(ms)` at the end of every stretch in which the element was seen.
 * @example useDwellTime(frameRef, (ms) => reportFeedRead(item.id, ms, csrf));
 */
export function useDwellTime(ref: RefObject<Element | null>, onDwell: (ms: number) => void): void {
  const report = useRef(onDwell);
  useEffect(() => {
    report.current = onDwell;
  }, [onDwell]);

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const clock = createDwellClock(
      () => performance.now(),
      (ms) => report.current(ms),
      { tabVisible: document.visibilityState === 'visible' },
    );
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) clock.setInView(isSeen(entry));
      },
      { threshold: THRESHOLDS },
    );
    observer.observe(element);
    const visibility = () => clock.setTabVisible(document.visibilityState === 'visible');
    // pagehide covers closing the tab or navigating away, where visibilitychange may come too late;
    // pageshow a page brought back from the back-forward cache.
    const hide = () => clock.setPageShown(false);
    const show = () => clock.setPageShown(true);
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', hide);
    window.addEventListener('pageshow', show);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', hide);
      window.removeEventListener('pageshow', show);
      clock.stop();
    };
  }, [ref]);
}
