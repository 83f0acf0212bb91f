/**
 * Appends items to an array in place. `target.push(...items)` passes every item as an argument, and a
 * long list (a paragraph of 100,000 lines) overflows the stack.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
