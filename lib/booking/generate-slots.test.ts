import { describe, expect, it } from "vitest";
import type { Availability } from "./availability";
import { generateSlots, type Slot } from "./generate-slots";

const MINUTE = 60_000;

const weekdaysNineToFive: Availability = {
  timeZone: "America/New_York",
  workingDays: ["mon", "tue", "wed", "thu", "fri"],
  dayStart: "09:00",
  dayEnd: "17:00",
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeHours: 0,
  horizonDays: 30,
};

const everyDay: Availability["workingDays"] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function slotsFor(availability: Partial<Availability>, now: string, booked: Slot[] = []): Slot[] {
  return generateSlots({ availability: { ...weekdaysNineToFive, ...availability }, now: new Date(now), booked });
}

const starts = (slots: Slot[]) => slots.map((slot) => slot.startsAt.toISOString());

const slot = (startsAt: string, endsAt: string): Slot => ({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) });

/** "2026-03-08 09:00 EDT": what the wall clock in `timeZone` shows at `instant`. */
function wallClock(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** The slots on one calendar date in `timeZone` (a 23-hour day lets a one-day horizon reach the next). */
const onLocalDate = (slots: Slot[], timeZone: string, date: string) =>
  slots.filter((s) => wallClock(s.startsAt, timeZone).startsWith(date));

describe("generateSlots: a normal working day", () => {
  it("offers 16 half-hour slots from 09:00 to 16:30 in the firm's zone, sorted, each 30 minutes long", () => {
    // Monday 2 March 2026, 00:00 in New York (EST, UTC-5).
    const slots = slotsFor({ horizonDays: 1 }, "2026-03-02T05:00:00Z");
    expect(slots).toHaveLength(16);
    expect(starts(slots)[0]).toBe("2026-03-02T14:00:00.000Z");
    expect(starts(slots).at(-1)).toBe("2026-03-02T21:30:00.000Z");
    for (const [index, current] of slots.entries()) {
      expect(current.endsAt.getTime() - current.startsAt.getTime()).toBe(30 * MINUTE);
      const previous = slots[index - 1];
      if (previous) expect(current.startsAt.getTime()).toBeGreaterThan(previous.startsAt.getTime());
    }
  });

  it("never lets a slot run past dayEnd when slotMinutes does not divide the day", () => {
    const slots = slotsFor({ slotMinutes: 45, horizonDays: 1 }, "2026-03-02T05:00:00Z");
    expect(slots.map((s) => wallClock(s.startsAt, "America/New_York").slice(11, 16))).toEqual([
      "09:00", "09:45", "10:30", "11:15", "12:00", "12:45", "13:30", "14:15", "15:00", "15:45",
    ]);
    expect(wallClock(slots.at(-1)!.endsAt, "America/New_York")).toBe("2026-03-02 16:30 EST");
  });

  it("steps by slot plus buffer, and the last slot still ends by dayEnd", () => {
    const slots = slotsFor({ slotMinutes: 45, bufferMinutes: 20, horizonDays: 1 }, "2026-03-02T05:00:00Z");
    expect(slots.map((s) => wallClock(s.startsAt, "America/New_York").slice(11, 16))).toEqual([
      "09:00", "10:05", "11:10", "12:15", "13:20", "14:25", "15:30",
    ]);
    expect(wallClock(slots.at(-1)!.endsAt, "America/New_York")).toBe("2026-03-02 16:15 EST");
  });

  it("offers a slot that ends exactly at dayEnd", () => {
    const slots = slotsFor({ dayStart: "16:00", dayEnd: "17:00", slotMinutes: 60, horizonDays: 1 }, "2026-03-02T05:00:00Z");
    expect(starts(slots)).toEqual(["2026-03-02T21:00:00.000Z"]);
  });
});

describe("generateSlots: working days", () => {
  it("skips Saturday and Sunday with the default Monday-to-Friday week", () => {
    // Friday 6 March 2026, 00:00 New York, for four days: Fri, Sat, Sun, Mon.
    const slots = slotsFor({ dayStart: "09:00", dayEnd: "10:00", slotMinutes: 60, horizonDays: 4 }, "2026-03-06T05:00:00Z");
    expect(slots.map((s) => wallClock(s.startsAt, "America/New_York"))).toEqual([
      "2026-03-06 09:00 EST",
      "2026-03-09 09:00 EDT",
    ]);
  });

  it("judges the weekday in the firm's zone, not in UTC", () => {
    // Saturday 08:00 in Tokyo is Friday 23:00 UTC.
    const tokyo = { timeZone: "Asia/Tokyo", dayStart: "08:00", dayEnd: "09:00", slotMinutes: 60, horizonDays: 3 };
    const fridayEvening = "2026-03-06T10:00:00Z"; // Friday 19:00 in Tokyo
    expect(starts(slotsFor({ ...tokyo, workingDays: ["sat"] }, fridayEvening))).toEqual(["2026-03-06T23:00:00.000Z"]);
    expect(starts(slotsFor({ ...tokyo, workingDays: ["fri"] }, fridayEvening))).toEqual([]);
  });
});

describe("generateSlots: minimum notice and horizon", () => {
  // Monday 2 March 2026 09:30 New York; 24 hours' notice reaches Tuesday 09:30.
  it("includes a slot starting exactly at now + notice", () => {
    const slots = slotsFor({ minNoticeHours: 24, horizonDays: 2 }, "2026-03-02T14:30:00Z");
    expect(starts(slots)[0]).toBe("2026-03-03T14:30:00.000Z");
    expect(starts(slots)).not.toContain("2026-03-03T14:00:00.000Z");
  });

  it("excludes a slot starting one minute before now + notice", () => {
    const slots = slotsFor({ minNoticeHours: 24, horizonDays: 2 }, "2026-03-02T14:31:00Z");
    expect(starts(slots)[0]).toBe("2026-03-03T15:00:00.000Z");
  });

  it("includes a slot starting exactly at now + horizon and nothing after it", () => {
    const slots = slotsFor({ horizonDays: 1 }, "2026-03-02T14:00:00Z");
    expect(starts(slots)[0]).toBe("2026-03-02T14:00:00.000Z");
    expect(starts(slots).at(-1)).toBe("2026-03-03T14:00:00.000Z");
    expect(slots).toHaveLength(17);
  });

  it("excludes a slot starting one minute after now + horizon", () => {
    const slots = slotsFor({ horizonDays: 1 }, "2026-03-02T13:59:00Z");
    expect(starts(slots).at(-1)).toBe("2026-03-02T21:30:00.000Z");
  });

  it("offers nothing when the notice reaches past the horizon", () => {
    expect(slotsFor({ minNoticeHours: 48, horizonDays: 1 }, "2026-03-02T05:00:00Z")).toEqual([]);
  });
});

describe("generateSlots: booked ranges and buffers", () => {
  const tuesday = (time: string) => `2026-03-03T${time}:00.000Z`; // EST: local = UTC - 5h
  const day = { horizonDays: 1 };
  const now = "2026-03-03T05:00:00Z";

  it("removes a booked slot and keeps its neighbours", () => {
    const slots = slotsFor(day, now, [slot(tuesday("15:00"), tuesday("15:30"))]);
    expect(starts(slots)).not.toContain(tuesday("15:00"));
    expect(starts(slots)).toContain(tuesday("14:30"));
    expect(starts(slots)).toContain(tuesday("15:30"));
    expect(slots).toHaveLength(15);
  });

  it("removes both slots that an unaligned booking overlaps", () => {
    const slots = slotsFor(day, now, [slot(tuesday("15:15"), tuesday("15:45"))]);
    expect(starts(slots)).not.toContain(tuesday("15:00"));
    expect(starts(slots)).not.toContain(tuesday("15:30"));
    expect(starts(slots)).toContain(tuesday("14:30"));
    expect(starts(slots)).toContain(tuesday("16:00"));
    expect(slots).toHaveLength(14);
  });

  it("removes every slot under a long booking", () => {
    const slots = slotsFor(day, now, [slot(tuesday("15:00"), tuesday("17:00"))]);
    expect(starts(slots).filter((start) => start >= tuesday("15:00") && start < tuesday("17:00"))).toEqual([]);
    expect(slots).toHaveLength(12);
  });

  describe("with a 15-minute buffer (slots at 09:00, 09:45, 10:30, 11:15, 12:00 …)", () => {
    const buffered = { ...day, bufferMinutes: 15 };

    it("blocks the slot after a booking that ends less than the buffer before it", () => {
      // Booking 10:40-11:01 local: the 11:15 slot is only 14 minutes later.
      const slots = slotsFor(buffered, now, [slot(tuesday("15:40"), tuesday("16:01"))]);
      expect(starts(slots)).not.toContain(tuesday("16:15"));
      expect(starts(slots)).not.toContain(tuesday("15:30"));
      expect(starts(slots)).toContain(tuesday("17:00"));
    });

    it("keeps the slot after a booking that ends exactly the buffer before it", () => {
      const slots = slotsFor(buffered, now, [slot(tuesday("15:40"), tuesday("16:00"))]);
      expect(starts(slots)).toContain(tuesday("16:15"));
      expect(starts(slots)).not.toContain(tuesday("15:30"));
    });

    it("blocks the slot before a booking that starts less than the buffer after it", () => {
      // Slot 09:45-10:15 local; a booking at 10:29 is 14 minutes after it.
      const slots = slotsFor(buffered, now, [slot(tuesday("15:29"), tuesday("15:31"))]);
      expect(starts(slots)).not.toContain(tuesday("14:45"));
      expect(starts(slots)).not.toContain(tuesday("15:30"));
      expect(starts(slots)).toContain(tuesday("14:00"));
    });

    it("keeps the slot before a booking that starts exactly the buffer after it", () => {
      const slots = slotsFor(buffered, now, [slot(tuesday("15:30"), tuesday("16:00"))]);
      expect(starts(slots)).toContain(tuesday("14:45"));
      expect(starts(slots)).not.toContain(tuesday("15:30"));
      expect(starts(slots)).toContain(tuesday("16:15"));
    });
  });

  it("ignores empty and inverted ranges", () => {
    const slots = slotsFor(day, now, [slot(tuesday("15:10"), tuesday("15:10")), slot(tuesday("16:10"), tuesday("16:00"))]);
    expect(slots).toHaveLength(16);
  });

  it("agrees with a slot-by-slot check for unsorted, overlapping and nested bookings across a month", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const availability = { ...weekdaysNineToFive, bufferMinutes: 10 };
    const now = new Date("2026-03-02T05:00:00Z");
    const booked = Array.from({ length: 300 }, () => {
      const start = now.getTime() + Math.floor(random() * 30 * 24 * 60) * MINUTE;
      return { startsAt: new Date(start), endsAt: new Date(start + (1 + Math.floor(random() * 180)) * MINUTE) };
    });
    const all = generateSlots({ availability, now, booked: [] });
    const buffer = 10 * MINUTE;
    const expected = all.filter(
      (s) => !booked.some((b) => +s.startsAt < +b.endsAt + buffer && +b.startsAt < +s.endsAt + buffer),
    );
    const actual = generateSlots({ availability, now, booked });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(starts(actual)).toEqual(starts(expected));
  });
});

describe("generateSlots: daylight saving time", () => {
  const morning = { workingDays: everyDay, dayStart: "09:00", dayEnd: "09:30", horizonDays: 4 };

  it("keeps 09:00 in New York across spring forward (8 March 2026)", () => {
    const slots = slotsFor({ ...morning, timeZone: "America/New_York" }, "2026-03-06T05:00:00Z");
    expect(starts(slots)).toEqual([
      "2026-03-06T14:00:00.000Z",
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
    ]);
    expect(slots.map((s) => wallClock(s.startsAt, "America/New_York"))).toEqual([
      "2026-03-06 09:00 EST",
      "2026-03-07 09:00 EST",
      "2026-03-08 09:00 EDT",
      "2026-03-09 09:00 EDT",
    ]);
  });

  it("keeps 09:00 in New York across fall back (1 November 2026)", () => {
    const slots = slotsFor({ ...morning, timeZone: "America/New_York" }, "2026-10-30T04:00:00Z");
    expect(starts(slots)).toEqual([
      "2026-10-30T13:00:00.000Z",
      "2026-10-31T13:00:00.000Z",
      "2026-11-01T14:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
    ]);
  });

  it("keeps 09:00 in London across spring forward (29 March 2026)", () => {
    const slots = slotsFor({ ...morning, timeZone: "Europe/London" }, "2026-03-27T00:00:00Z");
    expect(starts(slots)).toEqual([
      "2026-03-27T09:00:00.000Z",
      "2026-03-28T09:00:00.000Z",
      "2026-03-29T08:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
  });

  it("keeps 09:00 in London across fall back (25 October 2026)", () => {
    const slots = slotsFor({ ...morning, timeZone: "Europe/London" }, "2026-10-23T00:00:00Z");
    expect(starts(slots)).toEqual([
      "2026-10-23T08:00:00.000Z",
      "2026-10-24T08:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
    ]);
  });

  describe("working hours that span the change (01:00-04:00 local)", () => {
    const night = { workingDays: everyDay, dayStart: "01:00", dayEnd: "04:00", horizonDays: 1 };

    it("New York spring forward: the skipped hour is not offered, every slot lasts 30 minutes", () => {
      const all = slotsFor({ ...night, timeZone: "America/New_York" }, "2026-03-08T05:00:00Z");
      const slots = onLocalDate(all, "America/New_York", "2026-03-08");
      expect(slots.map((s) => wallClock(s.startsAt, "America/New_York"))).toEqual([
        "2026-03-08 01:00 EST",
        "2026-03-08 01:30 EST",
        "2026-03-08 03:00 EDT",
        "2026-03-08 03:30 EDT",
      ]);
      expect(starts(slots)).toEqual([
        "2026-03-08T06:00:00.000Z",
        "2026-03-08T06:30:00.000Z",
        "2026-03-08T07:00:00.000Z",
        "2026-03-08T07:30:00.000Z",
      ]);
      expect(slots.at(-1)!.endsAt.toISOString()).toBe("2026-03-08T08:00:00.000Z");
    });

    it("New York fall back: the repeated hour is offered twice, from the first 01:00", () => {
      const all = slotsFor({ ...night, timeZone: "America/New_York" }, "2026-11-01T04:00:00Z");
      const slots = onLocalDate(all, "America/New_York", "2026-11-01");
      expect(slots.map((s) => wallClock(s.startsAt, "America/New_York"))).toEqual([
        "2026-11-01 01:00 EDT",
        "2026-11-01 01:30 EDT",
        "2026-11-01 01:00 EST",
        "2026-11-01 01:30 EST",
        "2026-11-01 02:00 EST",
        "2026-11-01 02:30 EST",
        "2026-11-01 03:00 EST",
        "2026-11-01 03:30 EST",
      ]);
      expect(starts(slots)[0]).toBe("2026-11-01T05:00:00.000Z");
      expect(slots.at(-1)!.endsAt.toISOString()).toBe("2026-11-01T09:00:00.000Z");
    });

    it("London spring forward: a dayStart the clock skips opens at the change itself", () => {
      // At 01:00 GMT the clock jumps to 02:00 BST, so 01:00 local never happens.
      const all = slotsFor({ ...night, timeZone: "Europe/London" }, "2026-03-29T00:00:00Z");
      const slots = onLocalDate(all, "Europe/London", "2026-03-29");
      expect(slots.map((s) => wallClock(s.startsAt, "Europe/London"))).toEqual([
        "2026-03-29 02:00 GMT+1",
        "2026-03-29 02:30 GMT+1",
        "2026-03-29 03:00 GMT+1",
        "2026-03-29 03:30 GMT+1",
      ]);
      expect(starts(slots)[0]).toBe("2026-03-29T01:00:00.000Z");
    });

    it("London fall back: opens at the first 01:00 (BST) and closes at 04:00 GMT", () => {
      const all = slotsFor({ ...night, timeZone: "Europe/London" }, "2026-10-24T23:00:00Z");
      const slots = onLocalDate(all, "Europe/London", "2026-10-25");
      expect(starts(slots)[0]).toBe("2026-10-25T00:00:00.000Z");
      expect(wallClock(slots[0]!.startsAt, "Europe/London")).toBe("2026-10-25 01:00 GMT+1");
      expect(slots).toHaveLength(8);
      expect(slots.at(-1)!.endsAt.toISOString()).toBe("2026-10-25T04:00:00.000Z");
    });

    it("a dayEnd the clock skips closes at the change: nothing runs past 02:30 local", () => {
      const all = slotsFor(
        { workingDays: everyDay, dayStart: "00:00", dayEnd: "02:30", horizonDays: 1, timeZone: "America/New_York" },
        "2026-03-08T05:00:00Z",
      );
      const slots = onLocalDate(all, "America/New_York", "2026-03-08");
      expect(slots.map((s) => wallClock(s.startsAt, "America/New_York").slice(11))).toEqual([
        "00:00 EST",
        "00:30 EST",
        "01:00 EST",
        "01:30 EST",
      ]);
      expect(slots.at(-1)!.endsAt.toISOString()).toBe("2026-03-08T07:00:00.000Z");
    });
  });
});

describe("generateSlots: input checks and speed", () => {
  it("rejects a non-positive slot length and a malformed clock time", () => {
    expect(() => slotsFor({ slotMinutes: 0 }, "2026-03-02T05:00:00Z")).toThrow(RangeError);
    expect(() => slotsFor({ dayStart: "9:00" }, "2026-03-02T05:00:00Z")).toThrow(/HH:MM/);
    expect(() => slotsFor({ dayEnd: "17:60" }, "2026-03-02T05:00:00Z")).toThrow(/HH:MM/);
  });

  it("computes 30 days of slots around 200 bookings, none of them overlapping one", () => {
    const now = new Date("2026-03-02T05:00:00Z");
    const booked = Array.from({ length: 200 }, (_, index) => {
      const start = now.getTime() + index * 3 * 60 * MINUTE;
      return { startsAt: new Date(start), endsAt: new Date(start + 30 * MINUTE) };
    });
    const slots = generateSlots({ availability: weekdaysNineToFive, now, booked });
    expect(slots.length).toBeGreaterThan(250);
    for (const slot of slots) expect(booked.some((busy) => busy.startsAt < slot.endsAt && slot.startsAt < busy.endsAt)).toBe(false);
  });
});

describe("generateSlots within a window", () => {
  const availability: Availability = { ...weekdaysNineToFive, minNoticeHours: 24 };
  const now = new Date("2026-11-30T13:00:00.000Z");

  it("finds exactly the offered slot that starts at a given instant, and nothing for one not offered", () => {
    const all = generateSlots({ availability, now, booked: [] });
    const pick = all[7]!;
    expect(generateSlots({ availability, now, booked: [], within: { from: pick.startsAt, to: pick.startsAt } })).toEqual([pick]);
    const offGrid = new Date(pick.startsAt.getTime() + 10 * 60_000);
    expect(generateSlots({ availability, now, booked: [], within: { from: offGrid, to: offGrid } })).toEqual([]);
  });

  it("still applies notice and horizon", () => {
    const tooSoon = new Date("2026-11-30T15:00:00.000Z");
    expect(generateSlots({ availability, now, booked: [], within: { from: tooSoon, to: tooSoon } })).toEqual([]);
  });
});
