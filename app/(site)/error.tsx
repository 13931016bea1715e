"use client";

import { useEffect } from "react";

/** When a page cannot be drawn (say, the database is down): an apology and a way forward, not a stack trace. */
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">This page could not be loaded</h1>
      <p className="mt-4 text-lg">
        Something went wrong on our side. Nothing you sent us was lost: a booking is only confirmed once it is saved. Please try
        again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-emerald-700 px-5 py-3 font-semibold text-white hover:bg-emerald-800 dark:bg-emerald-400 dark:text-slate-950"
      >
        Try again
      </button>
    </div>
  );
}
