import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">Only for administrators</h1>
      <p className="mt-4">Your account can work leads, but this needs an administrator.</p>
      <p className="mt-6">
        <Link href="/admin/leads" className="font-semibold underline">
          Back to the leads
        </Link>
      </p>
    </main>
  );
}
