import table from "../targets.json" with { type: "json" };

/** One generator: its script, the folder it writes, what from, and what. */
export interface Target {
  script: string;
  dir: string;
  /** The file it generates from, relative to the repository root; the spec unless it says. */
  from?: string;
  writes: string;
}

/**
 * The generation table (scripts/targets.json): which script writes which folder from which file.
 * Each script wipes and rewrites only its own folder, so they can run in any order.
 */
export const targets: Record<TargetName, Target> = table;

export type TargetName = keyof typeof table;
