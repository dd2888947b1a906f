/**
 * Table types for Kysely: the storage layer's view of the database. Each migration that
 * adds a table adds its interface here.
 */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  settings: SettingsTable;
}
