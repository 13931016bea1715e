import { getConfig } from "@/lib/config";

/** How to reach the firm, for pages where a person may need a human. */
export function FirmContact() {
  const { FIRM_NAME, FIRM_EMAIL, FIRM_PHONE } = getConfig();
  return (
    <address className="mt-6 not-italic" data-testid="firm-contact">
      <p className="font-semibold">{FIRM_NAME}</p>
      <p>
        <a className="underline" href={`mailto:${FIRM_EMAIL}`}>
          {FIRM_EMAIL}
        </a>
      </p>
      {FIRM_PHONE ? (
        <p>
          <a className="underline" href={`tel:${FIRM_PHONE.replace(/[^+\d]/g, "")}`}>
            {FIRM_PHONE}
          </a>
        </p>
      ) : null}
    </address>
  );
}
