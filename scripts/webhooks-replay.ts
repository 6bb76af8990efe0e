// `npm run webhooks:replay`: tries every parked webhook delivery once more (after a fix, say) and
// prints what became of each. One that fails again stays parked with its new error. Safe beside a
// running server: a delivery is claimed in its own transaction, so none is applied twice.
import { loadEnvironment } from "./environment";

loadEnvironment();
// lib/env reads process.env when first imported: only after the environment is loaded.
const { prepareDatabase, db } = await import("@/lib/db");
const { reapplyStoredDelivery } = await import("@/lib/messages/webhook-inbox");

await prepareDatabase();
const parked = await db.webhookDelivery.findMany({
  where: { processedAt: null, parkedAt: { not: null } },
  orderBy: { receivedAt: "asc" },
  select: { id: true, body: true, attempts: true, receivedAt: true },
});
console.log(`${parked.length} parked webhook deliver${parked.length === 1 ? "y" : "ies"}.`);
const tally = new Map<string, number>();
for (const delivery of parked) {
  const result = await reapplyStoredDelivery(delivery, null);
  tally.set(result.outcome, (tally.get(result.outcome) ?? 0) + 1);
  const line = result.outcome === "parked" ? `still failing: ${result.error}` : result.outcome.replace("_", " ");
  console.log(`  ${delivery.id} (received ${delivery.receivedAt.toISOString()}): ${line}`);
}
if (parked.length) console.log(`Done: ${[...tally].map(([outcome, n]) => `${n} ${outcome.replace("_", " ")}`).join(", ")}.`);
await db.$disconnect();
process.exit(tally.get("parked") ? 1 : 0);
