// A generation option as a select with an "Auto" first choice (platform, pattern), its error under it.
import { PLATFORMS } from "../../domain/constants";
import { PLATFORM_LABELS } from "../format";

export const PLATFORM_OPTIONS = PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] ?? p }));

export function OptionSelect({ id, label, value, onChange, auto, options, error }: {
  id: string;
  label: string;
  value: string;
  onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void;
  /** The "auto" choice's words: "Auto (from the brief)". */
  auto: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange} aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
        <option value="auto">{auto}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
    </div>
  );
}
