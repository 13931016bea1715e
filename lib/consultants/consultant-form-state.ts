/** What a consultant's settings forms answer: what was typed (never a password), what to fix, and a word on success. */
export type ConsultantFormState = {
  values: Record<string, string | string[]>;
  errors: Partial<Record<string, string>>;
  saved?: string;
};
