// Run before each package's build (its `prebuild`): empties dist/, so a file whose source is
// gone is never packed. Plain JavaScript: it runs on every build, and tsx would add 0.3 s.
import { rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
