import type { StaffRole } from "@/lib/db/generated/client";

// What our Credentials provider's authorize returns, carried into the JWT on sign-in.
declare module "next-auth" {
  interface User {
    role?: StaffRole;
    sessionVersion?: number;
  }
}
