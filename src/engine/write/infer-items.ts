// List items the engine can name itself when the brief announces "4 mistakes" without naming
// them and the topic is one it knows well. Anything else becomes a needs_input to-do.
import type { BriefModel } from "../brief/model";
import type { EngineLanguage } from "../language";

interface KnownList {
  topic: RegExp;
  /** Items for a "mistakes / errors" list, then for a "tips / ways" list. */
  mistakes: readonly string[];
  tips: readonly string[];
}

const EN: readonly KnownList[] = [
  {
    topic: /\brepot\w*|\bhouseplants?\b|\bpotting\b/i,
    mistakes: [
      "jumping to a pot that's way too big",
      "using a pot with no drainage hole",
      "reusing old garden soil instead of fresh potting mix",
      "packing the soil down hard around the roots",
      "drowning the plant right after the move",
      "repotting in the middle of winter",
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
    mistakes: ["watering on a schedule instead of checking the soil", "giving little sips instead of a deep soak", "letting the pot sit in a puddle", "using ice-cold water"],
    tips: ["check the top inch of soil first", "water deeply, then let it drain", "empty the saucer after ten minutes", "use room-temperature water"],
  },
  {
    topic: /\brunn(?:ing|ers?)\b|\bmarathon\b|\b5k\b/i,
    mistakes: ["running every easy day too fast", "skipping the warm-up", "running in worn-out shoes", "adding mileage too quickly", "ignoring rest days"],
    tips: ["keep easy days truly easy", "warm up for five minutes first", "replace shoes every 500 to 800 km", "add no more than ten percent a week", "take one full rest day a week"],
  },
  {
    topic: /\bcoffee\b|\bespresso\b|\bcold brew\b/i,
    mistakes: ["using pre-ground beans that went stale", "brewing with boiling water", "eyeballing the coffee instead of weighing it", "storing beans in the fridge"],
    tips: ["grind right before you brew", "let the kettle rest thirty seconds off the boil", "weigh your coffee and water", "keep beans in an airtight tin"],
  },
  {
    topic: /\bskin\s?care\b|\bskincare\b|\bsunscreen\b|\bserum\b/i,
    mistakes: ["skipping sunscreen on cloudy days", "using too many actives at once", "scrubbing your face too hard", "switching products every week"],
    tips: ["wear sunscreen every single day", "add one new product at a time", "pat your face dry instead of rubbing", "give a product four weeks before you judge it"],
  },
  {
    topic: /\bbudget\w*\b/i,
    mistakes: ["guessing your spending instead of checking it", "forgetting yearly bills", "leaving no room for fun", "giving up after one bad week"],
    tips: ["write down what comes in each month", "list every fixed cost, including yearly ones", "set a weekly limit for everything else", "check it every Sunday for five minutes"],
  },
];

const NEGATIVE = /^(mistakes?|errors?|myths?|lies|red flags?)$/i;

/** Up to `n` items for the brief's list, from a known topic (English only); [] when unknown. */
export function inferItems(m: BriefModel, lang: EngineLanguage, n: number): string[] {
  if (lang !== "en" || !m.count || !m.topic) return [];
  const known = EN.find((k) => k.topic.test(m.topic!));
  if (!known) return [];
  // Steps and tips share the positive list; mistakes and myths the negative one.
  const pool = NEGATIVE.test(m.count.noun) ? known.mistakes : known.tips;
  const given = new Set(m.items.map((i) => i.toLowerCase()));
  return pool.filter((p) => !given.has(p)).slice(0, n);
}
