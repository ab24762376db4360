// Signing one order end to end with @nktkas/hyperliquid (what its exchange client does before POSTing):
// format price/size, build + validate + canonicalise the action, signL1Action (viem account), JSON body.
// Same action as bench/Halyard.Benchmarks/Signing/OrderSigningBenchmarks. Prints p50/p99 in µs.
// Usage: node bench-sign.mjs [iterations=2000] [warmup=300]
import * as v from "valibot";
import { canonicalize, signL1Action } from "@nktkas/hyperliquid/signing";
import { OrderRequest } from "@nktkas/hyperliquid/api/exchange";
import { formatPrice, formatSize } from "@nktkas/hyperliquid/utils";
import { privateKeyToAccount } from "viem/accounts";

const iterations = Number(process.argv[2] ?? 2000);
const warmup = Number(process.argv[3] ?? 300);
const wallet = privateKeyToAccount("0x0123456789012345678901234567890123456789012345678901234567890123");
const schema = v.object(OrderRequest.entries.action.entries);
let nonce = 1_700_000_000_000;

async function signOnce() {
  const p = formatPrice("97123.4567", 5, "perp");
  const s = formatSize("0.0123456", 5);
  const action = canonicalize(schema, v.parse(schema, {
    type: "order",
    orders: [{ a: 0, b: true, p, s, r: false, t: { limit: { tif: "Gtc" } }, c: "0x00000000000000000000000000000001" }],
    grouping: "na",
  }));
  const n = ++nonce;
  const signature = await signL1Action({ wallet, action, nonce: n });
  return JSON.stringify({ action, nonce: n, signature, vaultAddress: null });
}

for (let i = 0; i < warmup; i++) await signOnce();
const samples = new Float64Array(iterations);
const cpuStart = process.cpuUsage();
for (let i = 0; i < iterations; i++) {
  const t0 = process.hrtime.bigint();
  await signOnce();
  samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
}
const cpu = process.cpuUsage(cpuStart);
samples.sort();
const pct = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
console.log(JSON.stringify({
  library: "@nktkas/hyperliquid 0.33.3 + viem 2.57.20", node: process.version, iterations,
  p50_us: +pct(0.5).toFixed(1), p99_us: +pct(0.99).toFixed(1), min_us: +samples[0].toFixed(1),
  // CPU time per signature: less sensitive than wall time to other processes on a shared machine.
  cpu_us_per_op: +((cpu.user + cpu.system) / iterations).toFixed(1),
}));
