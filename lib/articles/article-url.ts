import { getConfig } from "@/lib/config";

/** The absolute, canonical address of an article. */
export function articleUrl(slug: string): string {
  return `${getConfig().APP_URL}/articles/${slug}`;
}

/**
 * The article's generated Open Graph image (app/(site)/articles/[slug]/opengraph-image.tsx). Next suffixes
 * image routes inside a route group with a hash of the group's path; the end-to-end tests check this
 * address against the og:image tag Next writes, so a change in that naming fails loudly.
 */
export function articleImageUrl(slug: string): string {
  return `${articleUrl(slug)}/opengraph-image-zcvdb6`;
}
