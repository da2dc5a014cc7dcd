import { describe, it, expect } from "vitest";
import { analyzeBrief, mentionsAvoided } from "./brief";
import { detectLanguage } from "./language";

describe("detectLanguage", () => {
  it.each([
    ["Make a video about the best coffee for busy parents", "en"],
    ["Un vídeo sobre el mejor café para padres con poco tiempo", "es"],
    ["Une vidéo sur le meilleur café pour les parents pressés", "fr"],
    ["Ein Video über den besten Kaffee für Eltern mit wenig Zeit", "de"],
    ["Um vídeo sobre o melhor café para pais sem tempo", "pt"],
    ["忙しい親のための最高のコーヒーの動画", "ja"],
    ["为忙碌的父母制作关于咖啡的视频", "zh"],
    ["Un video sul miglior caffè per i genitori che non hanno tempo", "it"],
    ["", "en"],
  ])("%s -> %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe("analyzeBrief", () => {
  it("extracts brands, numbers, quotes, must-include lines and the CTA", () => {
    const a = analyzeBrief(
      'A 30-second TikTok for Brewly, cold brew for busy parents. Over 12,000 parents switched. Save 20% with code BREW20. Must include: "Smooth by nature." Link in bio.',
    );
    expect(a.brands[0]).toBe("Brewly");
    expect(a.numbers).toEqual(expect.arrayContaining(["12,000 parents", "20%"]));
    expect(a.quotes).toContain("Smooth by nature.".replace(/\.$/, ""));
    expect(a.mustInclude).toContain("Smooth by nature");
    expect(a.cta.kind).toBe("link_in_bio");
    expect(a.cta.code).toBe("BREW20");
    expect(a.keyTerms).toEqual(expect.arrayContaining(["Brewly", "BREW20"]));
  });
  it("finds URLs and phone numbers for the call to action", () => {
    expect(analyzeBrief("Book a demo at https://taskpilot.io/demo.").cta).toMatchObject({ kind: "book_demo", url: "https://taskpilot.io/demo" });
    expect(analyzeBrief("Call 0113 496 0000 today.").cta).toMatchObject({ kind: "phone", phone: "0113 496 0000" });
  });
  it("reads what to avoid and removes it from the points", () => {
    const a = analyzeBrief("Our serum brightens skin. It cures acne fast. No medical claims. Do not say it is free. Avoid: jargon, competitor names");
    expect(a.avoidPhrases).toEqual(expect.arrayContaining(["medical claims", "it is free", "jargon", "competitor names"]));
    expect(mentionsAvoided("totally free today", a.avoidTerms)).toBe(true);
    expect(mentionsAvoided("it cures acne", a.avoidTerms)).toBe(true);
    expect(a.points.map((p) => p.text)).toEqual(["Our serum brightens skin."]);
  });
  it("does not mistake tips for avoid rules", () => {
    const a = analyzeBrief("Don't skip your warm-up. Avoid these 5 mistakes when running. No sugar, no dairy, just coffee.");
    expect(a.avoidPhrases).toEqual([]);
    expect(a.points).toHaveLength(3);
  });
  it("reads labelled lines, bullets and section headers", () => {
    const a = analyzeBrief("Product: Loopknit, sustainable knitwear for winter walks\nTone: warm\nKey points:\n- Hand-made in Porto\n- 100% merino\nAvoid:\n- discounts\nCTA: Shop at loopknit.com");
    expect(a.brands).toContain("Loopknit");
    expect(a.tone).toBe("warm");
    expect(a.bullets).toBe(2);
    expect(a.avoidPhrases).toContain("discounts");
    expect(a.cta).toMatchObject({ kind: "url", line: "Shop at loopknit.com" });
  });
  it("finds the list count and the subject of the request sentence", () => {
    const a = analyzeBrief("Make a 45s Instagram reel about 5 mistakes new runners make.");
    expect(a.count).toMatchObject({ n: 5, noun: "mistakes" });
    expect(a.topic).toBe("5 mistakes new runners make");
    expect(a.points).toHaveLength(0);
  });
  it("never throws on odd input", () => {
    for (const b of ["", " ", "\n\n", "!!!", "http://", "🔥🔥🔥", "a".repeat(20000), "- \n- \n:", "Brand:", "CTA:", "\u0000\u0001"]) {
      expect(() => analyzeBrief(b)).not.toThrow();
    }
  });
});
