/** What the sign-in action sends back: the email as typed (never the password), and why not. */
export type SignInState = { email: string; error?: string; answer: number };
