"use client";
// Exports of the storyboard page: the PDF with its layout, the CSV shot list, JSON, Markdown, and
// printing the page itself. Each is a plain download link to the export route.
import { useState } from "react";
import { PDF_FIELDS, PDF_LAYOUTS, type PdfField } from "../../domain/constants";
import "../frames/frames.css";

const FIELD_LABELS: Record<PdfField, string> = { visual: "Visual", voiceover: "Voice-over", overlay: "On-screen text", camera: "Camera", tasks: "Tasks" };

export function exportHref(base: string, format: string, pdf?: { layout: number; orientation: string; paper: string; fields: readonly string[] }) {
  const q = new URLSearchParams({ format });
  if (pdf) {
    q.set("layout", String(pdf.layout));
    q.set("orientation", pdf.orientation);
    q.set("paper", pdf.paper);
    q.set("fields", pdf.fields.join(","));
  }
  return `${base}?${q}`;
}

export function PdfOptions({ value, onChange }: { value: { layout: number; orientation: string; paper: string; fields: PdfField[] }; onChange: (v: { layout: number; orientation: string; paper: string; fields: PdfField[] }) => void }) {
  return (
    <div className="pdf-options">
      <label>Frames per page
        <select value={value.layout} onChange={(e) => onChange({ ...value, layout: Number(e.target.value) })} data-testid="pdf-layout">
          {PDF_LAYOUTS.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <label>Orientation
        <select value={value.orientation} onChange={(e) => onChange({ ...value, orientation: e.target.value })} data-testid="pdf-orientation">
          <option value="portrait">Portrait</option>
          <option value="landscape">Landscape</option>
        </select>
      </label>
      <label>Paper
        <select value={value.paper} onChange={(e) => onChange({ ...value, paper: e.target.value })}>
          <option value="a4">A4</option>
          <option value="letter">Letter</option>
        </select>
      </label>
      <fieldset className="pdf-fields">
        <legend>Show</legend>
        {PDF_FIELDS.map((f) => (
          <label key={f} className="check">
            <input type="checkbox" checked={value.fields.includes(f)}
              onChange={(e) => onChange({ ...value, fields: e.target.checked ? PDF_FIELDS.filter((x) => x === f || value.fields.includes(x)) : value.fields.filter((x) => x !== f) })} />
            {FIELD_LABELS[f]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

export function ExportMenu({ storyboardId, disabled }: { storyboardId: number; disabled?: boolean }) {
  const [pdf, setPdf] = useState({ layout: 2, orientation: "portrait", paper: "a4", fields: [...PDF_FIELDS] as PdfField[] });
  const base = `/api/v1/storyboards/${storyboardId}/export`;
  return (
    <details className="menu export-menu no-print" data-testid="export-menu">
      <summary className="btn small">Export</summary>
      <div className="menu-panel stack">
        {disabled ? (
          <p className="small muted">Exports are ready once the storyboard is generated.</p>
        ) : (
          <>
            <PdfOptions value={pdf} onChange={setPdf} />
            <p className="row">
              <a className="btn small primary" href={exportHref(base, "pdf", pdf)} download data-testid="export-pdf">Download PDF</a>
              <a className="btn small" href={exportHref(base, "csv")} download data-testid="export-csv">CSV shot list</a>
            </p>
            <p className="row">
              <a className="btn small" href={exportHref(base, "json")} download data-testid="export-json">JSON</a>
              <a className="btn small" href={exportHref(base, "md")} download data-testid="export-md">Markdown</a>
              <button type="button" className="btn small" onClick={() => window.print()}>Print</button>
            </p>
          </>
        )}
      </div>
    </details>
  );
}
