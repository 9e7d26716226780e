/**
 * Shortens a secret-bearing value to something safe to show: enough to recognise which one it was,
 * never enough to use it.
 */
export function redact(value: string): string {
  if (value.length <= 8) return '[redacted]';
  return `${value.slice(0, 4)}…[redacted ${value.length} chars]`;
}
