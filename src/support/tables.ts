/** Tables owned by the support domain (merged into the Database interface in storage/schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SupportTables {}
