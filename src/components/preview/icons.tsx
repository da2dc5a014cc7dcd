// The players' few icons as inline SVG: no icon font, and no glyph a phone may lack.
const PATHS = {
  play: "M8 5v14l11-7z",
  pause: "M6 5h4v14H6zM14 5h4v14h-4z",
  previous: "M6 5h2v14H6zM9.5 12 19 5v14z",
  next: "M16 5h2v14h-2zM14.5 12 5 19V5z",
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="pv-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
