import { Suspense } from "react";
import { MetricsView } from "@/components/metrics/metrics-view";

export default async function MetricsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  return (
    <Suspense>
      <MetricsView project={project} />
    </Suspense>
  );
}
