/**
 * V8 flags for the process that runs Berth's main side: the Electron main process (the launcher
 * behind `npm start` passes them on Electron's command line, the only way they reach its main
 * process) and the web host (`npm run web`, and `npm start` where Electron cannot open: the
 * package.json scripts pass them to node; main-process-flags.test.ts keeps the two in step).
 *
 * A young generation of at most 4 MB per semi-space (V8's default grows to 16 MB). A command
 * printing fast hands main one new 4 KB buffer per PTY read, 25,000 per 100 MB, each with memory
 * outside V8's heap. With the large young generation V8 kept starting full (mark-compact)
 * collections of the whole heap during a flood, 8-11 per 100 MB in the terminal throughput bench,
 * instead of cheap young-generation ones; with 4 MB, 2-3, and main's CPU per 100 MB went from
 * 1.6-2.0 s to 1.0-1.9 s (end to end 35-44 MB/s to 39-61 MB/s, alternating runs). The cluster
 * scale bench (5,000 nodes, 150,000 pods) showed no difference beyond its run-to-run spread: main's
 * longest stall during the list 157 / 186 ms with it and 173 ms without, under churn 41 / 280 ms
 * with it and 237 ms without (earlier, young-generation pauses in the list: 54 ms at 4 MB, 57 at 16).
 */
export const MAIN_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/** The flags as Electron's `--js-flags` switch. */
export function electronJsFlags(): string {
  return `--js-flags=${MAIN_V8_FLAGS.join(' ')}`;
}
