// Language detection from the brief's text: script ranges first, then stop-word scores.

export const ENGINE_LANGUAGES = ["en", "es", "fr", "de", "pt", "ja"] as const;
export type EngineLanguage = (typeof ENGINE_LANGUAGES)[number];

const STOPWORDS: Record<string, readonly string[]> = {
  en: "the and to of a in is for with that you your it this on are our we how what be not or my from".split(" "),
  es: "el la los las de que y en un una para con por es tu tus su más del al como nuestro nuestra segundos no lo se muy".split(" "),
  fr: "le la les de des et en un une pour avec est vous votre vos du au que qui pas nous sur dans ce cette plus".split(" "),
  de: "der die das und zu den dem ein eine für mit ist nicht sie ihr wir auf von im es ich du dein sekunden auch wie".split(" "),
  pt: "o a os as de que e em um uma para com por é não você seu sua do da dos das no na mais como".split(" "),
  it: "il lo la gli le di che e in un una per con è non del della sono ti tuo questo come".split(" "),
  nl: "de het een en van ik je dat is voor met niet op te zijn wij jouw ook".split(" "),
  id: "yang dan di ini untuk dengan dari tidak ke kamu kami ada".split(" "),
};

/** Each stop word with the languages it belongs to (one lookup per word of the brief). */
const STOPWORD_LANGS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(STOPWORDS)) {
  for (const w of new Set(list)) {
    const langs = STOPWORD_LANGS.get(w);
    if (langs) langs.push(lang);
    else STOPWORD_LANGS.set(w, [lang]);
  }
}

/** ISO 639-1 code of the text's language; "en" when unknown or empty. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  let kana = 0, han = 0, hangul = 0, cyr = 0, arabic = 0, hebrew = 0, deva = 0, thai = 0, greek = 0, latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    } else if (c >= 0xc0 && c <= 0x24f) latin++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if (c >= 0x600 && c <= 0x6ff) arabic++;
    else if (c >= 0x590 && c <= 0x5ff) hebrew++;
    else if (c >= 0x900 && c <= 0x97f) deva++;
    else if (c >= 0xe00 && c <= 0xe7f) thai++;
    else if (c >= 0x370 && c <= 0x3ff) greek++;
  }
  const scripts: [string, number][] = [
    ["ja", kana > 0 ? kana + han : 0],
    ["zh", kana === 0 ? han : 0],
    ["ko", hangul],
    ["ru", cyr],
    ["ar", arabic],
    ["he", hebrew],
    ["hi", deva],
    ["th", thai],
    ["el", greek],
  ];
  let best: [string, number] = ["", 0];
  for (const s of scripts) if (s[1] > best[1]) best = s;
  // Space-less scripts carry more per character: weigh them up against Latin letters.
  if (best[1] > 0 && (best[0] === "ja" || best[0] === "zh" ? best[1] * 3 : best[1]) >= latin) return best[0];

  const words = sample.toLowerCase().match(/[a-z\u00c0-\u024f]+/g) ?? [];
  const scores: Record<string, number> = {};
  for (const w of words) {
    const langs = STOPWORD_LANGS.get(w);
    if (langs) for (const l of langs) scores[l] = (scores[l] ?? 0) + 1;
  }
  // Diacritics that single out a language.
  if (/ñ|¿|¡/.test(sample)) scores.es = (scores.es ?? 0) + 3;
  if (/[ãõ]|ção|ções/.test(sample)) scores.pt = (scores.pt ?? 0) + 3;
  if (/[ßäöü]/i.test(sample)) scores.de = (scores.de ?? 0) + 2;
  if (/[èêëàùœ]|ç[aou]/.test(sample) && !/ção/.test(sample)) scores.fr = (scores.fr ?? 0) + 2;
  let lang = "en";
  let top = 0;
  for (const l of ["en", "es", "fr", "de", "pt", "it", "nl", "id"]) {
    const sc = scores[l] ?? 0;
    if (sc > top) {
      top = sc;
      lang = l;
    }
  }
  return lang;
}

export function isEngineLanguage(lang: string): lang is EngineLanguage {
  return (ENGINE_LANGUAGES as readonly string[]).includes(lang);
}
