/** Median, min and max of a list of measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max - min) / median, as a fraction: how noisy the rounds were. */
  spread: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("no measurements");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  return { median, min, max, spread: median === 0 ? 0 : (max - min) / median, n: sorted.length };
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

export function formatRatio(value: number): string {
  return `${value >= 100 ? formatNumber(value) : value.toFixed(2)}x`;
}

export function formatSpread(summary: Summary): string {
  return `±${Math.round((summary.spread * 100) / 2)}%`;
}
