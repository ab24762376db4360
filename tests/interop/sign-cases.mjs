// Reads {"cases":[…],"formats":[…]} on stdin and answers, per case, what @nktkas/hyperliquid computes for it:
// the action canonicalised by its own schema (keys shuffled first, so key order is theirs, not ours), its msgpack
// hex, connection id, its signature, its signer address, and which address viem recovers from OUR signature.
// User-signed cases: their signature and viem's recovery of ours over their own EIP-712 types.
// Formats: their formatPrice/formatSize (which truncate) for each price/size.
import { readFileSync } from "node:fs";
import * as v from "valibot";
import { canonicalize, createL1ActionHash, signL1Action, signUserSignedAction } from "@nktkas/hyperliquid/signing";
import {
  ApproveAgentRequest, ApproveAgentTypes, ApproveBuilderFeeRequest, ApproveBuilderFeeTypes,
  BatchModifyRequest, CancelByCloidRequest, CancelRequest, ModifyRequest, OrderRequest,
  SendAssetRequest, SendAssetTypes, SpotSendRequest, SpotSendTypes, UsdClassTransferRequest, UsdClassTransferTypes,
  UsdSendRequest, UsdSendTypes, Withdraw3Request, Withdraw3Types,
} from "@nktkas/hyperliquid/api/exchange";
import { formatPrice, formatSize } from "@nktkas/hyperliquid/utils";
import { privateKeyToAccount } from "viem/accounts";
import { recoverTypedDataAddress } from "viem";
// The SDK's msgpack encoder (not a public export): used only to report the exact bytes it hashes.
import { encode as encodeMsgpack } from "./node_modules/@nktkas/hyperliquid/esm/_deps/jsr.io/@std/msgpack/1.0.3/encode.js";

const schemas = {
  order: OrderRequest, cancel: CancelRequest, cancelByCloid: CancelByCloidRequest,
  modify: ModifyRequest, batchModify: BatchModifyRequest,
};

// Deterministic shuffle so a failure reproduces.
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function shuffleKeys(value) {
  if (Array.isArray(value)) return value.map(shuffleKeys);
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort(() => rand() - 0.5);
    return Object.fromEntries(keys.map((k) => [k, shuffleKeys(value[k])]));
  }
  return value;
}

// Same normalisation the SDK applies before encoding (undefined dropped, wide integers as BigInt).
function adjust(value) {
  if (Array.isArray(value)) return value.map(adjust);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const k in value) if (value[k] !== undefined) out[k] = adjust(value[k]);
    return out;
  }
  if (typeof value === "number" && Number.isInteger(value) && (value >= 0x100000000 || value < -0x80000000)) return BigInt(value);
  return value;
}

const userSigned = {
  usdSend: [UsdSendRequest, UsdSendTypes], withdraw3: [Withdraw3Request, Withdraw3Types],
  usdClassTransfer: [UsdClassTransferRequest, UsdClassTransferTypes], spotSend: [SpotSendRequest, SpotSendTypes],
  approveAgent: [ApproveAgentRequest, ApproveAgentTypes], approveBuilderFee: [ApproveBuilderFeeRequest, ApproveBuilderFeeTypes],
  sendAsset: [SendAssetRequest, SendAssetTypes],
};

const hex = (bytes) => "0x" + Buffer.from(bytes).toString("hex");
const domain = { name: "Exchange", version: "1", chainId: 1337, verifyingContract: "0x0000000000000000000000000000000000000000" };
const types = { Agent: [{ name: "source", type: "string" }, { name: "connectionId", type: "bytes32" }] };

const input = JSON.parse(readFileSync(0, "utf8"));
const cases = [];
for (const c of input.cases ?? []) {
  const schema = schemas[c.action.type];
  if (!schema) throw new Error(`no schema for ${c.action.type}`);
  const actionSchema = v.object(schema.entries.action.entries);
  const action = canonicalize(actionSchema, v.parse(actionSchema, shuffleKeys(c.action)));
  const vaultAddress = c.vaultAddress ?? undefined;
  const expiresAfter = c.expiresAfter ?? undefined;
  const connectionId = createL1ActionHash({ action, nonce: c.nonce, vaultAddress, expiresAfter });
  const wallet = privateKeyToAccount(c.privateKey);
  const signature = await signL1Action({ wallet, action, nonce: c.nonce, isTestnet: !c.isMainnet, vaultAddress, expiresAfter });
  const ours = c.ourSignature;
  const recoveredOurs = await recoverTypedDataAddress({
    domain, types, primaryType: "Agent",
    message: { source: c.isMainnet ? "a" : "b", connectionId },
    signature: ours.r + ours.s.slice(2) + ours.v.toString(16),
  });
  cases.push({
    id: c.id,
    msgpackHex: hex(encodeMsgpack(adjust(action))),
    connectionId,
    signature,
    address: wallet.address.toLowerCase(),
    recoveredOurs: recoveredOurs.toLowerCase(),
  });
}

// User-signed: their schema validates our JSON (and fills an absent agentName with ""), their types sign it.
const userCases = [];
for (const c of input.userCases ?? []) {
  const [request, types] = userSigned[c.action.type] ?? [];
  if (!request) throw new Error(`no schema for ${c.action.type}`);
  const actionSchema = v.object(request.entries.action.entries);
  const action = v.parse(actionSchema, shuffleKeys(c.action));
  const wallet = privateKeyToAccount(c.privateKey);
  const signature = await signUserSignedAction({ wallet, action, types });
  const ours = c.ourSignature;
  const recoveredOurs = await recoverTypedDataAddress({
    domain: { name: "HyperliquidSignTransaction", version: "1", chainId: parseInt(action.signatureChainId), verifyingContract: "0x0000000000000000000000000000000000000000" },
    types, primaryType: Object.keys(types)[0], message: action,
    signature: ours.r + ours.s.slice(2) + ours.v.toString(16),
  });
  userCases.push({ id: c.id, signature, address: wallet.address.toLowerCase(), recoveredOurs: recoveredOurs.toLowerCase() });
}

const attempt = (f) => { try { return { value: f() }; } catch (e) { return { error: String(e.message ?? e) }; } };
const formats = (input.formats ?? []).map((f) => ({
  price: attempt(() => formatPrice(f.price, f.szDecimals, f.market)),
  size: attempt(() => formatSize(f.size, f.szDecimals)),
}));

process.stdout.write(JSON.stringify({ cases, userCases, formats }));
