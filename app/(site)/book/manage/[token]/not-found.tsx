import Link from "next/link";
import { FirmContact } from "@/components/booking/firm-contact";

export default function UnknownManageLink() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">We could not find that booking</h1>
      <p className="mt-6 text-lg">
        The link may be incomplete: check that you opened the whole address from our email. If it still does not work, write or
        call us with your reference and we will sort it out.
      </p>
      <FirmContact />
      <p className="mt-8">
        <Link href="/book" className="font-semibold underline">
          Book a new call
        </Link>
      </p>
    </div>
  );
}
