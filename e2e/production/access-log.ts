// The production server writes one JSON line per response (component "http"; see scripts/serve.ts).

export type LoggedResponse = { method: string; route: string; status: number; requestId: string };

/** Every response the server logged in `output`, in order (a line a SIGKILL cut short is left out). */
export function loggedResponses(output: string): LoggedResponse[] {
  return output.split("\n").flatMap((line) => {
    if (!line.startsWith("{") || !line.includes('"component":"http"')) return [];
    try {
      return [JSON.parse(line) as LoggedResponse];
    } catch {
      return [];
    }
  });
}

/** The server errors among them: anything 5xx but a 503 (the "try again in a moment" the app means to send). */
export const serverErrors = (output: string) => loggedResponses(output).filter((response) => response.status >= 500 && response.status !== 503);
