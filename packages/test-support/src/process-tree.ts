import { readdirSync, readFileSync } from "node:fs";

/** Fields 3 onwards of /proc/<pid>/stat ("state ppid pgrp ..."); comm may hold spaces and ")". */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** The process group of a running process. */
export function processGroup(pid: number): number {
  return Number(statFields(pid)[2]);
}

/** The parent of every process now running, read from Linux's /proc. */
function parents(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      byPid.set(Number(entry), Number(statFields(entry)[1]));
    } catch {
      // The process ended while /proc was read.
    }
  }
  return byPid;
}

/** Every process below `root` now (children, their children, ...). */
export function descendants(root: number): number[] {
  const byPid = parents();
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const [pid, ppid] of byPid) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

/** True while a process with this id exists (a zombie counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    return statFields(pid)[0] !== "Z";
  } catch {
    return false;
  }
}

/**
 * Records every process that appears below `root` until `stop()` is called, polling every
 * `interval` ms, so that a process started and ended in between is seen too.
 */
export function watchDescendants(root: number, interval = 50) {
  const seen = new Set<number>();
  const poll = () => {
    for (const pid of descendants(root)) seen.add(pid);
  };
  poll();
  const timer = setInterval(poll, interval);
  return {
    seen: () => {
      poll();
      return [...seen];
    },
    stop: () => clearInterval(timer),
  };
}
