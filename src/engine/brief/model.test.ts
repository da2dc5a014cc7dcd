import { describe, expect, it } from "vitest";
import { inlineList, parseBrief, summarizeBrief } from "./model";

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
  it("reads a list named inline after its announcement: commas, semicolons, numbered", () => {
    const items = ["water too hot", "grind too fine", "no bloom"];
    for (const brief of [
      "30s reel: 3 mistakes people make with pour-over: water too hot, grind too fine, no bloom",
      "3 mistakes people make with pour-over: water too hot; grind too fine; no bloom. 30 seconds, TikTok.",
      "TikTok, 30s: 3 mistakes people make with pour-over: 1) water too hot 2) grind too fine 3) no bloom",
      "3 mistakes people make with pour-over: water too hot, grind too fine and no bloom.",
    ]) {
      const m = parseBrief(brief);
      expect(m.items, brief).toEqual(items);
      expect(m.topic, brief).toBe("pour-over");
      expect(m.count).toMatchObject({ n: 3, noun: "mistakes" });
      expect(coverage(brief, m.spans), brief).toBe("");
    }
    // More items than announced, or no announcement before the colon: not a list.
    expect(inlineList("3 mistakes with pour-over: hot water, fine grind, no bloom, cheap filters", { n: 3, noun: "mistakes" })).toBeNull();
    expect(inlineList("Our café: open late, close to the station", { n: 3, noun: "mistakes" })).toBeNull();
  });
  it("framing words and a closing shot are directions; only a call to action is the CTA", () => {
    const m = parseBrief(
      "30s TikTok for Ridge Roasters, a coffee bar downtown. Show the morning rush, then the cup. Open on the espresso machine steaming. Cut to a regular grabbing her usual. Our beans are roasted in-house every Tuesday.\n- Finish with a slow pan over the shelf\nEnd with: order ahead in the app.",
    );
    expect(m.directions).toEqual(["Show the morning rush, then the cup", "Open on the espresso machine steaming", "Cut to a regular grabbing her usual", "Finish with a slow pan over the shelf"]);
    expect(m.cta.text).toBe("order ahead in the app");
    expect([...m.features, ...m.benefits, ...m.items, ...m.proof].join(" ")).not.toMatch(/morning rush|espresso machine|Cut to|slow pan/);
    // A closing image is not a call to action, even when nothing else is.
    const desk = parseBrief("Product: BrightDesk standing desk\n- pain: back pain after long days at a desk\n- Finish with a slow pan over the shelf\n- End with the team waving");
    expect(desk.cta.text).toBeUndefined();
    expect(desk.directions).toEqual(["Finish with a slow pan over the shelf", "End with the team waving"]);
    expect(parseBrief("Finish with: use code DESK10 for 10% off.").cta.text).toBe("use code DESK10 for 10% off");
    expect(parseBrief("30s TikTok for Acme. End with a call to action to book a demo.").cta.text).toBe("book a demo");
    // Neither a shot nor an action: the content is kept (a price), the lead-in is an instruction.
    const price = parseBrief("30s TikTok for Acme. Finish with the price: $29.");
    expect(price.cta.text).toBeUndefined();
    expect(price.prices).toContain("$29");
    expect(price.ignored).toContainEqual({ text: "Finish with", reason: "instruction" });
    for (const d of ["Open with a question.", "Start with a close-up of the latte art.", "Then cut to the team packing boxes.", "Zoom in on the label.", "B-roll of the roastery at dawn.", "End on the logo."]) {
      expect(parseBrief(`30s TikTok for Acme. ${d}`).directions, d).toEqual([d.replace(/\.$/, "")]);
    }
  });
  it("takes an opening sentence's subject as its topic, not its first words", () => {
    expect(parseBrief("Our bakery started in a garage in 2009 with one oven. Every sourdough loaf ferments for 36 hours.").topic).toBe("Our bakery");
    expect(parseBrief("How our garage fixed a 20-year-old Land Rover nobody else would touch. It drove home on the first try.").topic).toBe("How our garage fixed a 20-year-old Land Rover");
  });
  it("never throws and is deterministic", () => {
    for (const b of ["", "x", "::::", "- \n- ", A]) expect(JSON.stringify(parseBrief(b))).toBe(JSON.stringify(parseBrief(b)));
  });
});
