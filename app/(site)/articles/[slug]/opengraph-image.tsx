import { ImageResponse } from "next/og";
import { getArticle, getArticles } from "@/lib/articles/load-articles";
import { getConfig } from "@/lib/config";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export function generateStaticParams() {
  return getArticles().map(({ slug }) => ({ slug }));
}

// ImageResponse's built-in font: the machine has no internet, so nothing is fetched.
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const article = getArticle((await params).slug);
  const { FIRM_NAME } = getConfig();
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "72px 80px",
          background: "#0b1120",
          color: "#f8fafc",
        }}
      >
        <div style={{ display: "flex", fontSize: 28, color: "#34d399", letterSpacing: 2 }}>OPERATIONS CONSULTING</div>
        <div style={{ display: "flex", fontSize: 68, lineHeight: 1.15 }}>{article?.title ?? FIRM_NAME}</div>
        <div style={{ display: "flex", fontSize: 32, color: "#cbd5e1" }}>{FIRM_NAME}</div>
      </div>
    ),
    size,
  );
}
