"use client";

import { Table } from "../ui/table";
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
export function Deliveries({
  project,
  deliveries,
  onReplayed,
}: {
  project: string;
  deliveries: Delivery[];
  onReplayed: () => void;
}) {
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
        <Table
          caption="Recent deliveries"
          rows={deliveries}
          rowKey={(d) => d.id}
          columns={[
            {
              header: "Status",
              cell: (d) => <Pill tone={TONE[d.status] ?? "grey"} label={d.status} title={d.error ?? d.status} />,
            },
            {
              header: "Event",
              cell: (d) => (
                <>
                  {d.event}
                  {d.action ? `.${d.action}` : ""}
                  {d.error && <p className="muted mt-0.5 text-xs">{d.error}</p>}
                </>
              ),
            },
            { header: "Delivery", className: "font-mono text-xs", cell: (d) => d.deliveryId },
            { header: "Received", className: "muted text-xs", cell: (d) => <RelativeTime date={d.receivedAt} /> },
            {
              header: "Actions",
              srOnly: true,
              className: "text-right",
              cell: (d) => (
                <Button
                  onClick={async () => {
                    try {
                      const result = await replay.mutateAsync({ project, deliveryId: d.deliveryId });
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
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
