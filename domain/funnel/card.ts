import { cardBadges, type CardBadges, type ItemFacts } from "../delivery/item-facts";
import { ageing, itemKey } from "./item";
import { isStageKey, type ItemStage } from "./stages";

/** A work item as stored. */
export interface WorkItem {
  id: number;
  projectId: number;
  number: number;
  kind: "idea" | "story";
  title: string;
  description: string;
  owner: string | null;
  labels: string[];
  estimate: number | null;
  stage: string;
  position: string;
  version: number;
  blocked: boolean;
  blockedReason: string | null;
  needsManualQa: boolean;
  qaSignedOffBy: string | null;
  qaSignedOffAt: Date | null;
  qaSignOffNote: string | null;
  rejectedReason: string | null;
  rejectedFromStage: string | null;
  stageEnteredAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields of a stored item that the board shows. */
export type BoardItem = Pick<
  WorkItem,
  | "id"
  | "number"
  | "kind"
  | "title"
  | "owner"
  | "labels"
  | "estimate"
  | "stage"
  | "position"
  | "version"
  | "blocked"
  | "blockedReason"
  | "needsManualQa"
  | "stageEnteredAt"
>;

/** What the board shows of a card. */
export interface BoardCard {
  id: number;
  key: string;
  kind: "idea" | "story";
  title: string;
  owner: string | null;
  labels: string[];
  estimate: number | null;
  stage: ItemStage;
  position: string;
  version: number;
  blocked: boolean;
  blockedReason: string | null;
  needsManualQa: boolean;
  /** Whole days in the current stage. */
  ageDays: number;
  ageing: boolean;
  badges: CardBadges;
}

export function toStage(value: string): ItemStage {
  return value === "rejected" || isStageKey(value) ? value : "idea";
}

export function toBoardCard(
  item: BoardItem,
  keyPrefix: string,
  facts: ItemFacts,
  requiredApprovals: number,
  now: Date,
): BoardCard {
  const stage = toStage(item.stage);
  const age = stage === "rejected" ? { days: 0, ageing: false } : ageing(stage, item.stageEnteredAt, now);
  return {
    id: item.id,
    key: itemKey(keyPrefix, item.number),
    kind: item.kind,
    title: item.title,
    owner: item.owner,
    labels: item.labels,
    estimate: item.estimate,
    stage,
    position: item.position,
    version: item.version,
    blocked: item.blocked,
    blockedReason: item.blockedReason,
    needsManualQa: item.needsManualQa,
    ageDays: age.days,
    ageing: age.ageing,
    badges: cardBadges(facts, requiredApprovals),
  };
}
