/** One JSON line per measurement, so the output can be collected by any tool. */
export function report(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
