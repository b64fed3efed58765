import { MembersView } from "@/components/members/members-view";

export default async function MembersPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  return <MembersView project={project} />;
}
