/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "pg"],
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
};

export default nextConfig;
