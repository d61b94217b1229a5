import type { ProgressEvent, StepResult } from "../report.js";

/** Where progress goes: a stream, and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Progress as an `onProgress` handler, and `finish()` to clear the terminal's line. */
export interface ProgressReporter {
  readonly onProgress: (event: ProgressEvent) => void;
  finish(): void;
}

const CLEAR_LINE = "\r\u001b[2K";

function counter(index: number, total: number): string {
  return `[${String(index + 1).padStart(String(total).length)}/${total}]`;
}

function ending(result: StepResult): string {
  if (result.verdict === "skip") return `skip (${result.skipReason})`;
  const status = result.status === undefined ? "-" : String(result.status);
  return `${result.verdict === "pass" ? "pass" : "FAIL"} ${status} ${result.durationMs} ms`;
}

/**
 * On a terminal: one line that is rewritten as each step starts and ends. Elsewhere (a CI log, a
 * pipe): one plain line per finished step and per cleanup result.
 */
export function progressReporter(stream: ProgressStream): ProgressReporter {
  const tty = stream.isTTY === true;
  let shown = false;
  const line = (text: string) => {
    if (tty) {
      stream.write(`${CLEAR_LINE}${text}`);
      shown = true;
    } else stream.write(`${text}\n`);
  };
  return {
    onProgress: (event) => {
      switch (event.type) {
        case "step-start":
          if (tty) line(`${counter(event.index, event.total)} ${event.name} …`);
          break;
        case "step-end":
          line(
            `${counter(event.index, event.total)} ${event.result.name}: ${ending(event.result)}`,
          );
          break;
        case "created":
          if (!tty) line(`created user ${event.id}${event.email ? ` (${event.email})` : ""}`);
          break;
        case "cleanup":
          line(
            `cleanup: ${event.result.outcome} ${event.result.id ?? ""} ${event.result.email ?? ""}`.trimEnd(),
          );
          if (tty) stream.write("\n");
          shown = false;
          break;
      }
    },
    finish: () => {
      if (tty && shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
