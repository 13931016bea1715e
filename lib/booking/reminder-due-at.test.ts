import { describe, expect, it } from "vitest";
import { reminderDueAt } from "./reminder-due-at";

describe("when the reminder is due", () => {
  const bookedAt = new Date("2027-03-01T12:00:00Z");

  it("24 real hours before the call, across New York's spring-forward: 9:00 EST the day before a 10:00 EDT call", () => {
    // Clocks in New York go forward at 2:00 on Sunday 14 March 2027.
    const call = new Date("2027-03-14T14:00:00Z"); // 10:00 EDT
    const due = reminderDueAt(call, 24, bookedAt)!;
    expect(due.toISOString()).toBe("2027-03-13T14:00:00.000Z");
    expect(due.toLocaleTimeString("en-US", { timeZone: "America/New_York", hour: "numeric", minute: "2-digit" })).toBe("9:00 AM");
  });

  it("across London's autumn change: 11:00 BST the day before a 10:00 GMT call", () => {
    const call = new Date("2026-10-25T10:00:00Z"); // 10:00 GMT, hours after clocks went back at 2:00 BST
    const due = reminderDueAt(call, 24, new Date("2026-10-01T00:00:00Z"))!;
    expect(due.toISOString()).toBe("2026-10-24T10:00:00.000Z");
    expect(due.toLocaleTimeString("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" })).toBe("11:00");
  });

  it("is none for a call booked inside the window, and none when reminders are off", () => {
    const call = new Date(bookedAt.getTime() + 23 * 3_600_000);
    expect(reminderDueAt(call, 24, bookedAt)).toBeNull();
    expect(reminderDueAt(new Date("2027-04-01T14:00:00Z"), 0, bookedAt)).toBeNull();
  });
});
