// List items the engine can name itself when the brief announces "4 mistakes" without naming
// them and the topic is one it knows well. Anything else becomes a needs_input to-do.
import type { BriefModel } from "../brief/model";
import type { EngineLanguage } from "../language";

interface KnownList {
  topic: RegExp;
  /** Items for a "mistakes / errors" list, each with its fix (what to do instead). */
  mistakes: readonly (readonly [mistake: string, fix: string])[];
  /** Items for a "tips / ways / steps" list. */
  tips: readonly string[];
}

const EN: readonly KnownList[] = [
  {
    topic: /\brepot\w*|\bhouseplants?\b|\bpotting\b/i,
    mistakes: [
      ["jumping to a pot that's way too big", "go up just one pot size"],
      ["using a pot with no drainage hole", "check for a drainage hole first"],
      ["reusing old garden soil instead of fresh potting mix", "use fresh potting mix"],
      ["packing the soil down hard around the roots", "let the soil settle with a gentle tap"],
      ["drowning the plant right after the move", "water once, then let it settle for a week"],
      ["repotting in the middle of winter", "wait for spring growth"],
    ],
    tips: [
      "go up just one pot size",
      "check for a drainage hole first",
      "use fresh, airy potting mix",
      "loosen the roots gently before planting",
      "water once, then let it settle for a week",
    ],
  },
  {
    topic: /\bwater\w* (?:your )?(?:house)?plants?\b/i,
    mistakes: [
      ["watering on a schedule instead of checking the soil", "check the top inch of soil first"],
      ["giving little sips instead of a deep soak", "water deeply, then let it drain"],
      ["letting the pot sit in a puddle", "empty the saucer after ten minutes"],
      ["using ice-cold water", "use room-temperature water"],
    ],
    tips: ["check the top inch of soil first", "water deeply, then let it drain", "empty the saucer after ten minutes", "use room-temperature water"],
  },
  {
    topic: /\brunn(?:ing|ers?)\b|\bmarathon\b|\b5k\b/i,
    mistakes: [
      ["running every easy day too fast", "keep easy days truly easy"],
      ["skipping the warm-up", "warm up for five minutes first"],
      ["running in worn-out shoes", "replace shoes every 500 to 800 km"],
      ["adding mileage too quickly", "add no more than ten percent a week"],
      ["ignoring rest days", "take one full rest day a week"],
    ],
    tips: ["keep easy days truly easy", "warm up for five minutes first", "replace shoes every 500 to 800 km", "add no more than ten percent a week", "take one full rest day a week"],
  },
  {
    topic: /\bcoffee\b|\bespresso\b|\bcold brew\b/i,
    mistakes: [
      ["using pre-ground beans that went stale", "grind right before you brew"],
      ["brewing with boiling water", "let the kettle rest thirty seconds off the boil"],
      ["eyeballing the coffee instead of weighing it", "weigh your coffee and water"],
      ["storing beans in the fridge", "keep beans in an airtight tin"],
    ],
    tips: ["grind right before you brew", "let the kettle rest thirty seconds off the boil", "weigh your coffee and water", "keep beans in an airtight tin"],
  },
  {
    topic: /\bskin\s?care\b|\bskincare\b|\bsunscreen\b|\bserum\b/i,
    mistakes: [
      ["skipping sunscreen on cloudy days", "wear sunscreen every single day"],
      ["using too many actives at once", "add one new product at a time"],
      ["scrubbing your face too hard", "pat your face dry instead of rubbing"],
      ["switching products every week", "give a product four weeks before you judge it"],
    ],
    tips: ["wear sunscreen every single day", "add one new product at a time", "pat your face dry instead of rubbing", "give a product four weeks before you judge it"],
  },
  {
    topic: /\b(?:ukuleles?|uke|guitars?|banjos?|mandolins?)\b/i,
    mistakes: [
      ["playing without tuning first", "tune up before every session"],
      ["pressing the strings far too hard", "press just hard enough for a clean note"],
      ["practising for an hour once a week instead of ten minutes a day", "practise ten minutes every day"],
      ["staring at your fretting hand the whole time", "keep your eyes up and listen to the notes"],
      ["learning whole songs before the basic chords", "learn the four basic chords first"],
      ["never playing along with a metronome", "play along with a slow metronome"],
    ],
    tips: ["tune up before every session", "press just hard enough for a clean note", "practise ten minutes every day", "learn the four basic chords first", "play along with a slow metronome"],
  },
  {
    topic: /\bbudget\w*\b/i,
    mistakes: [
      ["guessing your spending instead of checking it", "write down what goes out for one month"],
      ["forgetting yearly bills", "list every fixed cost, including yearly ones"],
      ["leaving no room for fun", "set a weekly amount for fun"],
      ["giving up after one bad week", "check it every Sunday for five minutes"],
    ],
    tips: ["write down what comes in each month", "list every fixed cost, including yearly ones", "set a weekly limit for everything else", "check it every Sunday for five minutes"],
  },
];

const NEGATIVE = /^(mistakes?|errors?|myths?|lies|red flags?)$/i;

export interface InferredItem {
  item: string;
  /** For a list of mistakes: what to do instead (the known topic's tip at the same place). */
  fix?: string;
}

/** Up to `n` items for the brief's list, from a known topic (English only); [] when unknown. */
export function inferItems(m: BriefModel, lang: EngineLanguage, n: number): InferredItem[] {
  if (lang !== "en" || !m.count || !m.topic) return [];
  const known = EN.find((k) => k.topic.test(m.topic!));
  if (!known) return [];
  // Steps and tips share the positive list; mistakes and myths the negative one, each with its fix.
  const negative = NEGATIVE.test(m.count.noun);
  const pool: InferredItem[] = negative ? known.mistakes.map(([item, fix]) => ({ item, fix })) : known.tips.map((item) => ({ item }));
  const given = new Set(m.items.map((i) => i.toLowerCase()));
  return pool.filter((p) => !given.has(p.item)).slice(0, n);
}

/** The inferred items and their fixes as plain facts (what the checks count as the brief's material). */
export function inferredFacts(m: BriefModel, lang: EngineLanguage, n: number): string[] {
  return inferItems(m, lang, n).flatMap((x) => (x.fix ? [x.item, x.fix] : [x.item]));
}
