/** One row of the results table: a pair measured side by side and its ratio. */
export interface Row {
  pair: string;
  ours: string;
  theirs: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

export interface Section {
  title: string;
  rows: Row[];
  details: string[];
}

export function markdownTable(rows: Row[]): string {
  const lines = [
    "| pair | ours | alternative | ratio | target | met |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.pair} | ${r.ours} | ${r.theirs} | **${r.ratio}** | ${r.target} | ${r.met === null ? "n/a" : r.met ? "yes" : "**no**"} |`,
    ),
  ];
  return lines.join("\n");
}
