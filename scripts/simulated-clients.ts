/**
 * Client addresses for benchmark and load runs on loopback. The API rate-limits per client address (60 uploads a
 * minute in wrangler.toml); `wrangler dev` keeps a CF-Connecting-IP header the client sends, so giving each request
 * its own address lets a run measure the analysis instead of the limiter. In production Cloudflare sets the header
 * itself and a client cannot choose it.
 */
export function simulatedClientAddress(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}
