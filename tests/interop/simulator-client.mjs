// Drives a Halyard simulator with the third-party SDK @nktkas/hyperliquid, pointed at local URLs.
// stdin: {"apiUrl":"http://127.0.0.1:PORT","wsUrl":"ws://127.0.0.1:PORT/ws","privateKey":"0x…"}
// stdout: {"responses":{name: response}, "events":{channel: [data…]}} — the C# test compares them with the
// fixtures' shapes, because the SDK itself does not validate response shapes (CLIENTS.md).
// Node 20 needs --experimental-websocket (no global WebSocket otherwise).
import { readFileSync } from "node:fs";
import {
  ExchangeClient, HttpTransport, InfoClient, SubscriptionClient, WebSocketTransport,
} from "@nktkas/hyperliquid";
import { privateKeyToAccount } from "viem/accounts";

const input = JSON.parse(readFileSync(0, "utf8"));
const wallet = privateKeyToAccount(input.privateKey);
const user = wallet.address.toLowerCase();
const http = new HttpTransport({ apiUrl: input.apiUrl, isTestnet: true, timeout: 10_000 });
const ws = new WebSocketTransport({ url: input.wsUrl, isTestnet: true, reconnect: { maxRetries: 0 } });
const info = new InfoClient({ transport: http });
const exchange = new ExchangeClient({ transport: http, wallet });
const subs = new SubscriptionClient({ transport: ws });

const responses = {};
const events = { l2Book: [], trades: [], orderUpdates: [], userFills: [] };
const until = async (predicate, what, ms = 8000) => {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(events).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

try {
  responses.meta = await info.meta();
  responses.metaAndAssetCtxs = await info.metaAndAssetCtxs();
  responses.allMids = await info.allMids();
  responses.l2Book = await info.l2Book({ coin: "ETH" });
  const eth = responses.meta.universe.findIndex((c) => c.name === "ETH");
  const mid = Number(responses.allMids.ETH);

  const subscriptions = [
    await subs.l2Book({ coin: "ETH" }, (d) => events.l2Book.push(d)),
    await subs.trades({ coin: "ETH" }, (d) => events.trades.push(d)),
    await subs.orderUpdates({ user }, (d) => events.orderUpdates.push(d)),
    await subs.userFills({ user }, (d) => events.userFills.push(d)),
  ];
  await until(() => events.userFills.length >= 1 && events.l2Book.length >= 1, "the userFills snapshot and a book");

  // A resting bid 10% below the mid, then modify it, then cancel it.
  const restPx = (Math.floor(mid * 0.9 * 10) / 10).toFixed(1);
  responses.order = await exchange.order({
    orders: [{ a: eth, b: true, p: restPx, s: "0.01", r: false, t: { limit: { tif: "Gtc" } }, c: "0x0000000000000000000000000000abcd" }],
    grouping: "na",
  });
  const oid = responses.order.response.data.statuses[0].resting.oid;
  responses.orderStatus = await info.orderStatus({ user, oid });
  responses.openOrders = await info.openOrders({ user });
  responses.frontendOpenOrders = await info.frontendOpenOrders({ user });
  const modifyPx = (Math.floor(mid * 0.89 * 10) / 10).toFixed(1);
  responses.modify = await exchange.modify({
    oid, order: { a: eth, b: true, p: modifyPx, s: "0.02", r: false, t: { limit: { tif: "Gtc" } }, c: "0x0000000000000000000000000000abce" },
  });
  const open = await info.openOrders({ user });
  responses.cancel = await exchange.cancel({ cancels: [{ a: eth, o: open[0].oid }] });

  // A market order: an aggressive IOC 5% through the mid fills against the book.
  const marketPx = (Math.floor(mid * 1.05 * 10) / 10).toFixed(1);
  responses.market = await exchange.order({
    orders: [{ a: eth, b: true, p: marketPx, s: "0.01", r: false, t: { limit: { tif: "Ioc" } } }],
    grouping: "na",
  });
  responses.updateLeverage = await exchange.updateLeverage({ asset: eth, isCross: true, leverage: 5 });
  await until(() => events.userFills.length >= 2 && events.trades.length >= 1
    && events.orderUpdates.some((batch) => batch.some((u) => u.status === "canceled")), "fills, trades and order updates");

  responses.clearinghouseState = await info.clearinghouseState({ user });
  responses.userFills = await info.userFills({ user });
  responses.userRateLimit = await info.userRateLimit({ user });
  responses.candleSnapshot = await info.candleSnapshot({ coin: "ETH", interval: "1m", startTime: Date.now() - 3_600_000 });

  // A rejected order surfaces as the SDK's own error (it recognises the exchange's error shape).
  try {
    await exchange.order({ orders: [{ a: eth, b: true, p: restPx, s: "0.0001", r: false, t: { limit: { tif: "Gtc" } } }], grouping: "na" });
    responses.rejected = "not rejected";
  } catch (e) {
    responses.rejected = String(e.message ?? e);
  }

  for (const s of subscriptions) await s.unsubscribe();
  process.stdout.write(JSON.stringify({ responses, events }));
} finally {
  try { await ws.close(); } catch { /* already closed */ }
}
