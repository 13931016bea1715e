// A page without the scripts Next.js puts in it (its chunks, the inline RSC payload that repeats
// the page's text, the bootstrap) and without the links that preload them: plain HTML and CSS. Used
// on the reader pages as they are built (scripts/build/static-pages-without-js.ts) and on the
// booking pages as they are served (lib/http/edge/prospect-pages.ts).

const script = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const link = /<link\b([^>]*)>/gi;
const isDataBlock = (attributes: string) => /\btype="application\/ld\+json"/i.test(attributes);
const preloadsScript = (attributes: string) =>
  /\brel="modulepreload"/i.test(attributes) || (/\brel="preload"/i.test(attributes) && /\bas="script"/i.test(attributes));

/** The page without anything that runs or fetches a script; data blocks (`application/ld+json`) stay. */
export function withoutScripts(html: string): string {
  return html
    .replace(script, (tag, attributes: string) => (isDataBlock(attributes) ? tag : ""))
    .replace(link, (tag, attributes: string) => (preloadsScript(attributes) ? "" : tag));
}
