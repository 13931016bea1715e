import Link from "next/link";

export default function Unauthorized() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">Please sign in</h1>
      <p className="mt-4">This needs a staff account.</p>
      <p className="mt-6">
        <Link href="/admin/sign-in" className="font-semibold underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
