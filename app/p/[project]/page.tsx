import { Suspense } from "react";
import { BoardView } from "@/components/board/board-view";

export default async function BoardPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  return (
    <div className="h-screen">
      <Suspense>
        <BoardView project={project} />
      </Suspense>
    </div>
  );
}
