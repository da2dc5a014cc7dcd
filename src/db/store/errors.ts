// Translates constraint violations of either dialect into AppErrors that name the field,
// so no raw driver error ever leaves the store.
import { PROJECT_STATUSES, SCENE_TYPES, STORYBOARD_STATUSES, TASK_TYPES } from "../../domain/constants";
import { AppError, conflict, notFound, unavailable, validationError } from "../../domain/errors";
import { isConnectionLost } from "../pg-errors";

const oneOf = (values: readonly string[]) => `must be one of ${values.join(", ")}`;

/** Every named CHECK and UNIQUE of the schema, with the field it guards. */
const CONSTRAINTS: Record<string, { field: string; message: string; kind: "validation" | "conflict" }> = {
  projects_status_check: { field: "status", message: `Status ${oneOf(PROJECT_STATUSES)}`, kind: "validation" },
  storyboards_status_check: { field: "status", message: `Status ${oneOf(STORYBOARD_STATUSES)}`, kind: "validation" },
  scenes_scene_type_check: { field: "scene_type", message: `Scene type ${oneOf(SCENE_TYPES)}`, kind: "validation" },
  scene_tasks_task_type_check: { field: "task_type", message: `Task type ${oneOf(TASK_TYPES)}`, kind: "validation" },
  users_email_unique: { field: "email", message: "This email is already registered", kind: "conflict" },
  scenes_storyboard_id_scene_number_unique: { field: "scene_number", message: "This storyboard already has a scene with that number", kind: "conflict" },
  scene_tasks_scene_id_task_type_unique: { field: "task_type", message: "This scene already has a task of that type", kind: "conflict" },
};

function fromConstraint(name: string, cause: unknown): AppError | null {
  const known = CONSTRAINTS[name];
  if (known) {
    return known.kind === "conflict"
      ? new AppError("conflict", known.message, { fields: { [known.field]: known.message }, cause })
      : new AppError("validation", known.message, { fields: { [known.field]: known.message }, cause });
  }
  const length = /^[a-z_]+?_([a-z_]+)_length$/.exec(name);
  if (length) {
    const field = name.replace(/^(users|projects|storyboards|scenes|scene_tasks)_/, "").replace(/_length$/, "");
    return new AppError("validation", `${field} is too long`, { fields: { [field]: `${field} is too long` }, cause });
  }
  return null;
}

/** Walks the cause chain: drizzle wraps the driver's error in a DrizzleQueryError. */
function driverError(e: unknown): (Error & Record<string, unknown>) | null {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur instanceof Error; i++) {
    const c = cur as Error & Record<string, unknown>;
    if (typeof c.code === "string" && !(c instanceof AppError)) return c;
    cur = c.cause;
  }
  return null;
}

/** Anything the schema does not explain is an internal error: logged with its cause, never shown. */
const internal = (e: unknown) => (e instanceof AppError ? e : new AppError("internal", "The database could not complete the request", { cause: e }));

export function mapPgError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isConnectionLost(e)) return unavailable(e);
  const d = driverError(e);
  if (!d) return internal(e);
  const constraint = typeof d.constraint === "string" ? d.constraint : "";
  switch (d.code) {
    case "23514": // check_violation
    case "23505": // unique_violation
      return fromConstraint(constraint, e) ?? (d.code === "23505" ? conflict("That value is already taken") : validationError({ [constraint || "body"]: "Invalid value" }));
    case "23503": // foreign_key_violation: the parent does not exist
      return notFound("Referenced record");
    case "23502": // not_null_violation
      return validationError({ [String(d.column ?? "body")]: `${String(d.column ?? "value")} is required` });
    case "22001": // string_data_right_truncation
      return validationError({ body: "A value is longer than its column allows" });
    case "22P02": // invalid_text_representation
    case "22003": // numeric_value_out_of_range
      return validationError({ body: "A value has the wrong type or is out of range" });
    case "42501": // insufficient_privilege: row level security refused a foreign row
      return notFound("Record");
    case "40001": // serialization_failure
    case "40P01": // deadlock_detected: still losing after the store's retries (src/db/lock-retry.ts)
      return new AppError("conflict", "Another change to the same records was being saved at the same moment; nothing was saved. Try again.", { cause: e });
    default:
      return internal(e);
  }
}

export function mapSqliteError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const d = driverError(e);
  if (!d || typeof d.code !== "string" || !d.code.startsWith("SQLITE_CONSTRAINT")) return internal(e);
  const message = String(d.message);
  switch (d.code) {
    case "SQLITE_CONSTRAINT_CHECK": {
      const name = /CHECK constraint failed: (\w+)/.exec(message)?.[1] ?? "";
      return fromConstraint(name, e) ?? validationError({ body: "Invalid value" });
    }
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY": {
      const cols = /constraint failed: (.+)$/.exec(message)?.[1] ?? "";
      const byColumns: Record<string, string> = {
        "users.email": "users_email_unique",
        "scenes.storyboard_id, scenes.scene_number": "scenes_storyboard_id_scene_number_unique",
        "scene_tasks.scene_id, scene_tasks.task_type": "scene_tasks_scene_id_task_type_unique",
      };
      return fromConstraint(byColumns[cols] ?? "", e) ?? conflict("That value is already taken");
    }
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
      return notFound("Referenced record");
    case "SQLITE_CONSTRAINT_NOTNULL": {
      const column = /NOT NULL constraint failed: \w+\.(\w+)/.exec(message)?.[1] ?? "body";
      return validationError({ [column]: `${column} is required` });
    }
    default:
      return internal(e);
  }
}
