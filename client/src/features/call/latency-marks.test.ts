import { afterEach, describe, expect, it } from 'vitest';
import { JOIN_STAGES, joinStageMark, JOIN_TAPPED_MARK, markJoinStage, markJoinTapped } from './latency-marks';

const marks = (name: string) => performance.getEntriesByName(name, 'mark');

afterEach(() => {
  performance.clearMarks(JOIN_TAPPED_MARK);
  for (const stage of JOIN_STAGES) performance.clearMarks(joinStageMark(stage));
});

describe('join stage marks', () => {
  it('marks nothing before a tap on Join (staff observing have no tap)', () => {
    markJoinStage('consumed-video');
    expect(marks(joinStageMark('consumed-video'))).toHaveLength(0);
  });

  it('marks each stage once per tap, after the tap, and starts again on the next tap', () => {
    markJoinTapped();
    markJoinStage('join-acked');
    markJoinStage('join-acked');
    const [tapped] = marks(JOIN_TAPPED_MARK);
    const acked = marks(joinStageMark('join-acked'));
    expect(acked).toHaveLength(1);
    expect(acked[0]!.startTime).toBeGreaterThanOrEqual(tapped!.startTime);
    markJoinTapped();
    expect(marks(joinStageMark('join-acked'))).toHaveLength(0);
    markJoinStage('join-acked');
    expect(marks(joinStageMark('join-acked'))).toHaveLength(1);
  });
});
