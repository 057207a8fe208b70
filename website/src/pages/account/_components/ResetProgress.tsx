import Translate from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import { useReadingProgress } from "@site/src/components/progress/ReadingProgressProvider.js";
import { useState } from "react";

/** "Reset my progress", asked twice: it cannot be undone. */
export function ResetProgress() {
  const { reset } = useReadingProgress();
  const [step, setStep] = useState<"idle" | "confirm" | "busy" | "failed">("idle");
  const confirm = async () => {
    setStep("busy");
    await reset().then(
      () => setStep("idle"),
      () => setStep("failed"),
    );
  };
  if (step === "idle") {
    return (
      <button
        type="button"
        className="button button--outline button--danger"
        onClick={() => setStep("confirm")}
      >
        <Translate id="progress.reset.button">Reset my progress</Translate>
      </button>
    );
  }
  return (
    <div>
      {step === "failed" ? (
        <Alert kind="danger">
          <Translate id="progress.reset.failed">
            Your progress could not be reset; try again shortly.
          </Translate>
        </Alert>
      ) : (
        <p>
          <Translate id="progress.reset.confirm">
            Forget how far you read in every chapter? This cannot be undone.
          </Translate>
        </p>
      )}
      <button type="button" className="button button--danger" onClick={confirm} disabled={step === "busy"}>
        <Translate id="progress.reset.yes">Yes, reset my progress</Translate>
      </button>{" "}
      <button type="button" className="button button--secondary" onClick={() => setStep("idle")}>
        <Translate id="progress.reset.cancel">Keep it</Translate>
      </button>
    </div>
  );
}
