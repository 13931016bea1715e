import type { Slot } from "./generate-slots";

/** The `count` slots starting closest to `target`, closest first; on a tie, the earlier one first. */
export function nearestSlots(slots: Slot[], target: Date, count: number): Slot[] {
  if (!(count > 0)) return [];
  const at = target.getTime();
  const distance = (slot: Slot) => Math.abs(slot.startsAt.getTime() - at);
  return [...slots]
    .sort((a, b) => distance(a) - distance(b) || a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, count);
}
