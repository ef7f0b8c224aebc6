/** The argv flags that start this bench's file as one of the scale suite's child processes (cluster-scale.ts). */
export const SCALE_SIMULATOR_FLAG = '--berth-scale-simulator';
export const SCALE_MAIN_FLAG = '--berth-scale-main';

/** True in either child process of the scale suite (they must not exit when the bench's main() returns). */
export function isScaleBenchChild(argv: readonly string[] = process.argv): boolean {
  return argv.includes(SCALE_SIMULATOR_FLAG) || argv.includes(SCALE_MAIN_FLAG);
}
