import type { Summary } from './stats.js';

/** `1,234` with `digits` decimals. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `median (min–max)`. */
export function med(summary: Summary, digits = 0): string {
  if (summary.n === 0) return 'n/a';
  if (summary.n === 1) return num(summary.median, digits);
  return `${num(summary.median, digits)} (${num(summary.min, digits)}–${num(summary.max, digits)})`;
}

/** `1.23×`, `(1.10–1.40)` range appended. */
export function ratio(summary: Summary): string {
  return `**${num(summary.median, 2)}×** (${num(summary.min, 2)}–${num(summary.max, 2)})`;
}

export function mib(bytes: number, digits = 1): string {
  return `${num(bytes / 2 ** 20, digits)} MiB`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
