/** Whether `value` is a UUID as PostgreSQL's uuid type reads it (anything else makes it throw). */
export const isUuid = (value: string | undefined): value is string =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value ?? "");
