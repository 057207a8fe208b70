import type { BenchFigure } from "@textbook/dev-tools/bench-result";
import { failureCountFigure, medianFigure, statedFigure } from "@textbook/dev-tools/bench-result";
import type { StormRound } from "./bcrypt-storm.js";
import type { UploadRound } from "./upload-memory.js";

const MB = 1024 * 1024;

/** The figures of issue 15 (goals in BENCHMARKS.md, auth-server section): uploads, then the bcrypt storm. */
export function hardeningFigures(uploads: UploadRound[], storms: StormRound[]): BenchFigure[] {
  const figures: BenchFigure[] = [];
  if (uploads.length > 0) {
    const failed = uploads.reduce((sum, r) => sum + (r.uploads - r.refused) + r.sessions.failures, 0);
    figures.push(
      medianFigure(
        {
          measure: "resident memory rise, 20 clients uploading 100 MB bodies back to back (half chunked)",
          goal: "< 64 MB",
          unit: "MB",
        },
        uploads.map((r) => r.riseBytes / MB),
        (rise) => rise < 64,
      ),
      statedFigure(
        "`get-session` p99 during those uploads",
        "ms",
        uploads.map((r) => r.sessions.p99),
      ),
      statedFigure(
        "100 MB uploads refused with 413 per round",
        "",
        uploads.map((r) => r.refused),
      ),
      failureCountFigure(
        "uploads not answered 413, and failed get-session calls, all rounds (total)",
        failed,
        uploads.length,
      ),
    );
  }
  if (storms.length > 0) {
    const failed = storms.reduce((sum, r) => sum + (200 - r.signedIn) + r.stillBcrypt + r.sessionFailures, 0);
    figures.push(
      medianFigure(
        {
          measure: "`get-session` p99 while 200 migrated (bcrypt) users sign in at once",
          goal: "< 50 ms",
          unit: "ms",
        },
        storms.map((r) => r.sessionP99),
        (p99) => p99 < 50,
      ),
      statedFigure(
        "time until all 200 are signed in (bcrypt verified, rehashed to scrypt)",
        "ms",
        storms.map((r) => r.allSignedInMillis),
      ),
      failureCountFigure(
        "failed sign-ins, hashes left bcrypt and failed get-session calls, all rounds (total)",
        failed,
        storms.length,
      ),
    );
  }
  return figures;
}
