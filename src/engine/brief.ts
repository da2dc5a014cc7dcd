// Brief analysis: the points to voice, the terms to keep (grounding), what to avoid,
// the call to action and the signals used to choose a pattern.
import { detectLanguage } from "./language";
import type { CtaKind } from "./i18n";
import { normKey, normalizeSpace, splitSentences } from "./text";

export interface BriefCta {
  kind: CtaKind;
  /** The CTA sentence as written in the brief (removed from the voice-over points). */
  line?: string;
  url?: string;
  phone?: string;
  /** A literal CTA phrase from the brief ("link in bio", "book a demo"). */
  phrase?: string;
  code?: string;
}

export interface BriefPoint {
  text: string;
  bullet: boolean;
  /** Index in the brief (order). */
  order: number;
  /** From a meta sentence ("A 30-second TikTok for X, ..."): used last. */
  intro: boolean;
  /** Role named by the brief's own label ("Problem: ...", "Before: ..."). */
  hint?: string;
}

export interface BriefAnalysis {
  language: string;
  points: BriefPoint[];
  bullets: number;
  brands: string[];
  numbers: string[];
  quotes: string[];
  mustInclude: string[];
  avoidPhrases: string[];
  avoidTerms: string[];
  avoidPrices: boolean;
  cta: BriefCta;
  title?: string;
  hookLine?: string;
  topic?: string;
  count?: { n: number; noun: string; phrase: string };
  pain?: string;
  task?: string;
  role?: string;
  offer?: string;
  compare?: [string, string];
  myth?: string;
  setting?: string;
  digital: boolean;
  tone?: string;
  audience?: string;
  /** The brief without its "avoid" instructions: what pattern signals are read from. */
  signalText: string;
  /** All grounding terms that must appear in the storyboard. */
  keyTerms: string[];
  wordCount: number;
}

const LABELS: [RegExp, string][] = [
  [/^(brand|product|company|app|brand name|product name|client|marca|producto|produto|produit|marque|produkt|marke|firma|empresa|ブランド|商品|製品|サービス)$/i, "brand"],
  [/^(cta|call to action|call-to-action|llamada a la acción|appel à l'action|handlungsaufforderung|chamada|chamada para ação|行動喚起)$/i, "cta"],
  [/^(must include|must-include|must mention|include|mention|incluir|incluye|inclure|à inclure|erwähnen|muss enthalten|pflicht|incluir obrigatoriamente|必須|必ず入れる)$/i, "must"],
  [/^(avoid|don't|dont|do not|don'ts|donts|never|restrictions?|no-go|evitar|evita|no decir|éviter|à éviter|interdit|vermeiden|nicht|tabu|evite|não|避ける|禁止|ng)$/i, "avoid"],
  [/^(hook|gancho|accroche|aufhänger|gancho inicial|フック)$/i, "hook"],
  [/^(tone|voice|style|tono|estilo|ton|stil|tom|トーン)$/i, "tone"],
  [/^(audience|target|target audience|for|público|público objetivo|audience cible|cible|zielgruppe|público-alvo|ターゲット)$/i, "audience"],
  [/^(title|título|titre|titel|タイトル)$/i, "title"],
  [/^(platform|format|duration|length|runtime|video length|plataforma|duración|durée|plateforme|dauer|länge|plattform|duração|formato|尺|長さ|プラットフォーム)$/i, "meta"],
  [/^(offer|promo|deal|oferta|offre|angebot|promoção|オファー|特典)$/i, "offer"],
  [/^(myth|mito|mythe|mythos|誤解)$/i, "myth"],
  [/^(setting|location|place|lugar|lieu|ort|local|場所)$/i, "setting"],
];

const META_WORDS =
  /\b(video|vídeo|vidéo|tiktok|reels?|shorts?|clip|storyboard|script|guion|guión|roteiro|skript|spot|commercial|ad|ads|anuncio|publicité|werbung|anúncio|youtube|instagram|facebook|film|explainer|promo|bumper)\b|動画|リール|ショート/i;
const META_DIRECTIVE =
  /^(please\s+)?(make|create|write|need|want|plan|produce|generate|draft|storyboard|script|we need|i need|i want|we want|help|haz|crea|escribe|necesito|queremos|fais|crée|créer|écris|il faut|on veut|erstelle|mach|schreib|wir brauchen|ich brauche|faça|crie|escreva|preciso|queremos|作って|作成)\b/i;
const LEADING_META =
  /^(?:(?:please|a|an|the|un|una|une|um|uma|ein|eine|einen|our|my|this|we need|i need|we want|i want|make|create|write|plan|produce|generate|draft|haz|crea|escribe|fais|crée|erstelle|mach|faça|crie|necesito|quiero|queremos)\s+)*(?:(?:about|around|roughly|~)\s*)?(?:\d{1,3}\s*(?:-|‐|–)?\s*(?:seconds?|secs?|s|sec|segundos?|seg|secondes?|sekunden|sekunde|minutes?|mins?|minutos?|minuten|秒|分)\b\s*)?(?:(?:tiktok|instagram|youtube|facebook|ig|fb|vertical|short-form|short|promo|product|brand|ugc|explainer|vertical)\s+)*(?:video|vídeo|vidéo|reels?|shorts?|clip|ad|ads|spot|post|tiktok|storyboard|script|anuncio)s?\b\s*(?:for|about|on|showing|explaining|promoting|introducing|de|del|sobre|para|pour|sur|über|für|zu|zum|zur|sobre|para|do|da)?\s*/i;

const FORMAT_NOUNS =
  "mistakes|tips|ways|reasons|things|hacks|signs|steps|ideas|secrets|rules|habits|tools|apps|lessons|myths|errors|tricks|facts|questions|foods|books|exercises|places|products|recipes|truths|lies|red flags|benefits|features|stretches|moves|strategies|trends|items|errores|consejos|formas|razones|cosas|trucos|señales|pasos|ideas|secretos|reglas|hábitos|herramientas|mitos|erreurs|astuces|conseils|façons|raisons|choses|étapes|secrets|règles|habitudes|outils|mythes|fehler|tipps|wege|gründe|dinge|tricks|schritte|ideen|geheimnisse|regeln|gewohnheiten|mythen|erros|dicas|maneiras|motivos|coisas|truques|passos|segredos|regras|hábitos|ferramentas|mitos";
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  duas: 2, três: 3, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10,
};
const COUNT_RE = new RegExp(
  `(?<![\\d.,])\\b(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})\\s+((?:[\\p{L}-]+\\s+){0,2}?)(${FORMAT_NOUNS})\\b([^.!?\\n]{0,40})`,
  "iu",
);
const COUNT_JA_RE = /(\d{1,2})(?:つの|個の)([^\s、。]{1,12})/u;

const URL_RE =
  /\b(?:https?:\/\/[^\s<>"')]+|www\.[^\s<>"')]+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|io|co|net|org|app|shop|store|ai|dev|me|tv|es|fr|de|pt|br|jp|uk|us|ca|au|mx|ar|it|nl|eu|info|biz|link|page|site|xyz|health|fit|coffee|studio|design)\b(?:\/[^\s<>"')]*)?)/gi;
const SOCIAL_HOSTS = /(^|\.)(tiktok\.com|youtube\.com|youtu\.be|instagram\.com|facebook\.com|fb\.watch|fb\.com)$/i;
const PHONE_RE = /(?<![\w/.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,5}){1,4}(?![\w/])/g;
const CTA_PHRASES: [RegExp, CtaKind][] = [
  [/\blink (?:is )?in (?:the |my |our )?bio\b|enlace en (?:la )?bio|link en (?:la )?bio|lien (?:en|dans la) bio|link in (?:der )?bio|link na bio|link da bio|プロフ(?:ィール)?のリンク/i, "link_in_bio"],
  [/\bbook (?:a |your |a free )?(?:demo|call|consultation|session|appointment|table)\b|reserva (?:una |tu )?(?:demo|cita|mesa)|réserve[rz]? (?:une |ta |votre )?(?:démo|demo|table|séance)|(?:demo|termin) buchen|buch(?:e)? (?:eine |dir eine |deine )?demo|agende (?:uma |sua )?demo|デモ(?:を)?予約/i, "book_demo"],
  [/\b(?:shop now|order now|buy now|order today|pre-?order|shop the|add to cart)\b|compra ahora|pide (?:ya|ahora)|commandez?|achetez|jetzt (?:kaufen|bestellen)|compre (?:já|agora)|今すぐ購入/i, "shop"],
  [/\b(?:sign up|signup|register|join (?:us|the|our|now|today)|start (?:your )?free trial|try it free)\b|regístrate|inscr[ií]b|anmelden|cadastre|inscreva/i, "signup"],
  [/\b(?:download|get the app|install)\b|descarga|télécharge|herunterladen|lade die app|baixe|ダウンロード/i, "download"],
  [/\b(?:follow (?:us|me|for)|subscribe)\b|sígueme|síguenos|suscríbete|abonne|folge (?:mir|uns)|abonniere|siga|inscreva-se no canal|フォロー/i, "follow"],
  [/\b(?:comment|tell us in the comments|let me know)\b|comenta|commente|kommentier|comente|コメント/i, "comment"],
  [/\b(?:call us|call now|call today|text us|dm us|message us|whatsapp)\b|llám|appelez|ruf (?:uns )?an|ligue/i, "phone"],
  [/\b(?:visit|head to|go to|check out|learn more|shop at|order at)\b|visita|visitez|besuche|visite|acesse/i, "url"],
];
const AVOID_NOUNS =
  /\b(claims?|jargon|slang|swearing|profanity|curse words|prices?|pricing|discounts?|competitors?|competition|emojis?|hashtags?|promises?|guarantees?|clickbait|buzzwords?|technical terms|words?|language|mentions?|comparisons?|statistics|stats|politics|religion|afirmaciones|promesas|precios|jerga|palabrotas|affirmations|promesses|prix|allégations|versprechen|preise|fachbegriffe|heilversprechen|afirmações|promessas|preços|gírias)\b[^.]{0,20}\.?$/i;
const SPEECH_VERB =
  /^(?:do not|don't|dont|never|please don't|please do not)\s+(?:ever\s+)?(?:say|mention|use|claim|call it|call them|promise|imply|show|include|refer to|talk about|compare|state|suggest|describe it as|use the words?)\s+(.+)$/i;
const AVOID_VERB_FORM =
  /^(?:avoid|avoid mentioning|avoid saying|avoid using|avoid claiming|avoid any|without mentioning|no mention of|evita(?:r)?|no (?:digas|menciones|decir|mencionar|uses)|éviter|évitez|ne (?:dites|mentionnez|parlez) pas(?: de)?|ne pas (?:dire|mentionner|parler de)|vermeide|vermeiden|nicht (?:sagen|erwähnen)|sag nicht|erwähne nicht|keine|evite|não (?:diga|mencione|fale(?: de| sobre)?|use))\s+(.+)$/i;
const SPEECH_AVOID =
  /^(?:avoid\s+(?:mentioning|saying|using|claiming|talking about|any)|without mentioning|no mention of|no (?:digas|menciones|decir|mencionar|uses)|ne (?:dites|mentionnez|parlez) pas|ne pas (?:dire|mentionner|parler)|nicht (?:sagen|erwähnen)|sag nicht|erwähne nicht|não (?:diga|mencione|fale|use))/i;
const NO_FORM = /^(?:no|sin|pas de|aucune?|keine|sem|nada de)\s+(.+)$/i;
const AVOID_STOP = new Set(
  (
    "it is are was be that this the a an any of about our we you to say mention use claims claim words word " +
    "language mentions mention call them say saying using mentioning claiming talk ever its that's thing things " +
    "el la los las de que es un una lo le les des du un une est ce das die der ist ein eine o os as é um uma que " +
    "ne pas no not dont don't never"
  ).split(" "),
);
const AVOID_EXPANSIONS: Record<string, string[]> = {
  medical: ["medical", "cure", "cures", "cured", "heal", "heals", "healing", "treat", "treats", "treatment", "diagnose", "disease", "clinically", "prescription"],
  health: ["cure", "cures", "heal", "heals", "treat", "treats", "disease"],
  free: ["free", "gratis", "gratuit", "gratuite", "kostenlos", "grátis", "無料"],
  guarantee: ["guarantee", "guaranteed", "guarantees"],
  guarantees: ["guarantee", "guaranteed", "guarantees"],
  cheap: ["cheap", "cheapest", "cheaper"],
};

const SETTINGS: [RegExp, string][] = [
  [/\b(bakery|panader[ií]a|boulangerie|bäckerei|padaria|sourdough|masa madre)\b|パン屋/i, "a bakery counter"],
  [/\b(kitchen|cocina|cuisine|küche|cozinha)\b|キッチン|台所/i, "a home kitchen"],
  [/\b(gym|fitness|workout|gimnasio|salle de sport|fitnessstudio|academia)\b|ジム/i, "a gym"],
  [/\b(office|desk|workspace|oficina|bureau|büro|escritório)\b|オフィス/i, "an office desk"],
  [/\b(cafe|café|coffee shop|cafetería|coffee)\b|カフェ/i, "a café counter"],
  [/\b(salon|barber|peluquería|salão|friseur)\b|サロン/i, "a salon chair"],
  [/\b(restaurant|restaurante|bistro)\b|レストラン/i, "a restaurant"],
  [/\b(store|shop floor|boutique|tienda|magasin|laden|loja)\b|店/i, "the store"],
  [/\b(clinic|dentist|clínica|clinique|praxis)\b|クリニック/i, "a clinic"],
  [/\b(garden|backyard|jardín|jardin|garten|jardim)\b|庭/i, "a garden"],
  [/\b(car|driving|coche|voiture|auto|carro)\b|車/i, "a parked car"],
  [/\b(running|runners?|trail|park|parque|parc|laufen|corrida)\b|ランニング|公園/i, "an outdoor running path"],
  [/\b(classroom|school|students?|teacher|escuela|école|schule|escola)\b|学校|教室/i, "a classroom"],
  [/\b(bathroom|skincare|skin care|serum|makeup|baño|salle de bain|badezimmer|banheiro)\b|洗面所|スキンケア/i, "a bathroom vanity"],
  [/\b(warehouse|factory|workshop|almacén|atelier|werkstatt|oficina de)\b|工場/i, "a workshop"],
  [/\b(studio|estudio)\b|スタジオ/i, "a studio"],
  [/\b(beach|playa|plage|strand|praia)\b|ビーチ/i, "a beach"],
  [/\b(home|house|casa|maison|zuhause|living room)\b|自宅|家/i, "a living room"],
];
const DIGITAL = /\b(app|apps|software|saas|website|web site|platform|dashboard|tool|online|plugin|extension|crm|api|ai|course|newsletter|aplicación|logiciel|plataforma|plateforme|plattform|aplicativo)\b|アプリ|ソフト|サイト/i;

const COMMON_CAPS = new Set(
  (
    "I I'm I've The A An And But Or So If When What Why How Who This That These Those It It's We You Your Our My " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August " +
    "September October November December TikTok Instagram YouTube Facebook Reels Shorts Reel CTA UGC AI OK " +
    "English Spanish French German Portuguese Japanese Christmas Black Friday Step Tip Hook No Yes Don't Do Not " +
    "Never Avoid Make Create Use Get Try Our Meet Introducing New Today Now Just Only Free Save Show Start End"
  ).split(" "),
);

/** "LinkedIn-style", "Apple-like": a style to imitate, not a brand. */
const STYLE_WORD = /-(?:style|like|esque|inspired|themed)$/i;
const PLATFORM_NAMES = /^(tik\s?tok|instagram|youtube|facebook|reels?|shorts?|ig|fb|yt|snapchat|linkedin|pinterest)$/i;

export function cleanTerm(s: string): string {
  return s
    .trim()
    .replace(/^["'“”‘’«»「『]+|["'“”‘’«»」』]+$/g, "")
    .replace(/[.,;:!?。、]+$/u, "")
    .trim();
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

function firstWords(s: string, n: number): string {
  return words(s).slice(0, n).join(" ");
}

const FUNCTION_TAIL = /\s+(?:a|an|the|and|or|of|to|for|with|in|on|at|by|que|de|del|la|el|y|et|le|les|und|der|die|das|e|o|da|do|em|für|mit|pour|avec|para|con|com)$/i;
function tidyPhrase(s: string, max: number): string {
  let t = cleanTerm(firstWords(s.replace(/\s+/g, " "), max));
  for (let i = 0; i < 3; i++) t = t.replace(FUNCTION_TAIL, "");
  return t;
}

/** English words that end a subject: a finite verb ("Our bakery started in a garage" → "Our bakery"). */
const SUBJECT_END = /^(?:is|are|was|were|has|have|had|does|did|can|could|will|would|should|may|might|must|gets?|got|makes?|made|helps?|lets?|keeps?|takes?|took|needs?|wants?|loves?|turns?|ships?|saves?|runs?|ran|goes|went|began|begins?|grew|grows?|uses?|brings?|opened|started|launched|became|\w+ed)$/i;
const PRONOUN_OR_DETERMINER = /^(?:we|i|you|they|he|she|it|our|my|your|their|his|her|its|the|a|an|this|these|that|those)$/i;

/** The subject of an English opening sentence: its words before the first finite verb; the whole text when it has none, or when the subject is only a pronoun. */
function subjectOf(s: string, lang: string): string {
  if (lang !== "en") return s;
  const ws = s.trim().split(/\s+/);
  const at = ws.findIndex((w, i) => i > 0 && SUBJECT_END.test(w));
  if (at <= 0) return s;
  const subject = ws.slice(0, at);
  return subject.every((w) => PRONOUN_OR_DETERMINER.test(w)) ? s : subject.join(" ");
}

function parseLabel(line: string): { kind: string; label: string; value: string } | null {
  const m = /^\s*(?:[-*•·▪►✓✔☐–]\s*)?([\p{L}' /-]{1,30}?)\s*[:：]\s*(.+)$/u.exec(line);
  if (!m) return null;
  const label = (m[1] ?? "").trim();
  const value = (m[2] ?? "").trim();
  if (/^https?$/i.test(label)) return null;
  for (const [re, kind] of LABELS) if (re.test(label)) return { kind, label, value };
  if (words(label).length <= 3) return { kind: "point", label, value };
  return null;
}

function bulletBody(line: string): string | null {
  const m = /^\s*(?:[-*•·▪►✓✔☐–]|\d{1,2}[.)]|[a-z][.)]|[①-⑩]|\p{Extended_Pictographic}\uFE0F?)\s+(.+)$/u.exec(line);
  return m ? (m[1] ?? "").trim() : null;
}

function durationMentions(s: string): boolean {
  return /\b\d{1,3}\s*(?:-|‐|–)?\s*(?:seconds?|secs?|s|sec|segundos?|seg|secondes?|secondi|sekunden|minutes?|mins?|minutos?|minuti|minuten)\b|\d{1,3}\s*(?:秒|分)|\b(?:a|one|un|une|eine|um)\s+minute\b/i.test(s);
}

const DUR_G =
  /(?:(?:about|around|roughly|approx\.?|~)\s*)?\d{1,3}(?:[.,]5)?\s*(?:-|‐|–)?\s*(?:seconds?|secs?|sec|s|segundos?|seg|secondes?|secondi|sekunden|sekunde|sek|minutes?|mins?|min|minutos?|minuti|minuten)(?![\p{L}])(?:\s+long)?|\d{1,3}\s*(?:秒|分)(?:間)?|\b(?:about\s+)?(?:a|one|un|une|uno|eine|um)\s+minute(?:\s+long)?\b|\bhalf a minute\b/giu;
const PLAT_G = /\b(?:youtube\s*shorts?|yt\s+shorts|tik\s?tok|instagram(?:\s+reels?)?|facebook(?:\s+reels?)?|fb|ig|youtube|reels?|shorts)\b|動画|リール|ショート/gi;
const FORMAT_G =
  /\b(?:video|vídeo|vidéo|clip|spot|ad|ads|promo|film|brand film|explainer|bumper|storyboard|script|anuncio|publicité|werbung|anúncio|vertical|short-form|length|version)\b/gi;
const STRONG_DUR =
  /\d{1,3}\s*[-‐–]\s*(?:seconds?|secs?|sec|s|minutes?|mins?|min)\b|(?:^|[,(;:]\s*)\d{1,3}\s*(?:seconds?|secs?|sec|s|segundos|secondes|secondi|sekunden|minutes?|mins?|min|minutos|minuti|minuten)\s*(?:long\s*)?(?:[,);.!]|$)|^\s*(?:about\s+)?\d{1,3}\s*(?:seconds?|secs?|sec|s|segundos|secondes|secondi|sekunden|minutes?|min)\b|\b(?:about|around|roughly)\s+(?:a|one)\s+minute\b|\d{1,3}\s*(?:秒|分)(?:の|で)/i;

function residualWords(s: string): number {
  const t = s.replace(DUR_G, " ").replace(PLAT_G, " ").replace(FORMAT_G, " ").replace(META_DIRECTIVE, " ");
  return words(t.replace(/[^\p{L}\p{N}\s]/gu, " ")).filter((w) => !/^(a|an|the|for|on|about|of|in|de|para|pour|per|für|um|un|une|una|uno|ein|eine|our|my|long|new)$/i.test(w)).length;
}

function isMetaSentence(s: string): boolean {
  const format = META_WORDS.test(s);
  const dur = durationMentions(s);
  if (META_DIRECTIVE.test(s) && (format || dur)) return true;
  if (format && dur) return true;
  if (STRONG_DUR.test(s)) return true;
  if ((format || dur) && residualWords(s) <= 1) return true;
  return false;
}

const LEAD_STRIP =
  /^(?:[\s,.;:!?·|–—-]+|(?:about|for|on|of|to|showing|explaining|promoting|introducing|de|do|da|di|del|para|pour|per|sur|sobre|über|für|zum|zur|le|la|les|l'|el|los|las|the|a|an|un|une|uno|una|um|uma|ein|eine|einen|our|my|this|unser|unsere|unseren|nuestra|nuestro|notre|nosso|nossa|il|lo|der|die|das|des|du|o|os|as)\s+)/i;

/** The subject of a meta sentence: "A 30-second TikTok for Brewly, a cold brew..." gives "Brewly, a cold brew...". */
function metaSubject(s: string): string {
  let t = s.replace(DUR_G, " ").replace(PLAT_G, " ").replace(FORMAT_G, " ").replace(META_DIRECTIVE, " ");
  t = t.replace(/\s+([,.;:!?])/g, "$1").replace(/([,;:])(?:\s*[,;:.])+/g, "$1").replace(/\s+/g, " ").trim();
  t = t.replace(/[,;]?\s*\b(?:for|on|about|in|de|para|pour|per|für|sur|sobre|no|na|do|da)\s*(?=[,.;:!?]|$)/gi, "").trim();
  const strip = (x: string) => {
    let y = x.trim();
    for (let i = 0; i < 8; i++) {
      const z = y.replace(LEAD_STRIP, "");
      if (z === y) break;
      y = z;
    }
    return y.replace(/[\s,.;:!?·|–—-]+$/u, "").trim();
  };
  const m = /(?:^|\s)(?:about|for|on|showing|explaining|promoting|introducing|sobre|para|pour|sur|über|für|zum|zur|per|de|do|da|di)\s+(.*)$/i.exec(t);
  let subject = m ? strip(m[1] ?? "") : "";
  if (!/[\p{L}\p{N}]/u.test(subject)) subject = strip(m ? t.slice(0, m.index) : t);
  subject = subject.replace(/^(?:storytime|story time|myth vs\.? fact|before and after|listicle|tutorial|how-to|ugc testimonial|testimonial|review)\s*[:,-]?\s*/i, "");
  // 「30秒のTikTok動画。」 leaves particles and marks ("の 。"): no subject.
  subject = subject.replace(/^[\s。、・のでをにはがと]+|[\s。、・のでをにはがと]+$/gu, "");
  return /[\p{L}\p{N}]/u.test(subject) ? subject : "";
}

const STYLE_DIRECTIVE =
  /^\s*(?:keep it|make it|keep the (?:tone|video|script)|use an? [\p{L}-]+ tone|the tone (?:should|is)|tone should|be (?:playful|fun|calm|friendly|funny|serious|upbeat|professional)|sound (?:like|more)|no more than \d+ words|mantenlo|hazlo|garde(?:-le)?|halte es|mantenha)\b/iu;
const TEACH_DIRECTIVE =
  /^\s*(?:please\s+)?(?:teach|explain|show|highlight|emphasi[sz]e|focus on|talk about|cover|describe|present|promote|walk (?:viewers|people|them) through)\s+(?:(?:viewers|people|the audience|our audience|our followers|followers|them|kids|beginners)\s+)?((?:how|why|what|our|the|a|an|that)\b.+)$/i;

function capitalizeFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

const ROLE_LABELS: [RegExp, string][] = [
  [/^(problem|pain|pain point|problema|problème|schmerz|dor|課題|悩み)$/i, "problem"],
  [/^(solution|fix|solución|solução|lösung|解決策)$/i, "solution"],
  [/^(benefit|benefits|why|beneficio|bénéfice|vorteil|benefício|メリット)$/i, "desire"],
  [/^(feature|features|característica|fonctionnalité|funktion|recurso|特徴)$/i, "interest"],
  [/^(proof|result|results|social proof|prueba|resultado|preuve|résultat|beweis|ergebnis|prova|実績)$/i, "proof"],
  [/^(before|antes|avant|vorher|ビフォー)$/i, "before"],
  [/^(after|después|après|nachher|depois|アフター)$/i, "after"],
  [/^(fact|truth|reality|realidad|réalité|fakt|verdade|事実)$/i, "fact"],
  [/^(verdict|winner|veredicto|verdict|urteil|veredito|結論)$/i, "verdict"],
  [/^(step|step \d+|paso \d*|étape \d*|schritt \d*|passo \d*|ステップ\d*)$/i, "step"],
  [/^(morning|mañana|matin|morgens|manhã|朝)$/i, "morning"],
  [/^(midday|noon|lunch|afternoon|midnight|mediodía|midi|mittag|meio-dia|昼)$/i, "midday"],
  [/^(evening|night|noche|soir|abends|noite|夜)$/i, "evening"],
  [/^(lesson|the lesson|lección|leçon|lektion|lição|学び)$/i, "lesson"],
];
const KEEP_LABEL = /^(myth|fact|mito|mythe|mythos|realidad|réalité|fakt|verdade|before|after|antes|después|avant|après|vorher|nachher|depois|verdict|the lesson|morning|evening|midnight|midday|noon|lunch|mañana|noche|matin|soir|abends|morgens)$/i;

/** Strip "A 30-second TikTok for" from a meta sentence; what is left may describe the product. */
function stripMeta(s: string): string {
  let t = s.replace(META_DIRECTIVE, "").trim();
  for (let i = 0; i < 2; i++) t = t.replace(LEADING_META, "").trim();
  return t;
}

function splitAvoidList(value: string): string[] {
  return value
    .split(/\s*(?:[,;/]|\bor\b|\band\b|\by\b|\bo\b|\bou\b|\bet\b|\boder\b|\bund\b|、)\s*/i)
    .map(cleanTerm)
    .filter((s) => s.length > 1);
}

function avoidFromSentence(s: string): string[] | null {
  const t = cleanTerm(s.replace(/^\s*(?:[-*•·]\s*)/, ""));
  let m = SPEECH_VERB.exec(t);
  if (m) return [cleanTerm(m[1] ?? "").replace(/^(?:that|the word|the words|que|the phrase)\s+/i, "")];
  m = AVOID_VERB_FORM.exec(t);
  if (m) {
    const obj = (m[1] ?? "").replace(/^(?:mentioning|saying|using|claiming|talking about|any|the word|the words)\s+/i, "");
    if (SPEECH_AVOID.test(t) || AVOID_NOUNS.test(obj)) return splitAvoidList(obj);
    return null;
  }
  m = NO_FORM.exec(t);
  if (m && AVOID_NOUNS.test(m[1] ?? "") && words(m[1] ?? "").length <= 5) return [cleanTerm(m[1] ?? "")];
  return null;
}

function avoidTermsOf(phrases: string[]): { terms: string[]; prices: boolean } {
  const terms = new Set<string>();
  let prices = false;
  for (const p of phrases) {
    const key = normKey(p);
    if (/\b(price|prices|pricing|cost|costs|precio|precios|prix|preis|preço)\b/.test(key)) prices = true;
    const ws = key.split(" ").filter((w) => w && !AVOID_STOP.has(w));
    for (const w of ws) {
      if (/^(claims?|jargon|language|words?|mentions?|prices?|pricing|competitors?|emojis?|hashtags?)$/.test(w) && ws.length > 1) continue;
      terms.add(w);
      for (const e of AVOID_EXPANSIONS[w] ?? []) terms.add(normKey(e));
    }
    if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(p)) terms.add(cleanTerm(p));
  }
  return { terms: [...terms].filter((t) => t.length > 1 || /[\u3040-\u9fff]/.test(t)), prices };
}

/** True when the text contains one of the avoided terms (word-start match, small suffixes allowed). */
export function mentionsAvoided(text: string, terms: readonly string[], prices = false): boolean {
  if (!text) return false;
  if (prices && /[$€£¥]\s?\d|\d\s?(?:€|\$|usd|eur|dollars?|euros?)/i.test(text)) return true;
  if (terms.length === 0) return false;
  const key = ` ${normKey(text)} `;
  for (const t of terms) {
    if (/[\u3040-\u9fff]/.test(t)) {
      if (text.includes(t)) return true;
      continue;
    }
    const phrase = normKey(t);
    if (!phrase) continue;
    let idx = key.indexOf(` ${phrase}`);
    while (idx >= 0) {
      const after = key.slice(idx + 1 + phrase.length);
      const suffix = /^\S*/.exec(after)?.[0] ?? "";
      if (suffix.length <= 3) return true;
      idx = key.indexOf(` ${phrase}`, idx + 1);
    }
  }
  return false;
}

function extractUrls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let u = m[0].replace(/[.,;:!?)\]]+$/, "");
    if (/@/.test(text.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0))) continue; // e-mail domain
    const host = u.replace(/^https?:\/\//i, "").split("/")[0] ?? "";
    if (SOCIAL_HOSTS.test(host) && /\/(shorts|reel|reels|watch|video|p)\b/i.test(u)) continue;
    if (/^\d+(\.\d+)+$/.test(host)) continue;
    u = u.replace(/\/$/, "");
    if (!out.some((o) => o.toLowerCase() === u.toLowerCase())) out.push(u);
  }
  return out;
}

function extractPhones(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    const p = m[0].trim();
    const digits = (p.match(/\d/g) ?? []).length;
    if (digits < 7 || digits > 15) continue;
    if (/^\d{4}[\s.-]\d{4}$/.test(p) && /^(19|20)\d\d/.test(p)) continue; // "2023 2024"
    if (!/[\s.()-]/.test(p) && !p.startsWith("+")) continue;
    out.push(p);
  }
  return out;
}

const UNIT_RE = new RegExp(
  String.raw`(?<![\d.,])(?:[$€£¥]\s?\d[\d,.]{0,15}(?:\s?(?:k|m|bn))?(?:\/\w+)?|\d[\d,.]{0,15}\s?(?:€|\$|usd|eur|dollars?|euros?|yen|円)|\d+(?:[.,]\d+)?\s?%(?:\s?(?:off|de descuento|de réduction|rabatt|de desconto))?|\d+(?:[.,]\d+)?\s?\/\s?(?:5|10|7)\b|\d[\d,.]*\+?\s?(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|years?|kg|g|mg|lbs?|oz|ml|l|km|mi|miles?|cm|mm|calories|kcal|cal|steps|reps|servings|customers|users|people|clients|members|students|downloads|reviews|stars?|x|k|minutos?|horas?|días|dias|semanas|meses|años|anos|clientes|usuarios|usuários|heures?|jours?|semaines|mois|ans|minuten|stunden|tage|wochen|monate|jahre|kunden|nutzer|sterne|estrellas|étoiles|estrelas)\b|\d{1,3}(?:,\d{3})+\+?\s\p{L}+|\d+(?:[.,]\d+)?\s?(?:分|時間|日|週間|か月|年|人|円|倍|杯|回))`,
  "giu",
);

function extractNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(UNIT_RE)) {
    const v = cleanTerm(m[0]).replace(/\s+/g, " ");
    if (!/\d/.test(v)) continue;
    if (!out.some((o) => normKey(o) === normKey(v))) out.push(v);
  }
  return out.slice(0, 8);
}

function extractQuotes(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"\n]{2,140})"|“([^”\n]{2,140})”|«\s?([^»\n]{2,140}?)\s?»|„([^“”\n]{2,140})[“”]|「([^」\n]{1,60})」|『([^』\n]{1,60})』/gu;
  for (const m of text.matchAll(re)) {
    const q = cleanTerm(m.slice(1).find((g) => g !== undefined) ?? "");
    if (q && /[\p{L}\p{N}]/u.test(q) && !out.includes(q)) out.push(q);
  }
  return out.slice(0, 6);
}

const BRAND_NAME = String.raw`((?:[\p{Lu}\d][\p{L}\d'&+™®-]*(?:\.[\p{L}\d]+)*)(?:\s+(?:&\s+)?[\p{Lu}\d][\p{L}\d'&+™®-]*(?:\.[\p{L}\d]+)*){0,2})`;
// Compiled once (matchAll works on a copy, so sharing the global regexes is safe).
const BRAND_PATTERNS = [
  new RegExp(String.raw`\b(?:introducing|meet|called|named|launching|launch of|brand|for|presentamos|conoce|llamad[oa]|para|présentons|découvrez|appelée?|pour|namens|für|conheça|chamad[oa])\s+${BRAND_NAME}`, "gu"),
  new RegExp(String.raw`^${BRAND_NAME}\s+(?:is|are|helps|makes|lets|gives|ships|sends|es|est|ist|é|ayuda|aide|hilft|ajuda)\b`, "gmu"),
];

function extractBrands(lines: string[], text: string, lang: string, quotes: string[]): string[] {
  const cands = new Map<string, { name: string; weight: number; index: number }>();
  const add = (b: string, weight: number) => {
    const t = cleanTerm(b).replace(/\s*[(–—-].*$/, "").replace(/['’]s\b.*$/, "").trim();
    if (!t || t.length > 40 || words(t).length > 4) return;
    if (COMMON_CAPS.has(words(t)[0] ?? "") || words(t).some((w) => PLATFORM_NAMES.test(w) || STYLE_WORD.test(w))) return;
    const key = t.toLowerCase();
    const prev = cands.get(key);
    const index = text.indexOf(t);
    if (prev) prev.weight = Math.max(prev.weight, weight);
    else cands.set(key, { name: t, weight, index: index < 0 ? 1e9 : index });
  };
  const occurrences = (name: string) => text.split(name).length - 1;
  for (const re of BRAND_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[1] ?? "";
      if (/^\d+$/.test(words(name)[0] ?? "")) continue;
      add(name, 5 + occurrences(name));
    }
  }
  for (const m of text.matchAll(/\b([\p{L}\d]+[™®])|\b(\p{Ll}*\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*)\b/gu)) {
    const name = (m[1] ?? m[2] ?? "").replace(/[™®]/g, "");
    add(name, 10 + occurrences(name));
  }
  for (const q of quotes) {
    const cjk = /[\u3040-\u30ff\u4e00-\u9fff]/.test(q);
    if ((cjk && Array.from(q).length <= 10) || (!cjk && words(q).length <= 3 && words(q).every((w) => /^[\p{Lu}\d]/u.test(w)))) add(q, 20);
  }
  if (lang !== "de") {
    const counts = new Map<string, number>();
    for (const line of lines) {
      // A bullet's first word opens its line ("- Hold each stretch"): the marker is not a word before it.
      const toks = (bulletBody(line) ?? line).split(/\s+/);
      toks.forEach((tok, i) => {
        const w = tok.replace(/^[^\p{L}\d]+|[^\p{L}\d'™®]+$/gu, "").replace(/'s$/, "");
        if (i === 0 || !/^\p{Lu}[\p{Ll}\d]{2,}/u.test(w) || COMMON_CAPS.has(w)) return;
        const prev = toks[i - 1] ?? "";
        if (/[.!?:]$/.test(prev)) return;
        counts.set(w, (counts.get(w) ?? 0) + 1);
      });
    }
    for (const [w, c] of counts) if (c >= 2) add(w, c);
  }
  return [...cands.values()]
    .sort((x, y) => y.weight - x.weight || x.index - y.index)
    .map((c) => c.name)
    .filter((n, i, all) => !all.slice(0, i).some((o) => o.includes(n)))
    .slice(0, 3);
}

/** A heading that opens a sentence and says nothing itself ("Here's how it works: rises to the top"). */
const LEAD_IN =
  /^((?:here'?s|here is)\s+how\s+it\s+works|how\s+it\s+works|here'?s\s+the\s+thing|here'?s\s+why|the\s+secret|the\s+trick|the\s+best\s+part|the\s+catch|the\s+twist|bottom\s+line|fun\s+fact|pro\s+tip|quick\s+tip)\s*[:：]\s+(\S.*)$/i;
/** A heading cut before its object ("How our garage fixed: a 20-year-old Land Rover"): its colon is no break. */
const DANGLING_HEAD = /^((?:how|why|what|when|where)\s+(?:[\p{L}\d'’-]+\s+){0,6}?(?:[\p{L}-]{2,}ed|built|made|won|beat|saved|got|took|found|turned|with|for|to|of|about|from|into|our|the|a|an))\s*[:：]\s+(\S.*)$/iu;

/**
 * A sentence without its empty heading: a lead-in ("Here's how it works:", "Pro tip:") is dropped
 * and returned as `lead`; a heading cut before its object ("How our garage fixed: a 20-year-old
 * Land Rover") is read through its colon as one sentence.
 */
export function unheadSentence(sentence: string): { lead?: string; text: string } {
  const lead = LEAD_IN.exec(sentence);
  if (lead) return { lead: `${lead[1]}:`, text: lead[2] ?? "" };
  const dangling = DANGLING_HEAD.exec(sentence);
  if (dangling) return { text: `${dangling[1]} ${dangling[2]}` };
  return { text: sentence };
}

/**
 * The brief read once: its normalised text, its lines, and each line's sentences (without their
 * empty headings) as they are first asked for. `analyzeBrief` reads the brief into one and leaves it
 * with its analysis; `parseBrief`, given that analysis, reads the same lines and sentences from it
 * instead of normalising and splitting the brief again.
 */
export interface BriefText {
  raw: string;
  text: string;
  lines: string[];
  sentences(line: string): string[];
  unhead(sentence: string): { lead?: string; text: string };
}

export function readBrief(rawBrief: string): BriefText {
  const raw = String(rawBrief ?? "");
  const text = normalizeSpace(raw.replace(/\r\n?/g, "\n"));
  const split = new Map<string, string[]>();
  const unheaded = new Map<string, { lead?: string; text: string }>();
  return {
    raw,
    text,
    lines: text.split("\n").map((l) => l.trim()).filter(Boolean),
    sentences(line) {
      let out = split.get(line);
      if (!out) split.set(line, (out = splitSentences(line)));
      return out;
    },
    unhead(sentence) {
      let out = unheaded.get(sentence);
      if (!out) unheaded.set(sentence, (out = unheadSentence(sentence)));
      return out;
    },
  };
}

const READ = new WeakMap<BriefAnalysis, BriefText>();

/** The brief as `analyzeBrief` read it for this analysis, or read afresh when the analysis is of another text. */
export function briefTextOf(rawBrief: string, analysis: BriefAnalysis): BriefText {
  const read = READ.get(analysis);
  return read && read.raw === String(rawBrief ?? "") ? read : readBrief(rawBrief);
}

export function analyzeBrief(rawBrief: string): BriefAnalysis {
  const read = readBrief(rawBrief);
  const text = read.text;
  const language = detectLanguage(text);
  const rawLines = read.lines;

  const brands: string[] = [];
  const must: string[] = [];
  const avoidPhrases: string[] = [];
  const cta: BriefCta = { kind: "generic" };
  let title: string | undefined;
  let hookLine: string | undefined;
  let tone: string | undefined;
  let audience: string | undefined;
  let offer: string | undefined;
  let myth: string | undefined;
  let settingLabel: string | undefined;
  const points: BriefPoint[] = [];
  let bullets = 0;
  let order = 0;
  let section = "";

  const seenPoints = new Set<string>();
  const avoidSentences: string[] = [];
  const pushPoint = (t: string, bullet: boolean, intro = false, hint?: string) => {
    const s = cleanTerm(t) ? t.trim() : "";
    if (!s || !/[\p{L}\p{N}]/u.test(s)) return;
    const key = normKey(s);
    if (seenPoints.has(key)) return;
    seenPoints.add(key);
    points.push({ text: s, bullet, order: order++, intro, ...(hint ? { hint } : {}) });
    if (bullet) bullets++;
  };

  let metaSubjectText: string | undefined;
  let titleLabeled = false;
  const handleSentence = (rawSentence: string, isBullet: boolean) => {
    const sentence = read.unhead(rawSentence).text;
    const lab = parseLabel(sentence);
    if (lab && lab.kind !== "point") {
      switch (lab.kind) {
        case "brand": {
          const [name = "", ...desc] = lab.value.split(/\s*,\s*|\s+[-–—]\s+/);
          for (const b of name.split(/\s*\/\s*|\s+(?:and|y|et|und|e|&)\s+/)) brands.push(cleanTerm(b));
          if (desc.length && words(lab.value).length >= 4) pushPoint(lab.value, isBullet, true);
          return;
        }
        case "cta":
          cta.line = cleanTerm(lab.value);
          return;
        case "must": {
          const qs = extractQuotes(lab.value);
          must.push(...(qs.length ? qs : [cleanTerm(lab.value)]));
          pushPoint(lab.value, isBullet);
          return;
        }
        case "avoid":
          avoidSentences.push(rawSentence);
          avoidPhrases.push(...splitAvoidList(lab.value.replace(/^(?:saying|mentioning|using|claiming)\s+/i, "")));
          return;
        case "hook":
          hookLine = cleanTerm(lab.value);
          return;
        case "tone":
          tone = lab.value;
          return;
        case "audience":
          audience = lab.value;
          return;
        case "title":
          title = cleanTerm(lab.value);
          titleLabeled = true;
          return;
        case "meta":
          return;
        case "setting":
          settingLabel = lab.value;
          return;
        case "offer":
          offer = cleanTerm(lab.value);
          pushPoint(lab.value, isBullet, false, "offer");
          return;
        case "myth":
          myth = cleanTerm(lab.value);
          pushPoint(sentence.replace(/^\s*(?:[-*•·]\s*)/, ""), isBullet, false, "myth");
          return;
      }
    }
    const av = avoidFromSentence(sentence);
    if (av) {
      avoidPhrases.push(...av);
      avoidSentences.push(rawSentence);
      return;
    }
    const mustM = /(?:must include|must mention|make sure (?:to|you) (?:mention|say|include)|be sure to mention|always mention)\s*(?:the line|the phrase|that)?\s*[:]?\s*(.+)$/i.exec(sentence);
    if (mustM) {
      const qs = extractQuotes(mustM[1] ?? "");
      must.push(...(qs.length ? qs : [cleanTerm(mustM[1] ?? "")]));
      pushPoint(mustM[1] ?? "", isBullet);
      return;
    }
    if (STYLE_DIRECTIVE.test(sentence)) {
      tone ??= cleanTerm(sentence);
      return;
    }
    const teach = TEACH_DIRECTIVE.exec(sentence);
    if (!isBullet && teach) {
      const subject = cleanTerm(teach[1] ?? "");
      metaSubjectText ??= subject;
      if (!title && words(subject).length <= 12) title = capitalizeFirst(subject);
      return;
    }
    if (!isBullet && isMetaSentence(sentence)) {
      // "A 30s TikTok recipe: Steps: whisk the eggs; ...": the request before the list's label names the subject.
      const request = /^([^:：]+)[:：]\s*(?:steps?|tips?|items?|list|ideas?|reasons?)\s*[:：]\s/iu.exec(sentence)?.[1];
      const subject = metaSubject(request ?? sentence);
      if (subject) {
        metaSubjectText ??= subject;
        if (!title && words(subject).length <= 12 && !words(subject).every((w) => STYLE_WORD.test(cleanTerm(w)))) title = cleanTerm(subject);
        if (words(subject).length >= 5 && !COUNT_RE.test(subject)) pushPoint(subject, false, true);
        const head = subject.split(/[,:;(]|\s[-–—]\s/)[0]?.trim() ?? "";
        const hw = words(head);
        if (hw.length >= 1 && hw.length <= 4 && hw.every((w, i) => /^[\p{Lu}\d&]/u.test(w) || (i > 0 && /^(de|la|le|del|du|da|do|von|van|&|and|y|et|e|und)$/i.test(w))) && /^[\p{Lu}]/u.test(head) && !/^(How|What|Why|When|The|A|An|My|Our)$/i.test(hw[0] ?? "") && !hw.some((w) => STYLE_WORD.test(w))) brands.push(cleanTerm(head));
      }
      return;
    }
    if (lab) {
      const hint = ROLE_LABELS.find(([re]) => re.test(lab.label))?.[1];
      const keepLabel = KEEP_LABEL.test(lab.label);
      pushPoint(keepLabel ? sentence.replace(/^\s*(?:[-*•·]\s*)/, "") : lab.value, isBullet, false, hint);
      return;
    }
    pushPoint(sentence, isBullet);
  };

  for (const line of rawLines) {
    // Section headers such as "Avoid:" or "Key points:" with the items on the next lines.
    const header = /^\s*([\p{L}' /-]{2,30})\s*[:：]\s*$/u.exec(line);
    if (header) {
      const lab = parseLabel(`${header[1]}: x`);
      section = lab?.kind ?? "";
      continue;
    }
    const bullet = bulletBody(line);
    const body = bullet ?? line;
    if (bullet !== null && (section === "avoid" || section === "must" || section === "brand")) {
      if (section === "avoid") {
        avoidPhrases.push(...splitAvoidList(body));
        avoidSentences.push(line);
      } else if (section === "must") {
        must.push(cleanTerm(body));
        pushPoint(body, true);
      } else brands.push(cleanTerm(body));
      continue;
    }
    if (bullet === null) section = "";
    if (bullet !== null) handleSentence(bullet, true);
    else for (const sentence of read.sentences(body)) handleSentence(sentence, false);
  }

  // Quoted lines anywhere are kept as written.
  const allQuotes = extractQuotes(text);
  const quotes = allQuotes.filter((q) => !avoidPhrases.some((a) => normKey(a) === normKey(q)));
  const { terms: avoidTerms, prices: avoidPrices } = avoidTermsOf(avoidPhrases);

  // Call to action.
  const urls = extractUrls(cta.line ?? "").concat(extractUrls(text));
  const phones = extractPhones(cta.line ?? "").concat(extractPhones(text));
  const ctaSource = cta.line ?? "";
  let ctaPointIndex = -1;
  if (!cta.line) {
    for (let i = points.length - 1; i >= 0; i--) {
      const p = points[i]!.text;
      if (CTA_PHRASES.some(([re]) => re.test(p)) || extractUrls(p).length || extractPhones(p).length) {
        if (words(p).length <= 25) {
          ctaPointIndex = i;
          cta.line = cleanTerm(p);
        }
        break;
      }
    }
  }
  if (ctaPointIndex >= 0) points.splice(ctaPointIndex, 1);
  const ctaText = `${ctaSource} ${cta.line ?? ""}`;
  cta.url = urls[0];
  cta.phone = phones[0];
  for (const [re, kind] of CTA_PHRASES) {
    const m = re.exec(ctaText) ?? (kind === "link_in_bio" || kind === "book_demo" ? re.exec(text) : null);
    if (m) {
      if (kind === "link_in_bio" || kind === "book_demo") cta.phrase = m[0];
      if (cta.kind === "generic") cta.kind = kind;
      if (kind === "link_in_bio" || kind === "book_demo") break;
    }
  }
  if (cta.url && (cta.kind === "generic" || cta.kind === "url" || cta.kind === "shop")) cta.kind = "url";
  if (cta.phone && (cta.kind === "generic" || cta.kind === "phone")) cta.kind = "phone";
  if (cta.phrase && /bio|プロフ/i.test(cta.phrase)) cta.kind = "link_in_bio";
  if (cta.phrase && /demo|デモ/i.test(cta.phrase)) cta.kind = "book_demo";
  const code = /\b(?:code|código|code promo|gutscheincode|cupom|クーポン)\s*[:]?\s*([A-Z0-9]{3,20})\b/.exec(text);
  if (code) cta.code = code[1];

  // Brands, numbers, key terms.
  const allBrands = [...brands.filter(Boolean), ...extractBrands(rawLines, text, language, allQuotes)];
  const brandList: string[] = [];
  for (const b of allBrands) if (b && !brandList.some((x) => x.toLowerCase() === b.toLowerCase()) && !mentionsAvoided(b, avoidTerms)) brandList.push(b);
  const numberSource = points.map((p) => p.text).concat(cta.line ?? [], offer ?? []).join("\n");
  const numbers = extractNumbers(numberSource).filter((n) => !mentionsAvoided(n, avoidTerms, avoidPrices));

  // Pattern signals.
  const hasCjkText = /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
  const countM = COUNT_RE.exec(text);
  let count: BriefAnalysis["count"];
  if (countM) {
    const rawN = (countM[1] ?? "").toLowerCase();
    const n = /^\d+$/.test(rawN) ? Number(rawN) : (NUMBER_WORDS[rawN] ?? 0);
    if (n >= 2 && n <= 10) {
      const tail = (countM[4] ?? "").split(/[,;:(]|\s[-–—]\s/)[0] ?? "";
      const phrase = tidyPhrase(`${countM[1]} ${countM[2] ?? ""}${countM[3]}${tail}`, 7);
      count = { n, noun: (countM[3] ?? "").toLowerCase(), phrase };
    }
  } else {
    const ja = COUNT_JA_RE.exec(text);
    if (ja) {
      const n = Number(ja[1]);
      if (n >= 2 && n <= 10) count = { n, noun: ja[2] ?? "", phrase: `${ja[1]}つの${ja[2]}` };
    }
  }
  const painM =
    /(?:tired of|sick of|struggl\w* (?:with|to)|fed up with|frustrated (?:with|by)|hate|can't stand|problem with|cansad[oa]s? de|hart[oa]s? de|lutando com|sofrendo com|marre de|fatigué(?:e)?s? de|galère avec|genervt von|keine lust auf|ärger mit)\s+([^.,!?;\n]+)/i.exec(text) ??
    (hasCjkText ? /([^、。\s]{2,12})(?:に悩|で悩|が面倒)/u.exec(text) : null);
  const taskM =
    /\bhow to\s+([^.,!?;:\n]+)|\bcómo\s+([^.,!?;:\n]+)|\bcomment\s+([^.,!?;:\n]+)|\bwie (?:man\s+)?([^.,!?;:\n]+)|\bcomo\s+([^.,!?;:\n]+)/i.exec(text) ??
    (hasCjkText ? /([^、。\s]{2,14})の(?:作り方|やり方|方法)/u.exec(text) : null);
  const roleM = /day in (?:the|my) life (?:of|as) (?:an?\s+|the\s+)?([^.,!?;:\n]+)|un día (?:en la vida de|como)\s+(?:un[ao]?\s+)?([^.,!?;:\n]+)|une journée (?:dans la vie d'|de|d')\s*(?:une?\s+)?([^.,!?;:\n]+)|ein tag (?:als|im leben (?:von|einer?|eines))\s+([^.,!?;:\n]+)|um dia (?:na vida de|como)\s+(?:um[a]?\s+)?([^.,!?;:\n]+)/i.exec(text) ?? (hasCjkText ? /([^、。\s]{2,10})の一日/u.exec(text) : null);
  const cmpM = !/\bv(?:s|ersus)\b/i.test(text) ? null : /(?<![\p{L}\d'&+.-])([\p{L}\d][\p{L}\d'&+.-]{0,40}(?:\s+[\p{L}\d][\p{L}\d'&+.-]{0,40}){0,2})\s+(?:vs\.?|versus)\s+([\p{L}\d][\p{L}\d'&+.-]*(?:\s+[\p{L}\d][\p{L}\d'&+.-]*){0,2})/iu.exec(text);
  const offerM = /(?<![\d.,])(\d+\s?%\s?off\b[^.,!?\n]{0,25}|\d+\s?%\s?(?:de descuento|de réduction|rabatt|de desconto)|buy one,? get one(?: free)?|bogo|free shipping|envío gratis|livraison (?:offerte|gratuite)|kostenloser versand|frete grátis|half price|[$€£]\d+ off|\d+%オフ|\d+割引)/i.exec(text);
  const mythM = /\bmyth(?:s)?\s*(?:#?\d)?\s*[:—-]\s*([^.!?\n]+)|\bthe myth that\s+([^.!?\n]+)|\bmito\s*:\s*([^.!?\n]+)|\bmythe\s*:\s*([^.!?\n]+)|\bmythos\s*:\s*([^.!?\n]+)/i.exec(text);
  const grp = (m: RegExpExecArray | null) => (m ? m.slice(1).find((g) => g !== undefined) : undefined);

  let setting: string | undefined;
  if (settingLabel) setting = cleanTerm(settingLabel);
  else for (const [re, s] of SETTINGS) if (re.test(text)) {
    setting = s;
    break;
  }

  // Topic: a labelled title, the list phrase, the subject of the request sentence, the task, else the opening words.
  let topic: string | undefined;
  const cut = (x: string) => x.split(/[,(:;!?]|\s[-–—]\s/)[0] ?? x;
  const firstSentence = points.find((p) => !p.intro)?.text ?? "";
  const task = grp(taskM) ? tidyPhrase((grp(taskM) ?? "").replace(/\s+in\s+\d+\s+\w+$/i, ""), 6) : undefined;
  if (titleLabeled && title) topic = tidyPhrase(cut(title), 5);
  else if (count && !/steps?|pasos|étapes|schritte|passos/i.test(count.noun)) topic = count.phrase;
  else if (metaSubjectText && /[\p{L}]/u.test(cut(metaSubjectText))) {
    const c = cut(metaSubjectText);
    topic = isSpacelessLike(c) ? (Array.from(c).length <= 10 ? c : undefined) : tidyPhrase(c, 5);
  } else if (task && words(task).length <= 5) topic = task;
  else if (firstSentence && !isSpacelessLike(firstSentence) && META_WORDS.test(firstSentence) && metaSubject(firstSentence)) {
    topic = tidyPhrase(cut(metaSubject(firstSentence)), 5);
  } else if (firstSentence && !isSpacelessLike(firstSentence)) {
    const stripped = stripMeta(firstSentence).split(/[,;:(]|\s[-–—]\s|\b(?:that|which|who|so|because|que|qui|der|die|das)\b/)[0] ?? "";
    // "How our garage fixed a 20-year-old Land Rover": a how/why clause is the topic whole (to 8 words).
    const howClause = language === "en" && /^(?:how|why)\s/i.test(stripped);
    const t = howClause ? tidyPhrase(stripped, 8) : tidyPhrase(subjectOf(stripped, language), 4);
    if (t && words(t).length <= (howClause ? 8 : 4) && words(t).length >= 1) topic = t;
  } else if (firstSentence) {
    const c = (firstSentence.split(/[、。，,]|の紹介|を紹介|について/)[0] ?? "").trim();
    if (Array.from(c).length <= 10) topic = c;
  }
  if (topic && mentionsAvoided(topic, avoidTerms, avoidPrices)) topic = undefined;
  if (topic && /^(a|an|the)$/i.test(topic)) topic = undefined;
  if (topic && brandList.some((b) => normKey(topic!).startsWith(normKey(b)))) topic = undefined;

  const keyTerms: string[] = [];
  const addKey = (t: string | undefined) => {
    const c = t ? cleanTerm(t) : "";
    if (!c || mentionsAvoided(c, avoidTerms, avoidPrices)) return;
    if (!keyTerms.some((k) => normKey(k) === normKey(c))) keyTerms.push(c);
  };
  brandList.forEach(addKey);
  numbers.forEach(addKey);
  quotes.forEach(addKey);
  must.filter(Boolean).forEach(addKey);
  addKey(cta.url ? cta.url.replace(/^https?:\/\//i, "") : undefined);
  addKey(cta.phone);
  addKey(cta.phrase);
  addKey(cta.code);

  const topicKey = topic ? normKey(topic) : "";
  const analysis: BriefAnalysis = {
    language,
    points: points.filter((p) => !mentionsAvoided(p.text, avoidTerms, avoidPrices) && !(words(p.text).length <= 3 && normKey(p.text) === topicKey)),
    bullets,
    brands: brandList,
    numbers,
    quotes,
    mustInclude: must.filter(Boolean),
    avoidPhrases,
    avoidTerms,
    avoidPrices,
    cta,
    title,
    hookLine: hookLine && !mentionsAvoided(hookLine, avoidTerms, avoidPrices) ? hookLine : undefined,
    topic,
    count,
    pain: grp(painM) ? tidyPhrase(grp(painM) ?? "", 5) : undefined,
    task,
    role: grp(roleM) ? tidyPhrase(grp(roleM) ?? "", 4) : undefined,
    offer: offer ?? (offerM ? cleanTerm(offerM[0]) : undefined),
    compare: cmpM ? [lastWords(cmpM[1] ?? "", 3), tidyPhrase(cmpM[2] ?? "", 3)] : undefined,
    myth: myth ?? (grp(mythM) ? tidyPhrase(grp(mythM) ?? "", 8) : undefined),
    setting,
    digital: DIGITAL.test(text),
    tone,
    audience,
    keyTerms,
    signalText: avoidSentences.reduce((t, s) => t.replace(s, " "), text),
    wordCount: words(text).length + Math.floor((text.match(/[\u3040-\u30ff\u4e00-\u9fff]/g) ?? []).length / 2),
  };
  READ.set(analysis, read);
  return analysis;
}

function lastWords(s: string, n: number): string {
  const ws = words(s);
  let out = ws.slice(-n);
  // Drop leading function words ("the", "is") left over from the sentence.
  while (out.length > 1 && /^(?:the|a|an|is|are|el|la|le|les|der|die|das|o|a|between|entre|zwischen)$/i.test(out[0] ?? "")) out = out.slice(1);
  return cleanTerm(out.join(" "));
}

function isSpacelessLike(s: string): boolean {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(s) && !/\s\S+\s/.test(s);
}

export { extractUrls, extractPhones, extractNumbers, extractQuotes };
