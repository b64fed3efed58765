import { SettingsView } from "@/components/settings/settings-view";

export default async function SettingsPage({ params }: { params: Promise<{ project: string }> }) {
  return <SettingsView project={(await params).project} />;
}
