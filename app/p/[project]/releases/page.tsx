import { ReleasesView } from "@/components/releases/releases-view";

export default async function ReleasesPage({ params }: { params: Promise<{ project: string }> }) {
  return <ReleasesView project={(await params).project} />;
}
