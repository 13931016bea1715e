import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ZoneOffset } from "@/lib/booking/zone-option-label";
import { TimeZoneSelect } from "./time-zone-select";

const zones: ZoneOffset[] = [
  ["America/Chicago", -360],
  ["America/New_York", -300],
  ["Asia/Kolkata", 330],
];
const draw = (value: string) => renderToStaticMarkup(createElement(TimeZoneSelect, { value, zones }));
const options = (html: string) => [...html.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map(([, value, selected, label]) => ({ value, selected: Boolean(selected), label }));

describe("TimeZoneSelect", () => {
  it("lists every zone once with its offset, the chosen one selected, so the form without JavaScript sends it back", () => {
    expect(options(draw("America/New_York"))).toEqual([
      { value: "America/Chicago", selected: false, label: "America/Chicago (GMT-06:00)" },
      { value: "America/New_York", selected: true, label: "America/New_York (GMT-05:00)" },
      { value: "Asia/Kolkata", selected: false, label: "Asia/Kolkata (GMT+05:30)" },
    ]);
  });

  it("puts a zone the list spells differently first, selected, rather than showing another", () => {
    const drawn = options(draw("Asia/Calcutta"));
    expect(drawn[0]).toEqual({ value: "Asia/Calcutta", selected: true, label: "Asia/Calcutta" });
    expect(drawn.filter((option) => option.selected)).toHaveLength(1);
  });
});
