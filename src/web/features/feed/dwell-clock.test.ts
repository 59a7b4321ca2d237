// The dwell clock counts only while the message is in view, the page shown and the tab visible, and
// reports each stretch when it ends.
import { describe, expect, it } from 'vitest';
import { createDwellClock } from './dwell-clock';

function clockAt() {
  let t = 0;
  const reports: number[] = [];
  const clock = createDwellClock(
    () => t,
    (ms) => reports.push(ms),
    { tabVisible: true },
  );
  return { clock, reports, advance: (ms: number) => (t += ms) };
}

describe('the dwell clock', () => {
  it('reports a stretch in view when it leaves view, and each later stretch on its own', () => {
    const { clock, reports, advance } = clockAt();
    advance(1000);
    clock.setInView(true);
    advance(3999);
    clock.setInView(false);
    advance(5000);
    clock.setInView(true);
    clock.setInView(true);
    advance(10_000);
    clock.stop();
    expect(reports).toEqual([3999, 10_000]);
  });

  it('does not count while the tab is hidden or the page is gone, and ends the stretch there', () => {
    const { clock, reports, advance } = clockAt();
    clock.setInView(true);
    advance(2000);
    clock.setTabVisible(false);
    advance(60_000);
    clock.setTabVisible(true);
    advance(500);
    clock.setPageShown(false);
    advance(60_000);
    clock.stop();
    expect(reports).toEqual([2000, 500]);
  });

  it('starts nothing out of view or in a hidden tab, and reports nothing for an empty stretch', () => {
    const { clock, reports, advance } = clockAt();
    clock.setTabVisible(false);
    clock.setInView(true);
    advance(5000);
    clock.setInView(false);
    clock.setTabVisible(true);
    advance(5000);
    clock.setInView(true);
    clock.stop();
    expect(reports).toEqual([]);
  });
});
