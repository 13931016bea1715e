// The ids and classes that tie a booking field to its label, hint and error: shared by the
// server-rendered form (form-field.tsx) and the script that checks fields as they are left
// (enhance-booking-forms.ts), which draws the same error beside a field.

export const fieldId = (name: string) => `field-${name}`;
export const errorId = (name: string) => `${name}-error`;
export const hintId = (name: string) => `${name}-hint`;

export const fieldErrorClass = "mt-1 text-sm font-medium text-red-700 dark:text-red-400";
export const fieldErrorPrefix = "Error: ";
