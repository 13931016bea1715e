import { describe, expect, it } from "vitest";
import type { Slot } from "./generate-slots";
import { nearestSlots } from "./nearest-slots";

const at = (time: string) => new Date(`2026-03-03T${time}:00.000Z`);
const slot = (time: string): Slot => ({ startsAt: at(time), endsAt: new Date(at(time).getTime() + 30 * 60_000) });
const starts = (slots: Slot[]) => slots.map((s) => s.startsAt.toISOString().slice(11, 16));

describe("nearestSlots", () => {
  // The 15:00 slot was just taken; these are the ones still open that day.
  const open = ["14:00", "14:30", "15:30", "16:00", "17:30", "18:00"].map(slot);

  it("offers the open times closest to the one that was taken, closest first, earlier first on a tie", () => {
    expect(starts(nearestSlots(open, at("15:00"), 3))).toEqual(["14:30", "15:30", "14:00"]);
  });

  it("looks only forward when nothing is open before the target", () => {
    expect(starts(nearestSlots(open, at("12:00"), 2))).toEqual(["14:00", "14:30"]);
  });

  it("orders by distance, not by time: a later slot can come before an earlier one", () => {
    expect(starts(nearestSlots(open, at("17:10"), 3))).toEqual(["17:30", "18:00", "16:00"]);
  });

  it("does not depend on the input order and does not change the input", () => {
    const shuffled = [open[4]!, open[0]!, open[5]!, open[2]!, open[1]!, open[3]!];
    const before = [...shuffled];
    expect(starts(nearestSlots(shuffled, at("15:00"), 3))).toEqual(["14:30", "15:30", "14:00"]);
    expect(shuffled).toEqual(before);
  });

  it("returns every slot when fewer than count are open, and nothing for a count of zero", () => {
    expect(nearestSlots(open, at("15:00"), 10)).toHaveLength(6);
    expect(nearestSlots(open, at("15:00"), 0)).toEqual([]);
    expect(nearestSlots([], at("15:00"), 3)).toEqual([]);
  });
});
