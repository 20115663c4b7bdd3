import type { NewCampaignNames, TemplateKey } from '#shared/templates/index';

/** The "Kế hoạch" section's state and actions (plan.ts), apart from it so that the pane's types need not import the controller. */

/** Where a new campaign starts: a template of shared/templates, or the campaign chosen in the pane. */
export type PlanSource = { template: TemplateKey } | { copyOf: string };

export interface PlanState {
  /** The plan in the sheet, as last opened or saved (its version is what a save is made over). */
  opened?: { id: string; version: number };
  /** A colleague saved since: their version, to load, or to overwrite with the sheet's. */
  conflict?: { version: number };
}

export interface PlanActions {
  create(source: PlanSource, names: NewCampaignNames): Promise<void>;
  open(): Promise<void>;
  save(): Promise<void>;
  reload(): Promise<void>;
  overwrite(): Promise<void>;
}
