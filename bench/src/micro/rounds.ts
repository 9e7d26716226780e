/** CPU µs per call of each case, one call at a time, rounds interleaved: what the micro-benchmarks print. */
export async function compareCases(
  cases: ReadonlyArray<readonly [string, () => Promise<unknown>]>,
  options: { readonly rounds: number; readonly calls: number; readonly what: string },
): Promise<void> {
  const cpu = (): number => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  const window = async (fn: () => Promise<unknown>): Promise<number> => {
    const start = cpu();
    for (let i = 0; i < options.calls; i += 1) await fn();
    return (cpu() - start) / options.calls;
  };
  for (const [, fn] of cases) await window(fn); // warm-up
  const samples = new Map(cases.map(([name]) => [name, [] as number[]]));
  for (let round = 0; round < options.rounds; round += 1) for (const [name, fn] of cases) samples.get(name)!.push(await window(fn));
  console.log(`node ${process.version}, ${options.rounds} rounds of ${options.calls} ${options.what}, one at a time; CPU µs per call, median (min–max)`);
  for (const [name, values] of samples) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${sorted[sorted.length >> 1]!.toFixed(1).padStart(7)} (${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)})  ${name}`);
  }
}
