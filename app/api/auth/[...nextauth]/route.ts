import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";

// next-auth answers requests it finds malformed (a callbackUrl that is not a URL, a GET of the
// credentials callback) with a 500: they are the client's fault, so they get a 400.
const handler = async (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => {
  const response: Response = await NextAuth(authOptions())(request, context);
  return response.status >= 500 ? new Response("Bad request", { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } }) : response;
};

export { handler as GET, handler as POST };
