import table from "../targets.json" with { type: "json" };

/**
 * The spec-to-output table (scripts/targets.json): which script writes which folder. Each script
 * wipes and rewrites only its own folder, so they can run in any order.
 */
export const targets: Record<TargetName, { script: string; dir: string; writes: string }> = table;

export type TargetName = keyof typeof table;
