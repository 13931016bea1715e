import type { MetadataRoute } from "next";
import { getConfig } from "@/lib/config";

export default function manifest(): MetadataRoute.Manifest {
  const { FIRM_NAME } = getConfig();
  return {
    name: `${FIRM_NAME}: operations consulting`,
    short_name: FIRM_NAME,
    description: "Articles on running operations, and a free consultation with the firm.",
    start_url: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#047857",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
