"use client";

import { useMutation } from "@tanstack/react-query";
import { Pill, type Tone } from "../board/badges";
import { errorDetails } from "../ui/errors";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { toast } from "../ui/toaster";

const TONE: Record<string, Tone> = { processed: "green", pending: "amber", failed: "red", ignored: "grey" };

interface Delivery {
  id: number;
  deliveryId: string;
  event: string;
  action: string | null;
  status: string;
  error: string | null;
  receivedAt: Date;
}

/** Recent deliveries, like GitHub's own list, each replayable. */
export function Deliveries({ deliveries, onReplayed }: { deliveries: Delivery[]; onReplayed: () => void }) {
  const trpc = useTRPC();
  const replay = useMutation(trpc.settings.replayDelivery.mutationOptions());
  return (
    <section aria-labelledby="deliveries-heading" className="space-y-3">
      <h2 id="deliveries-heading" className="text-[15px] font-semibold">
        Recent deliveries
      </h2>
      {deliveries.length === 0 ? (
        <p className="muted panel rounded-md p-4 text-[13px]">
          No delivery yet. Once the webhook is added in GitHub, its ping and every event appear here.
        </p>
      ) : (
        <table className="panel w-full rounded-md text-[13px]">
          <thead className="muted text-left text-xs">
            <tr>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2 font-medium">Event</th>
              <th className="px-3 py-2 font-medium">Delivery</th>
              <th className="px-3 py-2 font-medium">Received</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} className="border-t border-[var(--border)] align-top">
                <td className="px-3 py-2">
                  <Pill tone={TONE[d.status] ?? "grey"} label={d.status} title={d.error ?? d.status} />
                </td>
                <td className="px-3 py-2">
                  {d.event}
                  {d.action ? `.${d.action}` : ""}
                  {d.error && <p className="muted mt-0.5 text-xs">{d.error}</p>}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{d.deliveryId}</td>
                <td className="muted px-3 py-2 text-xs">
                  <RelativeTime date={d.receivedAt} />
                </td>
                <td className="px-3 py-2 text-right">
                  <Button
                    onClick={async () => {
                      try {
                        const result = await replay.mutateAsync({ deliveryId: d.deliveryId });
                        if (result.status === "failed")
                          toast.error(`Delivery ${d.deliveryId} failed again`, [result.error ?? ""]);
                        else toast.success(`Delivery ${d.deliveryId}: ${result.status}`);
                        onReplayed();
                      } catch (error) {
                        toast.error("Replay failed", [errorDetails(error).message]);
                      }
                    }}
                  >
                    Replay
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
