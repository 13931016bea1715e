import { ButtonLink } from "@/components/ui/button-link";
import { getConfig } from "@/lib/config";

export function ConsultationCta() {
  const { CONSULTATION_MINUTES } = getConfig();
  return (
    <section
      aria-labelledby="consultation-cta-title"
      className="mt-12 rounded-2xl border border-emerald-200 bg-emerald-50 p-6 sm:p-8 dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      <p id="consultation-cta-title" className="text-xl font-semibold tracking-tight text-slate-900 dark:text-white">
        Talk to us about your operations
      </p>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Deciding between a COO and a VP of Operations, or wondering whether your organization needs a new shape? Book a
        free {CONSULTATION_MINUTES}-minute consultation and we will look at it with you.
      </p>
      <div className="mt-5">
        <ButtonLink href="/book">Book a consultation</ButtonLink>
      </div>
    </section>
  );
}
