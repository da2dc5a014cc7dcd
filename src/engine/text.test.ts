import { describe, it, expect } from "vitest";
import { chunkText, finish, fits, integerWords, isSpacelessText, spokenWordCount, speechSeconds, splitClauses, splitSentences, trimToBudget, wrapLines } from "./text";

describe("spokenWordCount", () => {
  it("counts plain words", () => {
    expect(spokenWordCount("Stop scrolling right now.")).toBe(4);
    expect(spokenWordCount("")).toBe(0);
    expect(spokenWordCount("  — • ")).toBe(0);
  });
  it("counts numbers as spoken", () => {
    expect(integerWords(7)).toBe(1);
    expect(integerWords(20)).toBe(1);
    expect(integerWords(49)).toBe(2);
    expect(integerWords(100)).toBe(2); // one hundred
    expect(integerWords(12000)).toBe(2); // twelve thousand
    expect(integerWords(2024)).toBe(3); // twenty twenty-four
    expect(spokenWordCount("12,000 parents")).toBe(3);
  });
  it("counts prices and percentages with their units", () => {
    expect(spokenWordCount("$49.99")).toBe(5); // forty nine dollars ninety nine
    expect(spokenWordCount("20%")).toBe(2); // twenty percent
    expect(spokenWordCount("€5")).toBe(2);
  });
  it("counts URLs as they are read", () => {
    expect(spokenWordCount("brewly.com")).toBe(3); // brewly dot com
    expect(spokenWordCount("https://www.taskpilot.io/demo")).toBe(5); // taskpilot dot io slash demo
  });
  it("counts phone numbers digit by digit", () => {
    expect(spokenWordCount("Call 0113 496 0000")).toBe(12);
    expect(spokenWordCount("+44 20 7946 0958")).toBe(13);
  });
  it("gives space-less scripts a character budget (5 characters a second)", () => {
    expect(isSpacelessText("自家焙煎のコーヒー")).toBe(true);
    expect(speechSeconds("あいうえおかきくけこ")).toBeCloseTo(2, 5);
    expect(fits("あいうえおかきくけこ", 2.8 * 2)).toBe(true);
    expect(fits("あいうえおかきくけこさ", 2.8 * 2)).toBe(false);
  });
});

describe("splitting and trimming", () => {
  it("splits sentences without breaking URLs or decimals", () => {
    expect(splitSentences("Visit brewly.com today. It costs 4.5 euros! Really?")).toEqual(["Visit brewly.com today.", "It costs 4.5 euros!", "Really?"]);
    expect(splitSentences("朝8時から営業。予約してね！")).toEqual(["朝8時から営業。", "予約してね！"]);
  });
  it("keeps short leading clauses with the next one", () => {
    expect(splitClauses("In healthy people, studies show no harm, even at high doses.")).toEqual(["In healthy people, studies show no harm,", "even at high doses."]);
  });
  it("never cuts mid-word and drops dangling function words", () => {
    const t = trimToBudget("Every sourdough loaf ferments for thirty six hours before it ever sees the oven", 8);
    expect(fits(t, 8)).toBe(true);
    expect("Every sourdough loaf ferments for thirty six hours before it ever sees the oven".startsWith(t.replace(/\.$/, ""))).toBe(true);
    expect(t).not.toMatch(/\b(for|the|before)\.$/);
  });
  it("chunks a long text into pieces within budget, in order", () => {
    const text = "Our bakery started in a garage with one oven, a lot of burnt loaves and no money, and it took us three years to sell a single loaf to a café.";
    const parts = chunkText(text, 10);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(fits(p, 10)).toBe(true);
    expect(parts.join(" ").replace(/\./g, "").split(/\s+/).length).toBeGreaterThan(20);
  });
  it("finishes lines with punctuation", () => {
    expect(finish("Hello")).toBe("Hello.");
    expect(finish("Really?")).toBe("Really?");
    expect(finish("こんにちは")).toBe("こんにちは。");
  });
  it("wraps overlay lines", () => {
    expect(wrapLines("one two three four five six seven eight nine ten eleven twelve", 20, false).every((l) => l.length <= 20)).toBe(true);
    expect(wrapLines("あいうえおかきくけこさしすせそ", 13, true)).toHaveLength(2);
  });
});
