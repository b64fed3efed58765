import { DeploymentView } from "@/components/releases/deployment-view";

export default async function DeploymentPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  return <DeploymentView project={project} id={Number(id)} />;
}
