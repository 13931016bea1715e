import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddressOf } from "../http/edge/client-address-header";
import { getConfig } from "../config";
import { getPrisma } from "../db/database";
import { authSettingsFromConfig } from "./auth-settings";
import { authenticate } from "./authenticate";
import { safeCallbackPath } from "./safe-callback-path";

/**
 * next-auth's configuration, for its route handler (/api/auth/*): email and password through the
 * Credentials provider, JWT sessions (the only kind it allows with Credentials) that expire after
 * SESSION_HOURS. Our sign-in page posts to a server action that checks the same way and writes the
 * same cookie, so it can keep what was typed; sign-out and the session check are in lib/auth.
 */
export function authOptions(): NextAuthOptions {
  const config = getConfig();
  const settings = authSettingsFromConfig(config);
  process.env.NEXTAUTH_URL ??= config.APP_URL;
  return {
    secret: settings.secret,
    useSecureCookies: settings.secureCookies,
    session: { strategy: "jwt", maxAge: settings.sessionHours * 3600 },
    jwt: { maxAge: settings.sessionHours * 3600 },
    pages: { signIn: "/admin/sign-in", error: "/admin/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const ip = clientAddressOf(request.headers);
          const outcome = await authenticate(await getPrisma(), { email: credentials?.email ?? "", password: credentials?.password ?? "", ip }, settings);
          if (outcome.kind !== "signed-in") return null;
          const { user } = outcome;
          return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is what authorize returned, on sign-in only.
        if (user?.sessionVersion !== undefined) Object.assign(token, { role: user.role, sv: user.sessionVersion });
        return token;
      },
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url)}`;
      },
    },
  };
}
