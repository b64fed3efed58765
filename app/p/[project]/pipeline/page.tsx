import { PipelineView } from "@/components/pipeline/pipeline-view";

export default async function PipelinePage({ params }: { params: Promise<{ project: string }> }) {
  return <PipelineView project={(await params).project} />;
}
