import { redirect } from "next/navigation";
import { createContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

export default async function Home() {
  const projects = await createCaller(await createContext()).project.list();
  if (projects.length > 0) redirect(`/p/${projects[0].slug}`);
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-xl font-semibold">Welcome to Shiplane</h1>
      <p className="muted mt-2">There is no project yet. Create one from the command line:</p>
      <pre className="panel mt-3 rounded p-3 font-mono text-xs">npx shiplane project create --name &quot;Storefront&quot; --repo acme/storefront --prefix SF</pre>
      <p className="muted mt-3">or load the demo project with <code className="font-mono">npx shiplane seed demo</code>, then reload this page.</p>
    </main>
  );
}
