import { Suspense } from "react";
import { AuditView } from "@/components/audit/audit-view";

export default async function AuditPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  return (
    <Suspense>
      <AuditView project={project} />
    </Suspense>
  );
}
