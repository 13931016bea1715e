// The only JavaScript the booking pages run. They are served without React (lib/http/edge/
// prospect-pages.ts) and work as plain form posts; this module, loaded by the page as a module
// script, adds what a script can do better, on every `form[data-enhance]`:
// - the browser's own zone on a form that was given none (`data-adopt-browser-zone`);
// - times that follow the zone at once: the form's own "Show times" is sent in the background and
//   the server's new picker swapped in, so the times are drawn by the same code with or without it;
// - the fields named in `data-check-fields` checked as the person leaves each, beside the field;
// - a button that says it is waiting, and one submission at a time.
import type { BookingField } from "@/lib/booking/booking-form-schema";
import { errorId, fieldErrorClass, fieldErrorPrefix } from "./field-ids";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function enhance(form: HTMLFormElement): void {
  const zoneSelect = form.querySelector<HTMLSelectElement>("select[name=timeZone]");
  const showTimes = form.querySelector<HTMLButtonElement>("button[data-show-times]");
  if (zoneSelect && showTimes) {
    showTimes.hidden = true;
    followZone(form, zoneSelect, showTimes);
    if (form.hasAttribute("data-adopt-browser-zone")) adoptBrowserZone(zoneSelect);
  }
  const checked = form.dataset.checkFields?.split(" ").filter(Boolean);
  if (checked?.length) checkFieldsOnLeaving(form, new Set(checked));
  waitOnSubmit(form);
}

function adoptBrowserZone(zoneSelect: HTMLSelectElement): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === zoneSelect.value) return;
  // The browser may spell its zone differently from the server's list (Asia/Kolkata, Asia/Calcutta).
  if (![...zoneSelect.options].some((option) => option.value === zone)) zoneSelect.prepend(new Option(zone, zone));
  zoneSelect.value = zone;
  zoneSelect.dispatchEvent(new Event("change"));
}

function followZone(form: HTMLFormElement, zoneSelect: HTMLSelectElement, showTimes: HTMLButtonElement): void {
  let latest = 0;
  zoneSelect.addEventListener("change", async () => {
    const request = ++latest;
    const picker = form.querySelector<HTMLElement>("[data-slot-picker]");
    picker?.setAttribute("aria-busy", "true");
    try {
      // The intent is set, not taken from the button as the submitter: a browser that ignores
      // FormData's second argument would otherwise send a booking.
      const body = new FormData(form);
      body.set(showTimes.name, showTimes.value);
      const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const redrawn = page.querySelector<HTMLElement>("form[data-enhance] [data-slot-picker]");
      if (!redrawn) throw new Error("no picker in the answer");
      if (request !== latest) return;
      const current = form.querySelector<HTMLElement>("[data-slot-picker]");
      // A time picked while the answer was on its way is kept: the answer has the one picked before.
      const picked = current?.querySelector<HTMLInputElement>("input[name=slot]:checked")?.value;
      const adopted = document.adoptNode(redrawn);
      current?.replaceWith(adopted);
      if (picked) pick(adopted, picked);
    } catch {
      // Offline, or the server could not answer: the person can still ask for the times by hand.
      if (request === latest) showTimes.hidden = false;
    } finally {
      if (request === latest) form.querySelector("[data-slot-picker]")?.removeAttribute("aria-busy");
    }
  });
}

/** Checks the time `value` in `picker`, and its day, so that the day's times are on view. */
function pick(picker: HTMLElement, value: string): void {
  const radio = [...picker.querySelectorAll<HTMLInputElement>("input[name=slot]")].find((input) => input.value === value);
  if (!radio) return;
  radio.checked = true;
  const dayRadio = radio.closest(".day-times")?.previousElementSibling?.previousElementSibling;
  if (dayRadio instanceof HTMLInputElement && dayRadio.name === "day") dayRadio.checked = true;
}

// zod is most of this script: it loads the first time the form is focused, not with the page. If
// it cannot load (offline for a moment), the next focus tries again, and the server checks every
// field when the form is sent.
let fieldCheck: Promise<typeof import("@/lib/booking/check-booking-field") | undefined> | undefined;
function loadFieldCheck() {
  fieldCheck ??= import("@/lib/booking/check-booking-field").catch(() => (fieldCheck = undefined));
  return fieldCheck;
}

function checkFieldsOnLeaving(form: HTMLFormElement, names: ReadonlySet<string>): void {
  form.addEventListener("focusin", () => void loadFieldCheck(), { once: true });
  form.addEventListener("focusout", async (event) => {
    const control = event.target;
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement)) return;
    if (!names.has(control.name)) return;
    const { value } = control;
    // A field left empty is not an error until the form is sent, unless the server already said so.
    if (value === "" && !control.hasAttribute("aria-invalid")) return;
    const check = await loadFieldCheck();
    if (check && control.value === value) showFieldError(control, check.checkBookingField(control.name as BookingField, value));
  });
}

/** The error beside a field, as the server draws it (form-field.tsx), or none; not announced, as the summary is only for sending. */
function showFieldError(control: Control, error: string | undefined): void {
  const id = errorId(control.name);
  let message = document.getElementById(id);
  const describedBy = new Set((control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
  if (!error) {
    message?.remove();
    control.removeAttribute("aria-invalid");
    describedBy.delete(id);
  } else {
    if (!message) {
      message = document.createElement("p");
      message.id = id;
      message.className = fieldErrorClass;
      control.before(message);
    }
    const prefix = document.createElement("span");
    prefix.className = "sr-only";
    prefix.textContent = fieldErrorPrefix;
    message.replaceChildren(prefix, error);
    control.setAttribute("aria-invalid", "true");
    describedBy.add(id);
  }
  if (describedBy.size) control.setAttribute("aria-describedby", [...describedBy].join(" "));
  else control.removeAttribute("aria-describedby");
}

function waitOnSubmit(form: HTMLFormElement): void {
  const button = form.querySelector<HTMLButtonElement>("button[data-pending-label]");
  if (!button) return;
  const label = button.textContent;
  let sending = false;
  form.addEventListener("submit", (event) => {
    if (sending) {
      event.preventDefault();
      return;
    }
    if (event.submitter !== button) return;
    sending = true;
    form.setAttribute("aria-busy", "true");
    button.textContent = button.dataset.pendingLabel ?? label;
    // Disabled once this submission is on its way (disabling the submitter first would stop it).
    setTimeout(() => (button.disabled = true));
  });
  // Back to this page from the next one (the browser's back-forward cache): it can be sent again.
  addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    sending = false;
    form.removeAttribute("aria-busy");
    button.textContent = label;
    button.disabled = false;
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-enhance]")) enhance(form);
