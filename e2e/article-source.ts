import { readFileSync } from "node:fs";

/** The article as the firm wrote it: a byte-for-byte copy of the source text, the yardstick for the page. */
const lines = readFileSync(new URL("./fixtures/vp-of-operations-vs-coo.txt", import.meta.url), "utf8").split("\n");

export const sections = [
  "Understanding the VP of Operations Role",
  "Unveiling the Role of a COO",
  "Collaborative Efforts: VP of Operations and COO",
  "The Bottom Line",
];

export const source = {
  slug: "vp-of-operations-vs-coo",
  title: lines[0]!,
  keyword: lines.at(-1)!,
  paragraphs: lines.slice(1, -1).filter((line) => !sections.includes(line)),
};
