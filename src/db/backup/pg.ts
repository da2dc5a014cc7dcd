// The SQL of backups and restores on PostgreSQL (src/ops/backup drives it): who may read every
// row, the tables to count, their row counts and content checksums inside one snapshot, the
// migration level, the roles a dump refers to, and whether a restore target is empty.
import pg from "pg";

/** One table's figures in a manifest. */
export interface TableFigures {
  rows: number;
  /** Order-independent content checksum: the sum of md5(row as text), first 64 bits, as hex. */
  checksum: string;
}

export interface RoleInfo {
  name: string;
  login: boolean;
  inherit: boolean;
  bypassRls: boolean;
  /** Roles this one is a member of (among the roles listed). */
  memberOf: string[];
}

export interface MigrationLevel {
  /** Number of drizzle migrations applied. */
  applied: number;
  /** created_at of the last one (the journal's "when"), which names its tag. */
  lastWhen: number | null;
  /** Online steps finished (drizzle.__online_steps). */
  onlineSteps: string[];
}

/**
 * The text of a row depends on the session's output settings; these fix them, so the same rows
 * give the same checksum on any server and in any session.
 */
const CANONICAL_OUTPUT = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL extra_float_digits = 1",
  "SET LOCAL bytea_output = 'hex'",
];

export async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}

export async function serverVersion(c: pg.ClientBase): Promise<{ num: number; text: string }> {
  const r = await c.query<{ num: string; text: string }>("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text");
  return { num: Number(r.rows[0]!.num), text: r.rows[0]!.text };
}

/** Whether the session's login reads every row whatever the policies say (superuser or BYPASSRLS). */
export async function readsEveryRow(c: pg.ClientBase): Promise<{ login: string; ok: boolean; superuser: boolean }> {
  const r = await c.query<{ login: string; superuser: boolean; bypass: boolean }>(
    "SELECT rolname AS login, rolsuper AS superuser, rolbypassrls AS bypass FROM pg_roles WHERE rolname = session_user",
  );
  const row = r.rows[0]!;
  return { login: row.login, ok: row.superuser || row.bypass, superuser: row.superuser };
}

/**
 * Tables whose rows a backup holds: every ordinary or partitioned table outside the system
 * schemas, a partitioned table counted once through its parent (not partition by partition).
 */
export async function listTables(c: pg.ClientBase): Promise<string[]> {
  const r = await c.query<{ name: string }>(`
    SELECT format('%I.%I', n.nspname, cl.relname) AS name
    FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY n.nspname, cl.relname`);
  return r.rows.map((row) => row.name);
}

/** Row count and checksum of one table (name already quoted by listTables), in the caller's transaction. */
export async function tableFigures(c: pg.ClientBase, table: string): Promise<TableFigures> {
  const r = await c.query<{ rows: string; checksum: string }>(
    `SELECT count(*)::text AS rows, coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0)::text AS checksum FROM ${table} t`,
  );
  return { rows: Number(r.rows[0]!.rows), checksum: r.rows[0]!.checksum };
}

/**
 * Opens a REPEATABLE READ transaction, exports its snapshot (for `pg_dump --snapshot`) and fixes
 * the output settings the checksums depend on. The snapshot lives until the transaction ends.
 */
export async function beginSnapshot(c: pg.ClientBase): Promise<string> {
  await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const r = await c.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
  for (const s of CANONICAL_OUTPUT) await c.query(s);
  return r.rows[0]!.id;
}

/** The same output settings in a transaction that reads without an exported snapshot (a restore's check). */
export async function beginCanonical(c: pg.ClientBase): Promise<void> {
  await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  for (const s of CANONICAL_OUTPUT) await c.query(s);
}

export async function migrationLevel(c: pg.ClientBase): Promise<MigrationLevel> {
  const has = async (table: string) => (await c.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [table])).rows[0]!.t !== null;
  let applied = 0;
  let lastWhen: number | null = null;
  if (await has("drizzle.__drizzle_migrations")) {
    const r = await c.query<{ n: string; last: string | null }>("SELECT count(*)::text AS n, max(created_at)::text AS last FROM drizzle.__drizzle_migrations");
    applied = Number(r.rows[0]!.n);
    lastWhen = r.rows[0]!.last === null ? null : Number(r.rows[0]!.last);
  }
  const onlineSteps = (await has("drizzle.__online_steps"))
    ? (await c.query<{ name: string }>("SELECT name FROM drizzle.__online_steps WHERE finished_at IS NOT NULL ORDER BY name")).rows.map((r) => r.name)
    : [];
  return { applied, lastWhen, onlineSteps };
}

/**
 * Roles the database's objects refer to (owners, grantees, policy targets), with their memberships
 * among each other: a dump holds GRANTs and ALTER ... OWNER TO for them, but not the roles
 * themselves (they belong to the cluster), so a restore creates the missing ones first.
 */
export async function referencedRoles(c: pg.ClientBase): Promise<RoleInfo[]> {
  const r = await c.query<{ name: string; login: boolean; inherit: boolean; bypass: boolean; member_of: string[] }>(`
    WITH used AS (
      SELECT relowner AS oid FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
      UNION SELECT (aclexplode(relacl)).grantee FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE relacl IS NOT NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
      UNION SELECT (aclexplode(attacl)).grantee FROM pg_attribute WHERE attacl IS NOT NULL AND attrelid IN (
        SELECT cl.oid FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%')
      UNION SELECT proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
      UNION SELECT (aclexplode(proacl)).grantee FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE proacl IS NOT NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
      UNION SELECT nspowner FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_%'
      UNION SELECT (aclexplode(nspacl)).grantee FROM pg_namespace WHERE nspacl IS NOT NULL AND nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_%'
      UNION SELECT unnest(polroles) FROM pg_policy
    )
    SELECT r.rolname AS name, r.rolcanlogin AS login, r.rolinherit AS inherit, r.rolbypassrls AS bypass,
           coalesce(array(
             SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid AND g.oid IN (SELECT oid FROM used) ORDER BY g.rolname)::text[], '{}') AS member_of
    FROM pg_roles r
    WHERE r.oid IN (SELECT oid FROM used) AND r.oid <> 0 AND NOT r.rolsuper AND r.rolname NOT LIKE 'pg\_%'
    ORDER BY r.rolname`);
  return r.rows.map((row) => ({ name: row.name, login: row.login, inherit: row.inherit, bypassRls: row.bypass, memberOf: row.member_of }));
}

/** Creates the roles a restore needs that the target cluster lacks (NOLOGIN: an operator gives a login its password). */
export async function createMissingRoles(c: pg.ClientBase, roles: RoleInfo[]): Promise<string[]> {
  const existing = new Set((await c.query<{ rolname: string }>("SELECT rolname FROM pg_roles")).rows.map((r) => r.rolname));
  const created: string[] = [];
  for (const role of roles) {
    if (existing.has(role.name)) continue;
    const quoted = (await c.query<{ q: string }>("SELECT quote_ident($1) AS q", [role.name])).rows[0]!.q;
    await c.query(`CREATE ROLE ${quoted} NOLOGIN ${role.inherit ? "INHERIT" : "NOINHERIT"} ${role.bypassRls ? "BYPASSRLS" : "NOBYPASSRLS"}`);
    created.push(role.name);
    existing.add(role.name);
  }
  for (const role of roles) {
    for (const group of role.memberOf) {
      const member = await c.query<{ yes: boolean }>("SELECT pg_has_role($1, $2, 'MEMBER') AS yes", [role.name, group]);
      if (!member.rows[0]!.yes) await c.query(`GRANT ${await ident(c, group)} TO ${await ident(c, role.name)}`);
    }
  }
  return created;
}

const ident = async (c: pg.ClientBase, name: string) => (await c.query<{ q: string }>("SELECT quote_ident($1) AS q", [name])).rows[0]!.q;

/** What a restore target already holds: relations, functions and schemas beyond a new database's. */
export async function userObjects(c: pg.ClientBase): Promise<{ schemas: string[]; relations: number; functions: number }> {
  const r = await c.query<{ schemas: string[]; relations: string; functions: string }>(`
    SELECT
      coalesce(array(SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\_%' ORDER BY 1)::text[], '{}') AS schemas,
      (SELECT count(*) FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%')::text AS relations,
      (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%')::text AS functions`);
  const row = r.rows[0]!;
  return { schemas: row.schemas, relations: Number(row.relations), functions: Number(row.functions) };
}

/** --force: drops every schema of the target except the system ones and gives it an empty public schema. */
export async function emptyDatabase(c: pg.ClientBase): Promise<string[]> {
  const schemas = (await c.query<{ n: string }>(
    "SELECT quote_ident(nspname) AS n FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' ORDER BY 1",
  )).rows.map((r) => r.n);
  await c.query("BEGIN");
  for (const s of schemas) await c.query(`DROP SCHEMA ${s} CASCADE`);
  await c.query("CREATE SCHEMA public AUTHORIZATION pg_database_owner");
  await c.query("GRANT USAGE ON SCHEMA public TO PUBLIC");
  await c.query("COMMIT");
  return schemas;
}

export interface ArchiveStatus {
  archiveMode: string;
  archiveTimeoutSeconds: number;
  lastArchivedWal: string | null;
  lastArchivedAt: Date | null;
  failedCount: number;
  lastFailedWal: string | null;
  /** The WAL segment being written now. */
  currentWal: string;
}

export async function archiveStatus(c: pg.ClientBase): Promise<ArchiveStatus> {
  const r = await c.query<{ mode: string; timeout: string; wal: string | null; at: Date | null; failed: string; failed_wal: string | null; current: string }>(`
    SELECT current_setting('archive_mode') AS mode,
           extract(epoch FROM current_setting('archive_timeout')::interval)::text AS timeout,
           last_archived_wal AS wal, last_archived_time AS at, failed_count::text AS failed, last_failed_wal AS failed_wal,
           pg_walfile_name(pg_current_wal_lsn()) AS current
    FROM pg_stat_archiver`);
  const row = r.rows[0]!;
  return {
    archiveMode: row.mode,
    archiveTimeoutSeconds: Number(row.timeout),
    lastArchivedWal: row.wal,
    lastArchivedAt: row.at,
    failedCount: Number(row.failed),
    lastFailedWal: row.failed_wal,
    currentWal: row.current,
  };
}

/** Closes the current WAL segment (so it is archived now) and returns its name. */
export async function switchWal(c: pg.ClientBase): Promise<string> {
  const r = await c.query<{ wal: string }>("SELECT pg_walfile_name(pg_switch_wal()) AS wal");
  return r.rows[0]!.wal;
}
