import { ArchiveView } from "@/components/archive/archive-view";

export default async function ArchivePage({ params }: { params: Promise<{ project: string }> }) {
  return <ArchiveView project={(await params).project} />;
}
