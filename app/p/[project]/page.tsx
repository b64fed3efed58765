import { preload } from "react-dom";
import { Suspense } from "react";
import { BoardView } from "@/components/board/board-view";
import { boardHeadInput } from "@/components/board/board-query";
import { queryUrl } from "@/components/trpc/preload";

export default async function BoardPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  // The browser fetches the board while the scripts load; the client's query then reuses it.
  preload(queryUrl("board.get", boardHeadInput(project)), { as: "fetch", crossOrigin: "anonymous" });
  return (
    <div className="h-screen">
      <Suspense>
        <BoardView project={project} />
      </Suspense>
    </div>
  );
}
