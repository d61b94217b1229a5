/** Every step conformed and nothing was left behind. */
export const EXIT_CONFORMS = 0;
/** A violation, or a user cleanup could not delete. */
export const EXIT_VIOLATIONS = 1;
/** The command line or an option cannot be used. */
export const EXIT_USAGE = 2;

/** 128 + the signal's number, as shells report a process ended by it (SIGINT 130, SIGTERM 143). */
export function exitCodeOfSignal(signal: "SIGINT" | "SIGTERM"): number {
  return signal === "SIGINT" ? 130 : 143;
}
