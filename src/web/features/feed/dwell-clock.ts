// The arithmetic of a feed message's dwell (ADR 0025), apart from the browser's observers so it can be
// tested: time counts only while the message is in view AND the page is shown AND the tab is visible;
// each stretch is reported when it ends, so one message may report several reads.

export type DwellClock = {
  /** At least half of the message is in view (or it fills half the screen). */
  setInView(inView: boolean): void;
  /** The page is shown (false from pagehide until pageshow). */
  setPageShown(shown: boolean): void;
  /** The tab is visible (document.visibilityState). */
  setTabVisible(visible: boolean): void;
  /** The message is gone (closed, unmounted): a stretch still running ends now. */
  stop(): void;
};

/**
 * @example const clock = createDwellClock(() => performance.now(), (ms) => send(ms)); clock.setInView(true); … clock.stop();
 */
export function createDwellClock(now: () => number, report: (ms: number) => void, initial: { tabVisible: boolean }): DwellClock {
  const state = { inView: false, pageShown: true, tabVisible: initial.tabVisible };
  let since: number | null = null;
  const update = () => {
    const seen = state.inView && state.pageShown && state.tabVisible;
    if (seen && since === null) since = now();
    if (!seen && since !== null) {
      const ms = now() - since;
      since = null;
      if (ms > 0) report(ms);
    }
  };
  const set = (key: keyof typeof state) => (value: boolean) => {
    state[key] = value;
    update();
  };
  return {
    setInView: set('inView'),
    setPageShown: set('pageShown'),
    setTabVisible: set('tabVisible'),
    stop: () => set('inView')(false),
  };
}
