DROP INDEX "webhook_deliveries_identity";--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_identity" ON "webhook_deliveries" USING btree ("project_id","source","delivery_id");