/** Small helpers for reporting benchmark figures. */
export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(2)} s`;
export const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const range = (values: readonly number[], format: (value: number) => string): string =>
  values.length > 1 ? `${format(Math.min(...values))}–${format(Math.max(...values))}` : format(values[0] ?? NaN);
