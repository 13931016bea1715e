/** The new-account form's answer: what was typed, what to fix, and the one-time password when made. */
export type AccountFormState = {
  values: { email: string; name: string; role: string };
  errors: Partial<Record<"email" | "name" | "role", string>>;
  created?: { email: string; password: string };
};
