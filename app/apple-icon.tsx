import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

const bar = (height: number) => <div style={{ width: 24, height, background: "#ffffff", borderRadius: 6 }} />;

// The favicon's mark (app/icon.svg) as the PNG that iOS puts on a home screen, made at build time.
export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "flex-end", justifyContent: "center", gap: 16, padding: 40, background: "#047857" }}>
        {bar(46)}
        {bar(74)}
        {bar(102)}
      </div>
    ),
    size,
  );
}
