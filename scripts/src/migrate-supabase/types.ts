/**
 * What the report and the records of earlier runs keep about users. The rows themselves never pass through the
 * command: they go from Supabase to the target's staging tables and are mapped there (staging.ts, map-users.ts).
 */

export type SkipReason = "deleted" | "anonymous" | "phone_only" | "no_email" | "email_conflict";

export interface Skipped {
  id: string;
  reason: SkipReason;
  /** For an e-mail conflict: the id of the user that was migrated with that e-mail. */
  conflictsWith?: string;
}

export interface Warning {
  id: string;
  field: string;
  value: string;
}

/**
 * What one migrated user adds to the report, stored with its import (`supabase_import.report_facts`): the source
 * counts it bumps, the provider of each of its accounts, and its warnings.
 */
export interface ReportFacts {
  /** The keys of the report's `source` counts it adds one to. */
  sourceCounts: string[];
  /** The provider of each of its accounts. */
  accountProviders: string[];
  warnings: Warning[];
}

/**
 * What one skipped user adds to the report, stored with its skip record (`supabase_skip.report_facts`), so a rerun
 * counts it without reading it again while its source rows are unchanged.
 */
export interface SkipFacts {
  /** The keys of the report's `source` counts it adds one to. */
  sourceCounts: string[];
  reason: SkipReason;
  conflictsWith?: string;
}
