/** What the move action sends back to its form: the time chosen, and what to fix. */
export type MoveFormState = {
  slot?: string;
  timeZone?: string;
  slotError?: string;
  formError?: string;
  /** Open times nearest the one that was refused, as ISO instants, offered first. */
  nearest?: string[];
  answer: number;
};
