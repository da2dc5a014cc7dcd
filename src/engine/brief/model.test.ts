import { describe, expect, it } from "vitest";
import { parseBrief, summarizeBrief } from "./model";

const A = "45s Instagram Reel: 4 mistakes people make when repotting houseplants, ending with a plug for our soil brand RootRight. Cheeky, fast.";
const B = "YouTube Shorts, 30s. Product: ShiftPilot - rota planning for restaurants.\n- pain: managers lose 5 hours a week building schedules\n- proof: used by 800 restaurants\n- CTA: start a free trial\nTone: calm, practical";

/** Every non-blank part of the brief is covered by exactly one span. */
function coverage(brief: string, spans: { text: string }[]): string {
  let rest = brief;
  for (const s of spans) rest = rest.replace(s.text, " ");
  return rest.replace(/[\s\-•*,.]+/g, "");
}

describe("parseBrief", () => {
  it("reads Brief A: list, topic, plug, tone", () => {
    const m = parseBrief(A);
    expect(m).toMatchObject({ product: "RootRight", topic: "repotting houseplants", physical: true, domain: "plants", tone: ["cheeky", "fast"], cta: { plug: true } });
    expect(m.count).toMatchObject({ n: 4, noun: "mistakes" });
    expect(m.items).toEqual([]);
    expect(coverage(A, m.spans)).toBe("");
  });
  it("reads Brief B: labels land in their fields and the labels are ignored", () => {
    const m = parseBrief(B);
    expect(m).toMatchObject({
      product: "ShiftPilot",
      productWhat: "rota planning for restaurants",
      physical: false,
      domain: "software",
      pains: ["managers lose 5 hours a week building schedules"],
      proof: ["used by 800 restaurants"],
      cta: { text: "start a free trial" },
      tone: ["calm", "practical"],
    });
    expect(m.ignored.map((i) => i.text)).toEqual(["Product:", "pain:", "proof:", "CTA:", "Tone:"]);
    expect(summarizeBrief(m)).toContain("CTA: start a free trial");
    expect(coverage(B, m.spans)).toBe("");
  });
  it("keeps must-say lines and a final overlay verbatim; directions and audience are not content", () => {
    const m = parseBrief(
      "A 30s TikTok for Ridge Roasters coffee. Target: remote workers in their 20s. Use our brand colours, logo bottom right. End with 'tap the link for 20% off your first 12-pack'. Final overlay: \"Roasted Tuesday, at your door Friday\". No medical claims.",
    );
    expect(m.cta.text).toBe("tap the link for 20% off your first 12-pack");
    expect(m.mustSay).toContain("tap the link for 20% off your first 12-pack");
    expect(m.finalOverlay).toBe("Roasted Tuesday, at your door Friday");
    expect(m.audience.join(" ")).toMatch(/remote workers/);
    expect(m.directions.join(" ")).toMatch(/brand colours/);
    expect(m.avoid.join(" ")).toMatch(/medical/);
    expect([...m.features, ...m.benefits, ...m.pains, ...m.items].join(" ")).not.toMatch(/colours|Target|End with|overlay/i);
  });
  it("reads the other languages' labels and tone lines", () => {
    const es = parseBrief("Vídeo de 30 segundos para Café Luna.\nTono: cercano y divertido.\nCTA: pide tu caja hoy");
    expect(es.tone).toEqual(["cercano", "divertido"]);
    expect(es.cta.text).toBe("pide tu caja hoy");
    const ja = parseBrief("30秒のリール動画。商品: 抹茶ラテ\nターゲット: 20代の会社員\nトーン: 明るく");
    expect(ja.product).toBe("抹茶ラテ");
    expect(ja.audience).toEqual(["20代の会社員"]);
    expect(ja.tone).toEqual(["明るく"]);
  });
  it("never throws and is deterministic", () => {
    for (const b of ["", "x", "::::", "- \n- ", A]) expect(JSON.stringify(parseBrief(b))).toBe(JSON.stringify(parseBrief(b)));
  });
});
