import type { BenchFigure } from "@textbook/dev-tools/bench-result";

/** One size's measurements, in seconds and MB, all from the same run. */
export interface MigrationRun {
  floorSeconds: number;
  firstSeconds: number;
  rerunSeconds: number;
  peakMb: number;
}

const GOAL_USERS = 1_000_000;

/**
 * The figures of the migration's goals (BENCHMARKS.md, scripts section) for one size. The time goals are stated
 * for 1,000,000 users; at another size they are scaled linearly (the command's time is linear in the number of
 * users: every query of a batch is an index range or lookup), so 100,000 users must finish in a tenth of it.
 */
export function migrationFigures(size: number, run: MigrationRun): BenchFigure[] {
  const users = size.toLocaleString("en");
  const timeGoal = (seconds: number) => {
    const scaled = (seconds * size) / GOAL_USERS;
    return size === GOAL_USERS
      ? `< ${seconds} s`
      : `< ${Number(scaled.toPrecision(3))} s (${seconds} s for 1,000,000, scaled linearly)`;
  };
  const ratio = run.firstSeconds / run.floorSeconds;
  return [
    {
      measure: `first run, ${users} users`,
      goal: timeGoal(60),
      value: run.firstSeconds,
      unit: "s",
      met: run.firstSeconds < (60 * size) / GOAL_USERS,
      runs: 1,
    },
    {
      measure: `first run vs the COPY floor measured in the same run, ${users} users`,
      goal: "≤ 3×",
      value: ratio,
      unit: "×",
      sides: [
        { label: "first run", value: run.firstSeconds },
        { label: "COPY floor", value: run.floorSeconds },
      ],
      sidesUnit: "s",
      met: ratio <= 3,
      runs: 1,
    },
    {
      measure: `no-change rerun, ${users} users`,
      goal: timeGoal(20),
      value: run.rerunSeconds,
      unit: "s",
      met: run.rerunSeconds < (20 * size) / GOAL_USERS,
      runs: 1,
    },
    {
      measure: `peak memory of the command (first run and rerun), ${users} users`,
      goal: "< 300 MB",
      value: run.peakMb,
      unit: "MB",
      met: run.peakMb < 300,
      runs: 1,
    },
  ];
}
