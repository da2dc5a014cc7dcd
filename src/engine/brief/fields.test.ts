import { describe, expect, it } from "vitest";
import { generateStoryboard, understandBrief } from "../index";

const B = "YouTube Shorts, 30s. Product: ShiftPilot - rota planning for restaurants.\n- pain: managers lose 5 hours a week building schedules\n- proof: used by 800 restaurants\n- CTA: start a free trial\nTone: calm, practical";

describe("brief fields: what was read, corrected by the user", () => {
  it("says what it read", () => {
    const u = understandBrief(B);
    expect(u.summary).toBe(
      "We read: product ShiftPilot (rota planning for restaurants) · pain: managers lose 5 hours a week building schedules · proof: used by 800 restaurants · CTA: start a free trial · tone: calm, practical",
    );
    expect(u.fields).toMatchObject({ product: "ShiftPilot", cta: "start a free trial", tone: ["calm", "practical"] });
  });
  it("writes from the corrections", () => {
    const sb = generateStoryboard({ brief: B, brief_fields: { cta: "book a demo at shiftpilot.com", proof: ["used by 1,200 restaurants"] } });
    const cta = sb.scenes[sb.scenes.length - 1]!;
    expect(cta.script).toMatch(/book a demo at shiftpilot\.com/i);
    expect(sb.scenes.map((s) => s.script).join(" ")).toMatch(/1,200 restaurants/);
    expect(sb.checks.filter((c) => !c.ok && c.severity === "error")).toEqual([]);
  });
  it("accepts fields instead of free text", () => {
    const fields = { product: "InvoiceBee", product_what: "invoicing for freelancers", pains: ["freelancers chase late payments for weeks"], cta: "try InvoiceBee free", tone: ["friendly"] };
    const sb = generateStoryboard({ brief: "", brief_fields: fields, duration: 20 });
    expect(sb.title).toBe("InvoiceBee: invoicing for freelancers");
    expect(sb.scenes[sb.scenes.length - 1]!.script).toBe("Try InvoiceBee free.");
    expect(understandBrief("", fields).fields).toMatchObject(fields);
  });
});
