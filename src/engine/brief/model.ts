// The brief, understood: every span of the brief lands in exactly one typed field of a
// BriefModel (or in `ignored`, with the reason). The writer builds every line from this model;
// tone, audience, labels and directions steer the writing and are never spoken or shown.
import { analyzeBrief, briefTextOf, cleanTerm, extractNumbers, extractPhones, extractQuotes, extractUrls, type BriefAnalysis } from "../brief";
import { normKey, plainWords, splitSentences } from "../text";
import { classifyDomain, type Domain } from "./domain";

export const BRIEF_FIELDS = [
  "product", "topic", "audience", "offer", "pain", "benefit", "feature", "proof", "item", "story",
  "cta", "deadline", "price", "must_say", "final_overlay", "avoid", "tone", "direction", "settings", "hook", "title",
] as const;
export type BriefField = (typeof BRIEF_FIELDS)[number];

export interface BriefSpan {
  /** The span as written in the brief (a line, a sentence or a clause; a label is its own span). */
  text: string;
  field: BriefField | "ignored";
  /** Why the span was ignored, or which label put it in its field. */
  reason?: string;
}

export interface BriefCtaModel {
  /** The call to action in the brief's words ("start a free trial"), without its label. */
  text?: string;
  url?: string;
  phone?: string;
  code?: string;
  /** The brief asks to end on a plug for the product ("ending with a plug for RootRight"). */
  plug?: boolean;
}

export interface BriefModel {
  language: string;
  /** The product or brand name ("ShiftPilot"). */
  product?: string;
  /** What the product is, as a noun phrase ("rota planning for restaurants"). */
  productWhat?: string;
  /** True when the product is a physical object that can be held up (soil, coffee, a serum). */
  physical: boolean;
  /** The two sides of a comparison ("oat milk", "almond milk"). */
  compare?: [string, string];
  /** The subject of the video ("repotting houseplants"). */
  topic?: string;
  domain: Domain;
  audience: string[];
  offer: string[];
  pains: string[];
  benefits: string[];
  features: string[];
  proof: string[];
  /** List items or steps as given (may be fewer than `count`). */
  items: string[];
  /** How many items the brief announces ("4 mistakes"), with the noun. */
  count?: { n: number; noun: string; phrase: string };
  /** Labelled story beats ("Before: ...", "Myth: ...", "Morning: ...") by role. */
  story: { role: string; text: string }[];
  cta: BriefCtaModel;
  deadlines: string[];
  prices: string[];
  mustSay: string[];
  finalOverlay?: string;
  avoid: string[];
  tone: string[];
  directions: string[];
  settings: { platform?: string; duration?: string; language?: string; format?: string };
  hook?: string;
  title?: string;
  spans: BriefSpan[];
  ignored: { text: string; reason: string }[];
}

/** The model, plus the lower-level analysis the timing, grounding and checks already use. */
export interface UnderstoodBrief {
  model: BriefModel;
  analysis: BriefAnalysis;
}

// ---- Vocabulary ----

const TONE_WORDS = new Set(
  (
    "cheeky fast fun funny playful calm practical friendly warm bold punchy upbeat energetic serious professional casual witty chill " +
    "relaxed premium luxurious minimal minimalist honest direct conversational informative educational inspiring emotional urgent " +
    "confident quirky cozy cosy sassy light lighthearted light-hearted snappy dry deadpan edgy authentic raw genuine heartfelt " +
    "empathetic reassuring trustworthy expert authoritative simple clear short quick slow gentle soft loud hype hyped excited " +
    "exciting cinematic elegant classy sophisticated down-to-earth human relatable approachable nerdy geeky sarcastic irreverent " +
    "motivational motivating aspirational cute wholesome positive optimistic no-nonsense straightforward matter-of-fact informal formal " +
    "tone tono ton ton-style voice style vibe vibes energy pace paced fast-paced pacing high-energy low-key " +
    "cercano divertido divertida alegre tranquilo tranquila profesional cálido cálida directo directa cercana desenfadado sencillo " +
    "drôle décontracté décontractée chaleureux chaleureuse calme professionnel professionnelle léger légère direct directe " +
    "locker witzig ruhig freundlich professionell sachlich warm lustig direkt entspannt " +
    "descontraído descontraída divertido calmo calma amigável profissional leve direto direta acolhedor " +
    "and y et und e or o ou oder but not no very super a bit little slightly más plus mais mehr und"
  ).split(/\s+/),
);
const TONE_LEAD = /^(?:tone|voice|style|vibe|keep it|make it|be|sound|feel|should feel|should be|tono|estilo|ton|stil|tom|トーン|雰囲気|口調)\b\s*[:：]?\s*/i;
const TONE_JA = /(?:明るく|楽しく|親しみやすく|落ち着いた|カジュアル|丁寧|ポップ|テンポよく|やさしい|優しい|元気|トーン|口調|雰囲気)/u;
const NO_HYPE = /^(?:no hype|no fluff|no jargon|no clickbait|sin exagerar|sans exagérer|ohne hype|sem exagero)$/i;

const AUDIENCE_RE =
  /^(?:(?:target(?:ing)?|aimed at|audience|for an audience of|speaking to|talking to|targeted at|our audience is|público(?: objetivo)?|dirigido a|pensado para|cible|pour un public de|zielgruppe|für eine zielgruppe|público-alvo|para o público)\b|ターゲット(?:は)?|対象(?:は)?)/i;
const AUDIENCE_JA = /(?:ターゲット|対象|向け)/u;

const DIRECTION_RE =
  /\b(?:colou?rs?|palette|logo|safe (?:area|zone)s?|font|typeface|brand guidelines?|hex|#[0-9a-f]{3,6}|talking head|b-roll|broll|voice-?over|vo\b|captions?|subtitles?|music|sound|soundtrack|trending audio|transitions?|shot on|film(?:ed)? (?:on|with|at|in)|filmed|shoot (?:it|on|at|in)|handheld|tripod|lighting|natural light|vertical|9:16|16:9|1:1|4:5|aspect ratio|green screen|on-screen text|text on screen|lower third|end card|reference(?:s| video| videos)?|like the (?:reference|first|other|last)|other cuts?|the first cut|previous (?:video|cut)|cut(?:s)? (?:fast|quickly)|jump cuts?|close-?ups?|wide shots?|pov|selfie|ugc style|screen recording|screen capture|show (?:the|our|my) (?:app|product|face|team|store|shop|logo)|colores|couleurs|farben|cores|ロゴ|テロップ|字幕|色|BGM)\b/i;
const SETTINGS_RE =
  /^(?:(?:a|an|one|our|the|un|una|une|um|uma|ein|eine)\s+)?(?:(?:about|around|~)\s*)?(?:\d{1,3}\s*(?:-|‐|–)?\s*(?:seconds?|secs?|s|sec|segundos?|seg|secondes?|sekunden|minutes?|mins?|minutos?|minuten|秒|分)\b\.?\s*)?(?:(?:vertical|short-form|short|tiktok|instagram|ig|youtube|facebook|fb|reels?|shorts?|video|vídeo|vidéo|clip|ad|spot|post|in english|in spanish|in french|in german|in portuguese|in japanese|en español|en français|auf deutsch|em português|日本語で|動画|リール|ショート)\s*,?\s*)+$/i;
const DURATION_ONLY = /^(?:(?:about|around|~)\s*)?\d{1,3}\s*(?:-|‐|–)?\s*(?:seconds?|secs?|s|sec|segundos?|seg|secondes?|sekunden|minutes?|mins?|minutos?|minuten|秒|分)\b\.?$/i;
const PLATFORM_WORD = /\b(tik\s?tok|instagram(?: reels?)?|reels?|youtube shorts|shorts|youtube|facebook(?: reels?)?)\b/i;
const DURATION_WORD = /\b\d{1,3}\s*(?:-|‐|–)?\s*(?:seconds?|secs?|s|sec|segundos?|seg|secondes?|sekunden|minutes?|mins?|minutos?|minuten)\b|\d{1,3}\s*(?:秒|分)/i;
const FORMAT_WORD = /\b(before and after|before\/after|listicle|tutorial|how-to|step by step|myth vs\.? fact|storytime|day in the life|testimonial|ugc|comparison|antes y después|avant\/après|avant et après|vorher\/nachher|vorher und nachher|antes e depois|ビフォーアフター)\b/i;

const PLUG_RE =
  /\b(?:end(?:ing)?|close|closing|finish(?:ing)?|wrap(?:ping)? up)\s+(?:on|with)\s+(?:a\s+)?(?:plug|shout-?out|mention|call-?out)\s+(?:for|of|to)\s+(?:our\s+|my\s+|the\s+)?(.+)$|\b(?:plug|shout-?out)\s+(?:for|of)\s+(?:our\s+|my\s+|the\s+)?(.+)$|(?:termin(?:a|ando|er|ez)|acab(?:a|ando)|cerr(?:ar|ando)|finir|enden?|encerr(?:ar|ando)|terminar)\s+(?:con|avec|mit|com)\s+(?:una?\s+|un\s+|einem?\s+)?(?:mención|plug|pub|hinweis|menção)\s+(?:a|de|à|auf|para)\s+(?:nuestr[ao]\s+|notre\s+|unser(?:e|en)?\s+|nosso\s+|nossa\s+)?(.+)$/i;
const END_WITH_RE =
  /^(?:(?:please\s+)?(?:end|close|finish|wrap up|sign off)\s+(?:on|with)|the (?:video|reel|ad) (?:should )?(?:ends?|closes?) (?:on|with)|last line|final line|termina con|acaba con|finis avec|termine avec|ende mit|schließe mit|termine com|finalize com)\s*[:：]?\s*(.+)$|^最後(?:に|は)(.+)$/i;
const OVERLAY_REQ_RE =
  /^(?:(?:final|last|closing) (?:overlay|on-screen text|text|card|frame|screen)|end ?card|end screen|overlay at the end|texto final|texte final|endkarte|texto da tela final|最後のテロップ)\s*(?:says?|reads?|should (?:say|read)|with|shows?|=|:|：)\s*(.+)$/i;
const MUST_SAY_RE =
  /^(?:(?:you )?must (?:say|include|mention)|(?:make sure to|be sure to|always) (?:say|mention|include)|say (?:exactly|this)|include the line|the line|mandatory line|legal line|disclaimer|must-say|debe decir|incluye la frase|doit dire|muss sagen|deve dizer|必ず)\s*(?:the line|the phrase|that|exactly)?\s*[:：]?\s*(.+)$/i;

/**
 * Framing words: how a shot opens, cuts or closes ("Show the morning rush, then the cup", "Open on the
 * espresso machine", "Cut to the cup", "Finish with a slow pan over the shelf"). They are directions.
 */
const FRAME_RE =
  /^(?:please\s+)?(?:show(?:\s+off)?\s+(?:the|a|an|our|my|some|them|people|customers|viewers|us)\b(?!.*\b(?:how|why|that)\b)|(?:open|opening|start|begin)\s+(?:on|with)\s+(?:a|an|the|our|my|some)?\s*(?:shot|close-?up|wide|view|pan|zoom|montage|b-?roll|the\b|[\p{L}-]+\s+(?:shot|close-?up|pan))|(?:open|opening|begin)\s+on\b|(?:open|start|begin)\s+(?:with|on)\s+(?:a|an)\s+(?:question|joke|stat(?:istic)?|hook|surprising fact|bold claim)\b|(?:then\s+)?cut(?:ting)?\s+(?:to|away)\b|(?:slow\s+)?(?:pan|tilt|zoom|push|dolly)\s+(?:in|out|over|across|to|on|into|through)\b|(?:end|close|finish|wrap up)\s+(?:on|with)\s+(?:a|an|the)?\s*(?:slow\s+|quick\s+|wide\s+|tight\s+|final\s+|last\s+)?(?:shot|close-?up|pan|tilt|zoom|view|montage|b-?roll|wide|fade|freeze|push-in|pull-out|tracking shot|aerial)\b|transition\s+to\b|(?:a\s+)?montage\s+of\b|b-?roll\s+of\b|film\s+(?:the|a|an|our|my)\b)/iu;
/** A closing image: what the last shot shows, not what it says ("the team waving", "the logo"). */
const CLOSING_IMAGE = /\b(?:shots?|close-?ups?|pan|tilt|zoom|montage|b-?roll|logo|end card|fade|freeze|frame|view|aerial|overhead|slow[- ]?mo(?:tion)?|waving|smiling|smile|walking away|silhouette)\b/i;
/** What a call to action says: an action verb, a link, a phone number, a code or an offer. */
const CTA_LIKE =
  /\b(?:follow|subscribe|shop|order|book|visit|call|text|dm|message|download|sign up|join|buy|enrol+|register|comment|share|save|tap|click|grab|claim|get|try|start|use|head to|go to|check out|learn more|link in (?:bio|description)|pre-order|reserve|apply|contact|find us|come (?:in|by|visit)|stop by|swing by)\b|https?:\/\/|www\.|\.(?:com|co|io|app|shop|store)\b|\bcode\s+[A-Z0-9]{3,}|\d+\s?%|sígue|suscríbete|compra|pide|reserva|visita|abonne|commande|réserve|folge|abonniere|bestelle|buche|besuche|siga|inscreva|compre|peça|reserve|visite|フォロー|登録|予約|購入|チェック/iu;

/** A predicate without its subject: an English verb in the third person opens it ("rises to the top of your inbox"). */
const BARE_VERB =
  /^(?:rises|sorts|saves|keeps|turns|sends|posts|books|tracks|finds|shows|lets|helps|makes|gives|takes|builds|plans|syncs|connects|integrates|works|runs|cuts|reminds|flags|learns|writes|reads|blocks|handles|moves|brings|puts|checks|cleans|removes|fixes|grows|ships|delivers|creates|automates|schedules|answers|fits|lasts|stays|comes|gets|sets|adds|mixes|heats|cools|filters|protects|prevents|reduces|boosts|improves|replaces|matches|splits|lifts|hides|pulls|pushes|catches|spots|sums|summari[sz]es|translates|organi[sz]es|prioriti[sz]es|surfaces|ranks|tags|labels|files|archives|drafts|replies)\s+\S/i;
/** "How our garage fixed a 20-year-old Land Rover": how, then a subject and its past-tense verb. */
const HOW_STORY = /^how\s+((?:our|my|we|i|they|\p{Lu}[\p{L}'-]*)\s+(?:[\p{L}'-]+\s+){0,3}?(?:[\p{L}-]{2,}ed|built|made|won|beat|got|took|found|grew|sold|ran|began|did|drove|wrote|brought|kept)\s+.+)$/iu;
const capitalizeWord = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** 「新発売の抹茶ラテを紹介する。」: the video presents the subject. */
const JA_INTRODUCE = /^(.{2,24}?)を(?:紹介|宣伝|PR)(?:する|して|します|したい|しよう)?(?:動画)?[。！]?$/u;
const TEACH_RE = /^((?:please\s+)?(?:teach|show|explain to|walk)\s+(?:viewers|people|the audience|followers|beginners|kids|them|everyone)(?:\s+through)?)\s+(how to .+|how .+)$/i;
const CTA_VERB = /^(?:follow|subscribe|shop|order|book|visit|call|download|sign up|join|buy|enroll|register|comment|tap|click|grab|pre-order|sígue(?:me|nos)|suscríbete|compra|pide|reserva|abonne-toi|abonnez-vous|commande[zr]?|réserve[zr]?|folge|abonniere|bestelle|buche|siga|inscreva-se|compre|peça|reserve)\b/i;
const SHOW_HOW_RE = /^((?:please\s+)?(?:show|explain|highlight|demonstrate|emphasi[sz]e|stress|point out)\s+(?:how|that|why))\s+(.+)$/i;
const EN_VERB = /\b(?:is|are|was|were|be|has|have|had|do|does|did|can|could|will|would|should|get|gets|make|makes|help|helps|let|lets|ships|saves|takes|wastes|lose|loses|need|needs|want|wants|use|uses|go|goes|keep|keeps|run|runs|love|loves)\b|\w+ed\b/i;
const AVOID_RE =
  /^(?:avoid|don't|dont|do not|never|no mention|without mentioning|please don't|evita|evitar|no digas|no menciones|no decir|éviter|évitez|ne (?:dites|mentionnez|parlez) pas|ne pas|vermeide|vermeiden|sag nicht|erwähne nicht|nicht (?:sagen|erwähnen)|evite|não (?:diga|mencione|fale|use)|避け|禁止|言わない)/i;
const NO_CLAIM_RE = /^(?:no|sin|pas de|keine|sem)\s+(?:\S+\s+){0,3}(?:claims?|promises?|guarantees?|jargon|prices?|pricing|emojis?|hashtags?|swearing|competitors?|afirmaciones|promesas|allégations|versprechen|promessas)\b/i;

const PAIN_RE =
  /\b(tired of|sick of|struggl\w*|fed up|frustrat\w*|hate|can't stand|problem|lose|loses|losing|lost|waste|wastes|wasting|wasted|spend hours|hours a week|stress\w*|overwhelm\w*|annoy\w*|hard to|difficult|mess|messy|chaos|headache|nightmare|expensive|slow|bitter|dull|dry|uneven|cansad\w*|problema|pierden|pierde|perder|marre|galère|perdent|perdre|verlieren|verliert|ärger|genervt|perdem|perder|sofr\w*|dificil|difícil)\b|悩み|悩む|面倒|大変|時間がかかる|失う/i;
const PROOF_RE =
  /\b(used by|trusted by|loved by|rated|award\w*|certified|reviews?|testimonials?|clinically|proven|customers|users|clients|members|downloads|sold|installs|five-star|5-star|★|\d(?:\.\d)?\s?\/\s?5|usado por|utilisé par|genutzt von|usado por|clientes|utilisateurs|kunden|nutzer|avaliações|reseñas|avis|bewertungen)\b|\d[\d,.]*\+?\s+(?:restaurants|shops|stores|teams|companies|businesses|families|parents|people|runners|cafés|cafes|brands|agencies|schools|clinics|hotels|homes|users|customers|members)|店舗|導入|利用者|件のレビュー/i;
const OFFER_RE = /\d+\s?%\s?(?:off|de descuento|de réduction|rabatt|de desconto)|\bdiscount|\bcoupon|\bpromo code|\bcode\s+[A-Z0-9]{3,}|free shipping|free trial|buy one|bogo|\bsale\b|\bdeal\b|descuento|réduction|rabatt|desconto|oferta|offre|angebot|割引|オフ|無料体験|クーポン/i;
const DEADLINE_RE = /\b(?:today only|ends? (?:on |this |at )?\w+|until \w+|this week only|limited time|last chance|while (?:stocks|supplies) last|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of)|solo hoy|hasta el|jusqu'au|nur (?:heute|bis)|só hoje|até (?:o|a)?)\b|本日限り|期間限定|まで/i;
const PRICE_RE = /[$€£¥]\s?\d|\d\s?(?:€|\$|usd|eur|dollars?|euros?|円)\b|\bfrom \$|\bonly \$/i;
const FEATURE_RE = /\b(integrates?|includes?|comes with|has|have|features?|supports?|syncs?|works with|built-in|made (?:with|from|of)|contains?|ships|delivers?|uses|runs on|connects?|tracks?|lets you|automatically|incluye|integra|intègre|inclut|enthält|integriert|inclui|integra)\b|機能|搭載|対応/i;
const BENEFIT_RE = /\b(save|saves|saving|so you|so that|never again|no more|without|faster|easier|better|more time|less time|in minutes|in seconds|finally|enjoy|feel|get back|ahorra|más fácil|sin|économise|plus facile|sans|spart|einfacher|ohne|economiza|mais fácil|sem)\b|簡単|時短|できる/i;

const LABEL_FIELDS: [RegExp, BriefField | "story" | "ignored_label"][] = [
  [/^(?:brand|product|company|app|brand name|product name|client|business|marca|producto|produto|produit|marque|produkt|marke|firma|empresa|ブランド|商品|製品|サービス)$/i, "product"],
  [/^(?:topic|subject|theme|about|tema|sujet|thème|thema|assunto|テーマ|題材)$/i, "topic"],
  [/^(?:cta|call to action|call-to-action|action|llamada a la acción|appel à l'action|handlungsaufforderung|chamada|chamada para ação|行動喚起)$/i, "cta"],
  [/^(?:must include|must-include|must mention|must say|must-say|include|mention|incluir|incluye|inclure|à inclure|erwähnen|muss enthalten|pflicht|必須|必ず入れる|disclaimer|legal)$/i, "must_say"],
  [/^(?:final overlay|end card|end screen|last frame|closing text|overlay at the end|texto final|texte final|endkarte|最後のテロップ)$/i, "final_overlay"],
  [/^(?:avoid|don't|dont|do not|never|don'ts|donts|restrictions?|no-go|evitar|evita|no decir|éviter|à éviter|interdit|vermeiden|tabu|evite|避ける|禁止|ng)$/i, "avoid"],
  [/^(?:hook|opening line|opener|gancho|accroche|aufhänger|フック)$/i, "hook"],
  [/^(?:tone|voice|style|vibe|mood|tono|estilo|ton|stil|tom|トーン|雰囲気|口調)$/i, "tone"],
  [/^(?:audience|target|target audience|viewers|for|público|público objetivo|audience cible|cible|zielgruppe|público-alvo|ターゲット|対象)$/i, "audience"],
  [/^(?:title|título|titre|titel|タイトル)$/i, "title"],
  [/^(?:platform|format|duration|length|runtime|video length|language|plataforma|duración|durée|plateforme|dauer|länge|plattform|duração|formato|idioma|langue|sprache|尺|長さ|プラットフォーム)$/i, "settings"],
  [/^(?:offer|promo|deal|discount|code|promo code|oferta|offre|angebot|promoção|cupom|オファー|特典)$/i, "offer"],
  [/^(?:pain|pains|pain point|pain points|problem|problems|problema|dolor|problème|douleur|schmerz|dor|課題|悩み)$/i, "pain"],
  [/^(?:benefit|benefits|why|why it matters|beneficio|beneficios|bénéfice|bénéfices|vorteil|vorteile|benefício|benefícios|メリット)$/i, "benefit"],
  [/^(?:feature|features|key features|what it does|solution|característica|características|fonctionnalité|fonctionnalités|funktion|funktionen|recurso|recursos|特徴|機能|解決策)$/i, "feature"],
  [/^(?:proof|social proof|results?|stats|evidence|testimonial|review|prueba|resultado|preuve|résultat|beweis|ergebnis|prova|実績)$/i, "proof"],
  [/^(?:price|pricing|cost|precio|prix|preis|preço|価格|値段)$/i, "price"],
  [/^(?:deadline|ends|until|valid until|fecha límite|date limite|frist|prazo|期限)$/i, "deadline"],
  [/^(?:visuals?|look|shots?|shot list|camera|colou?rs?|brand colou?rs?|logo|music|audio|references?|notes?|production notes?|setting|location|props?|visual direction|colores|couleurs|farben|cores|映像|撮影)$/i, "direction"],
  [/^(?:items?|list|points?|key points?|tips?|mistakes?|steps?|ideas?|reasons?|errores|consejos|pasos|erreurs|astuces|étapes|fehler|tipps|schritte|erros|dicas|passos|ポイント|ステップ)(?:\s*#?\d+)?$/i, "item"],
  [/^(?:before|after|myth|fact|truth|morning|midday|noon|afternoon|evening|night|lesson|verdict|context|conflict|turning point|story|antes|después|mito|realidad|avant|après|mythe|réalité|vorher|nachher|mythos|fakt|depois|verdade|朝|昼|夜|ビフォー|アフター|誤解|事実)$/i, "story"],
];

const STORY_ROLE: [RegExp, string][] = [
  [/^(?:before|antes|avant|vorher|ビフォー)$/i, "before"],
  [/^(?:after|después|depois|après|nachher|アフター)$/i, "after"],
  [/^(?:myth|mito|mythe|mythos|誤解)$/i, "myth"],
  [/^(?:fact|truth|realidad|réalité|fakt|verdade|事実)$/i, "fact"],
  [/^(?:morning|朝)$/i, "morning"],
  [/^(?:midday|noon|afternoon|昼)$/i, "midday"],
  [/^(?:evening|night|夜)$/i, "evening"],
  [/^(?:lesson)$/i, "lesson"],
  [/^(?:verdict)$/i, "verdict"],
  [/^(?:context|story)$/i, "context"],
  [/^(?:conflict)$/i, "conflict"],
  [/^(?:turning point)$/i, "turning"],
];

const PHYSICAL_RE =
  /\b(soil|potting mix|compost|fertili[sz]er|coffee|beans|tea|latte|matcha|drink|juice|snack|bar|chocolate|cookie|bread|sourdough|sauce|wine|beer|serum|cream|moisturi[sz]er|shampoo|lipstick|sunscreen|cleanser|candle|soap|shoes?|sneakers?|shirt|hoodie|jacket|dress|bag|backpack|bottle|mug|pan|knife|blender|lamp|chair|desk|mattress|pillow|toy|watch|headphones|earbuds|charger|phone case|bike|supplement|protein|vitamins?|capsules?|kit|box|12-pack|pack|cans?|jar|café|caf[eé] molido|sérum|crème|bougie|savon|chaussures|kaffee|creme|kerze|seife|schuhe|café|creme|vela|sabão|tênis|ラテ|コーヒー|抹茶|お茶|パン|石けん|化粧水|美容液|土)\b/i;
const SOFTWARE_RE = /\b(app|apps|software|saas|platform|dashboard|tool|online|plugin|extension|crm|api|ai|website|planning|scheduling|rota|booking system|subscription app|newsletter|course|aplicación|logiciel|plataforma|plateforme|plattform|aplicativo)\b|アプリ|ソフト|サイト|ツール/i;

const LIST_OF = {
  offer: "offer", pain: "pains", benefit: "benefits", feature: "features", proof: "proof", price: "prices",
  deadline: "deadlines", direction: "directions", item: "items", audience: "audience",
} as const;

/** The first quoted passage, with double, typographic or single quotes. */
function quoteOf(s: string): string | undefined {
  return extractQuotes(s)[0] ?? /(?:^|[\s:(])['‘]([^'’\n]{2,140})['’](?=[\s.,;!?)]|$)/u.exec(s)?.[1];
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

const BULLET = /^\s*(?:[-*•·▪►✓✔☐–]|\d{1,2}[.)])\s+/u;


function parseLabelLine(line: string): { label: string; value: string } | null {
  const m = /^\s*([\p{L}\d#' /&+-]{1,40}?)\s*[:：]\s*(.+)$/u.exec(line);
  if (!m) return null;
  const label = (m[1] ?? "").trim();
  if (/^https?$/i.test(label) || words(label).length > 5) return null;
  return { label, value: (m[2] ?? "").trim() };
}

function labelField(label: string): { field: BriefField | "story"; story?: string } | null {
  const l = label.replace(/\s*#?\d+$/, "").trim();
  for (const [re, f] of LABEL_FIELDS) {
    if (!re.test(label) && !re.test(l)) continue;
    if (f === "story") return { field: "story", story: STORY_ROLE.find(([r]) => r.test(l))?.[1] ?? "context" };
    if (f === "ignored_label") return null;
    return { field: f };
  }
  if (SETTINGS_RE.test(label) || (DURATION_WORD.test(label) && PLATFORM_WORD.test(label))) return { field: "settings" };
  return null;
}

function isToneText(t: string, lang: string): boolean {
  const c = t.replace(TONE_LEAD, "").replace(/[.!。！]+$/u, "").trim();
  if (!c) return false;
  if (NO_HYPE.test(c)) return true;
  if (lang === "ja") return TONE_JA.test(c) && Array.from(c).length <= 24;
  const ws = c.toLowerCase().split(/[\s,/&+]+/).filter(Boolean);
  if (ws.length === 0 || ws.length > 8) return false;
  const toneHits = ws.filter((w) => TONE_WORDS.has(w.replace(/[^\p{L}-]/gu, ""))).length;
  return toneHits === ws.length && ws.some((w) => !/^(?:and|y|et|und|e|or|o|ou|oder|but|not|no|very|super|a|bit|little|slightly|más|plus|mais|mehr)$/.test(w));
}

const DURATION_WORD_G = new RegExp(DURATION_WORD.source, "giu");
const PLATFORM_WORD_G = new RegExp(PLATFORM_WORD.source, "gi");

/** True when nothing but platform, length, format and language words is left. */
function isSettingsOnly(s: string): boolean {
  const rest = s
    .replace(DURATION_WORD_G, " ")
    .replace(PLATFORM_WORD_G, " ")
    .replace(/\b(?:a|an|one|our|the|un|una|une|um|uma|ein|eine|[a-z]+-style|linkedin|snapchat|pinterest|vertical|short-form|short|video|vídeo|vidéo|clip|ad|spot|post|format|in english|in spanish|in french|in german|in portuguese|in japanese|en español|en français|auf deutsch|em português|about|around|long|max|maximum|de|para|pour|für|para)\b|日本語で|動画|リール|ショート|の|で/gi, " ")
    .replace(/[\s,.;:!?·|/–—。、！？-]+/gu, "");
  return rest === "" && /[\p{L}\d]/u.test(s);
}

/** The request's subject after its settings words: "4 mistakes people make when repotting houseplants". */
function stripSettings(s: string): string {
  return s
    .replace(/^(?:please\s+)?(?:make|create|write|plan|produce|generate|draft|we need|i need|we want|i want|haz|crea|escribe|fais|crée|erstelle|mach|faça|crie)\s+/i, "")
    .replace(/^(?:a|an|one|our|the|un|una|une|um|uma|ein|eine|einen)\s+/i, "")
    .replace(/^(?:(?:about|around|~)\s*)?\d{1,3}\s*(?:-|‐|–)?\s*(?:seconds?|secs?|s|sec|segundos?|seg|secondes?|sekunden|minutes?|mins?|minutos?|minuten)\b\s*/i, "")
    .replace(/^(?:(?:vertical|short-form|short|tiktok|instagram|ig|youtube|facebook|fb|reels?|shorts?|promo|product|brand|ugc|explainer)\s+)*(?:video|vídeo|vidéo|reels?|shorts?|clip|ad|ads|spot|post|tiktok|storyboard|script|anuncio)s?\b\s*[,:]?\s*/i, "")
    .replace(/^(?:for|about|on|showing|explaining|promoting|introducing|de|sobre|para|pour|sur|über|für|zu|zum|zur|do|da)\s+/i, "")
    // Trailing settings: "..., 30s TikTok." / "... (45 seconds, Reels)".
    .replace(/[,(]\s*(?:(?:about|around|~)\s*)?\d{1,3}\s*(?:-|‐|–)?\s*(?:seconds?|secs?|s|sec|segundos?|secondes?|sekunden|minutes?|mins?)\b[^.!?]*?[.)]?$/i, "")
    .trim();
}

const LIST_AND = /\s+(?:and|or|y|o|et|ou|und|oder|e)\s+/i;

/** One inline list item: no trailing punctuation, no leading "and". */
function listItem(s: string): string {
  return cleanTerm(s.replace(/^(?:and|or|y|o|et|ou|und|oder|e)\s+/i, "").replace(/[\s,;.]+$/u, ""));
}

/**
 * A list written inline after its announcement: "3 mistakes people make with pour-over: water too
 * hot, grind too fine, no bloom", the same with "; " between the items, or numbered "1) ... 2) ...".
 * Returns the announcement (without its colon) and the items; null when the sentence is no such list.
 * A colon list needs the announced count's noun before the colon and at most that many items.
 */
export function inlineList(sentence: string, count?: { n: number; noun: string }): { head: string; items: string[]; spans: string[] } | null {
  const t = sentence.trim().replace(/[.!。]+$/u, "");
  /** Each item's span of the sentence, with the separator or number before it: every character lands in one. */
  const withSpans = (head: string, headEnd: number, items: string[]) => {
    const starts: number[] = [];
    let from = headEnd;
    for (const it of items) {
      const at = t.indexOf(it, from);
      starts.push(at < 0 ? from : at);
      from = at < 0 ? from : at + it.length;
    }
    const spans = items.map((_, i) => t.slice(i === 0 ? headEnd : starts[i]!, starts[i + 1] ?? t.length));
    return { head, items, spans };
  };
  const marks = [...t.matchAll(/(?:^|[\s:：])(\d{1,2})\)\s+/g)];
  if (marks.length >= 2 && marks.every((x, i) => Number(x[1]) === i + 1)) {
    const items = marks.map((x, i) => listItem(t.slice(x.index + x[0].length, marks[i + 1]?.index ?? t.length))).filter(Boolean);
    const head = t.slice(0, marks[0]!.index).replace(/\s*[:：]\s*$/u, "");
    if (items.length === marks.length) return withSpans(cleanTerm(head), head.length, items);
  }
  if (!count) return null;
  const colon = /^(.+?)\s*[:：]\s+(.+)$/u.exec(t);
  if (!colon || !normKey(colon[1]!).includes(normKey(count.noun))) return null;
  const rest = colon[2]!;
  let parts = rest.includes(";") ? rest.split(/\s*;\s*/) : rest.split(/\s*,\s*/);
  // "..., grind too fine and no bloom": the last pair is split at its conjunction.
  const last = parts[parts.length - 1] ?? "";
  if (!rest.includes(";") && LIST_AND.test(last) && !/^(?:and|or|y|o|et|ou|und|oder|e)\s/i.test(last)) parts = [...parts.slice(0, -1), ...last.split(LIST_AND)];
  const items = parts.map(listItem).filter(Boolean);
  if (items.length < 2 || items.length > count.n || items.some((x) => words(x).length > 10)) return null;
  return withSpans(cleanTerm(colon[1]!), colon[1]!.length, items);
}

/** Parses a brief into its model. Pure and deterministic; never throws. */
export function parseBrief(rawBrief: string, analysis: BriefAnalysis = analyzeBrief(rawBrief)): BriefModel {
  // The lines and sentences analyzeBrief already read: the brief is normalised and split once.
  const read = briefTextOf(rawBrief, analysis);
  const text = read.text;
  const lang = analysis.language;
  const m: BriefModel = {
    language: lang,
    physical: false,
    domain: "general",
    audience: [], offer: [], pains: [], benefits: [], features: [], proof: [], items: [], story: [],
    cta: {}, deadlines: [], prices: [], mustSay: [], avoid: [], tone: [], directions: [], settings: {},
    spans: [], ignored: [],
  };
  const put = (span: string, field: BriefField, reason?: string) => {
    const t = span.trim();
    if (!t) return;
    m.spans.push(reason ? { text: t, field, reason } : { text: t, field });
  };
  const ignore = (span: string, reason: string) => {
    const t = span.trim();
    if (!t) return;
    m.spans.push({ text: t, field: "ignored", reason });
    m.ignored.push({ text: t, reason });
  };
  const pushUnique = (list: string[], v: string) => {
    const c = cleanTerm(v);
    if (c && !list.some((x) => normKey(x) === normKey(c))) list.push(c);
  };
  const setProduct = (value: string) => {
    const [name = "", ...rest] = value.split(/\s+[-–—]\s+|\s*[,(]\s*|\s*:\s*/);
    let n = cleanTerm(name);
    // "our soil brand RootRight": the name is the capitalised tail.
    const tail = /(?:^|\s)((?:\p{Lu}[\p{L}\d'&+™®-]*)(?:\s+\p{Lu}[\p{L}\d'&+™®-]*){0,2})$/u.exec(n);
    if (tail && tail.index > 0) {
      const what = n.slice(0, tail.index).replace(/^(?:our|my|the|a|an)\s+/i, "").trim();
      if (what) m.productWhat ??= what;
      n = tail[1] ?? n;
    }
    if (n && words(n).length <= 4) m.product ??= n;
    const desc = cleanTerm(rest.join(", ").replace(/\)$/, ""));
    if (desc) m.productWhat ??= desc.replace(/^(?:an?|the)\s+/i, "");
  };
  const setCta = (value: string) => {
    const v = cleanTerm(value);
    if (!v) return;
    m.cta.text ??= v;
    m.cta.url ??= extractUrls(v)[0];
    m.cta.phone ??= extractPhones(v)[0];
  };

  const classifyFree = (span: string, bullet: boolean, section: string) => {
    const s = span.trim();
    const bare = cleanTerm(s);
    if (!bare || !/[\p{L}\p{N}]/u.test(bare)) return;
    if (section === "avoid") return (pushUnique(m.avoid, bare), put(s, "avoid", "section"));
    if (section === "item" && bullet) return (pushUnique(m.items, bare), put(s, "item", "section"));
    if (section === "must_say") return (pushUnique(m.mustSay, extractQuotes(s)[0] ?? bare), put(s, "must_say", "section"));
    if (section === "proof") return (pushUnique(m.proof, bare), put(s, "proof", "section"));
    if (section === "feature") return (pushUnique(m.features, bare), put(s, "feature", "section"));
    if (section === "benefit") return (pushUnique(m.benefits, bare), put(s, "benefit", "section"));
    if (section === "pain") return (pushUnique(m.pains, bare), put(s, "pain", "section"));
    if (section === "direction") return (pushUnique(m.directions, bare), put(s, "direction", "section"));
    if (section === "audience") return (pushUnique(m.audience, bare), put(s, "audience", "section"));
    if (section === "product") return (setProduct(bare), put(s, "product", "section"));

    let g: RegExpExecArray | null;
    if (lang === "ja" && (g = JA_INTRODUCE.exec(bare)) && g[1]) {
      // 「新発売の抹茶ラテを紹介する。」: what the video presents, not a line to say.
      m.topic ??= g[1];
      put(g[1], "topic", "request");
      ignore(bare.slice(g[1].length), "instruction");
      return;
    }
    if ((g = TEACH_RE.exec(bare)) && g[2]) {
      ignore(g[1] ?? "", "instruction");
      m.topic ??= cleanTerm(g[2]);
      put(g[2], "topic", "teach");
      return;
    }
    if ((g = SHOW_HOW_RE.exec(bare)) && g[2]) {
      // "Show how a bottle in the fridge saves time": the instruction is dropped, its content kept.
      ignore(g[1] ?? "", "instruction");
      classifyFree(g[2], bullet, section);
      return;
    }
    if (FRAME_RE.test(bare)) {
      // "Show the morning rush, then the cup" / "Finish with a slow pan over the shelf": how to shoot it, never said or shown.
      pushUnique(m.directions, bare);
      return put(s, "direction", "shot direction");
    }
    if ((g = OVERLAY_REQ_RE.exec(bare))) {
      m.finalOverlay = quoteOf(g[1] ?? "") ?? cleanTerm(g[1] ?? "");
      return put(s, "final_overlay");
    }
    if ((g = END_WITH_RE.exec(bare))) {
      const body = g[1] ?? g[2] ?? "";
      const q = quoteOf(s);
      const plug = PLUG_RE.exec(bare);
      if (plug) {
        m.cta.plug = true;
        setProduct(cleanTerm(plug.slice(1).find((x) => x !== undefined) ?? ""));
        return put(s, "cta", "plug");
      }
      if (!q && !CTA_LIKE.test(body) && !extractPhones(body).length) {
        if (CLOSING_IMAGE.test(body)) {
          // "Finish with the team waving": a closing image, not a call to action.
          pushUnique(m.directions, bare);
          return put(s, "direction", "closing shot");
        }
        // "Finish with the price: $29": content for the last beats, not a call to action.
        ignore(bare.slice(0, Math.max(0, bare.lastIndexOf(body))), "instruction");
        return classifyFree(body, bullet, section);
      }
      // "End with a call to action to book a demo": the action is the CTA.
      setCta(q ?? body.replace(/^(?:a|an|the|our)\s+(?:call[- ]to[- ]action|cta)\s*(?:to\s+|:\s*)?/i, ""));
      if (q) pushUnique(m.mustSay, q);
      return put(s, "cta", "end with");
    }
    if ((g = PLUG_RE.exec(bare))) {
      m.cta.plug = true;
      setProduct(cleanTerm(g.slice(1).find((x) => x !== undefined) ?? ""));
      return put(s, "cta", "plug");
    }
    if ((g = MUST_SAY_RE.exec(bare))) {
      pushUnique(m.mustSay, quoteOf(s) ?? cleanTerm(g[1] ?? ""));
      return put(s, "must_say");
    }
    if (AVOID_RE.test(bare) || NO_CLAIM_RE.test(bare)) {
      pushUnique(m.avoid, bare);
      return put(s, "avoid");
    }
    if (isToneText(bare, lang) || /^(?:keep it|make it|tone should|the tone (?:is|should)|use an? [\p{L}-]+ tone)\b/iu.test(bare)) {
      for (const t of bare.replace(TONE_LEAD, "").split(/\s*,\s*|\s+(?:and|y|et|und|e)\s+/)) pushUnique(m.tone, t.toLowerCase());
      return put(s, "tone");
    }
    if (AUDIENCE_RE.test(bare) || (lang === "ja" && AUDIENCE_JA.test(bare) && Array.from(bare).length <= 40)) {
      pushUnique(m.audience, bare.replace(AUDIENCE_RE, "").replace(/^\s*(?:is|are|:|：|は)\s*/i, ""));
      return put(s, "audience");
    }
    if (/^(?:i'?m|i am|we'?re|we are)\s+(?:an?\s+|the\s+)?(?:local\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}$/iu.test(bare)) {
      pushUnique(m.audience, bare);
      return put(s, "audience", "who is speaking");
    }
    if (DIRECTION_RE.test(bare) && !bullet && !PROOF_RE.test(bare)) {
      pushUnique(m.directions, bare);
      return put(s, "direction");
    }
    if (SETTINGS_RE.test(bare) || DURATION_ONLY.test(bare)) {
      if (DURATION_WORD.test(bare)) m.settings.duration ??= DURATION_WORD.exec(bare)?.[0];
      if (PLATFORM_WORD.test(bare)) m.settings.platform ??= PLATFORM_WORD.exec(bare)?.[0];
      return put(s, "settings");
    }
    if (FORMAT_WORD.test(bare) && words(bare).length <= 4) {
      m.settings.format ??= FORMAT_WORD.exec(bare)?.[0]?.toLowerCase();
      return put(s, "settings", "format");
    }
    const urls = extractUrls(bare);
    const isCtaLike = analysis.cta.line && normKey(analysis.cta.line) === normKey(bare);
    if (isCtaLike || (urls.length && words(bare).length <= 10)) {
      setCta(bare);
      return put(s, "cta");
    }
    if (/\bcode\s+[A-Z0-9]{3,}/.test(bare) || (OFFER_RE.test(bare) && words(bare).length <= 16)) {
      pushUnique(m.offer, bare);
      return put(s, "offer");
    }
    if (DEADLINE_RE.test(bare) && words(bare).length <= 8) {
      pushUnique(m.deadlines, bare);
      return put(s, "deadline");
    }
    if (PRICE_RE.test(bare) && words(bare).length <= 8) {
      pushUnique(m.prices, bare);
      return put(s, "price");
    }
    if (/[?？]$/u.test(bare) && !m.hook && words(bare).length <= 12 && !analysis.count) {
      m.hook = bare.endsWith("?") || bare.endsWith("？") ? bare : `${bare}?`;
      return put(s, "hook", "question");
    }
    if (bullet && (analysis.count || section === "list")) {
      pushUnique(m.items, bare);
      return put(s, "item");
    }
    if (PROOF_RE.test(bare) && /\d|★|award|certified|rated|trusted|loved/i.test(bare)) {
      pushUnique(m.proof, bare);
      return put(s, "proof");
    }
    if (PAIN_RE.test(bare)) {
      pushUnique(m.pains, bare);
      return put(s, "pain");
    }
    if (bullet && section === "") {
      pushUnique(m.items, bare);
      return put(s, "item", "bullet");
    }
    if (BENEFIT_RE.test(bare) && !FEATURE_RE.test(bare)) {
      pushUnique(m.benefits, bare);
      return put(s, "benefit");
    }
    pushUnique(m.features, bare);
    put(s, "feature");
  };

  /** A request sentence ("45s Instagram Reel: 4 mistakes..., ending with a plug for X"): settings, topic and requests. */
  const handleRequest = (sentence: string, subject: string) => {
    const prefix = sentence.slice(0, Math.max(0, sentence.length - subject.length));
    if (prefix.trim()) put(prefix, "settings", "request");
    // "3 mistakes ... with pour-over: water too hot, grind too fine, no bloom": the items, then the announcement.
    const list = m.items.length ? null : inlineList(subject, analysis.count);
    if (list) {
      list.items.forEach((it, i) => {
        pushUnique(m.items, it);
        put(list.spans[i] ?? it, "item", "inline list");
      });
      subject = list.head;
    }
    if (PLATFORM_WORD.test(sentence)) m.settings.platform ??= PLATFORM_WORD.exec(sentence)?.[0];
    if (DURATION_WORD.test(sentence)) m.settings.duration ??= DURATION_WORD.exec(sentence)?.[0];
    if (FORMAT_WORD.test(sentence)) m.settings.format ??= FORMAT_WORD.exec(sentence)?.[0]?.toLowerCase();
    const clauses = subject.split(/,\s+|\s+[-–—]\s+|;\s*/).map((c) => c.trim()).filter(Boolean);
    clauses.forEach((c, i) => {
      const bare = cleanTerm(c);
      if (!bare) return;
      if (PLUG_RE.test(bare) || END_WITH_RE.test(bare) || FRAME_RE.test(bare) || isToneText(bare, lang) || AVOID_RE.test(bare) || AUDIENCE_RE.test(bare) || DIRECTION_RE.test(bare)) {
        classifyFree(c, false, "");
        return;
      }
      if (i === 0) {
        let topic = bare.replace(/^(?:about|on|for|showing|explaining|promoting|introducing)\s+/i, "");
        const cm = analysis.count;
        if (cm && normKey(topic).includes(normKey(String(cm.n)) ) ) {
          // "4 mistakes people make when repotting houseplants" → topic "repotting houseplants".
          const rest = topic.slice(topic.toLowerCase().indexOf(cm.noun) + cm.noun.length);
          const after = /(?:^|\s)(?:when|while|with|about|in|for|of|on|to|al|cuando|para|con|en|quand|pour|avec|beim|bei|für|mit|ao|quando|com|no|na|ni|de)\s+(.+)$/i.exec(rest);
          // "Show 3 mistakes people make brewing pour-over at home: water too hot, ...": what follows "people make".
          const made = list ? /^\s*(?:that\s+)?(?:most\s+)?(?:people|you|we|everyone|beginners)\s+(?:make|do)\s+(.+)$/i.exec(rest) : null;
          topic = after ? cleanTerm(after[1] ?? topic) : made ? cleanTerm(made[1] ?? topic) : topic;
          // The list's announcement names the topic, over a request subject read before it ("30s TikTok for Ridge Roasters").
          if (list && m.topic) {
            const was = m.topic;
            if (analysis.brands.some((b) => normKey(b) === normKey(was))) {
              m.product ??= was;
              const span = m.spans.find((x) => x.field === "topic" && normKey(x.text) === normKey(was));
              if (span) span.field = "product";
            }
            m.topic = undefined;
          }
        }
        const brandHead = /^((?:\p{Lu}[\p{L}\d'&+™®-]*)(?:\s+\p{Lu}[\p{L}\d'&+™®-]*){0,2})\s*(?:,|$)/u.exec(bare);
        if (brandHead && !cm && analysis.brands.some((b) => normKey(b) === normKey(brandHead[1] ?? ""))) {
          m.product ??= brandHead[1];
          put(c, "product", "request subject");
          return;
        }
        m.topic ??= topic;
        put(c, "topic", "request subject");
        return;
      }
      // Apposition after the product: "Brewly, a cold brew subscription for busy parents".
      if (i === 1 && m.product && /^(?:an?|the|un|una|une|um|uma|ein|eine)\s+/i.test(bare)) {
        const what = bare.replace(/^(?:an?|the|un|una|une|um|uma|ein|eine)\s+/i, "");
        const aud = /\s+(?:for|para|pour|für)\s+(.+)$/i.exec(what);
        m.productWhat ??= what;
        if (aud) pushUnique(m.audience, aud[1] ?? "");
        put(c, "product", "apposition");
        return;
      }
      classifyFree(c, false, "");
    });
  };

  const handleLabeled = (lab: { label: string; value: string }, lf: { field: BriefField | "story"; story?: string }, isBullet: boolean) => {
    m.spans.push({ text: `${lab.label}:`, field: "ignored", reason: lf.field === "story" || lf.field === "item" ? "format label" : "label" });
    m.ignored.push({ text: `${lab.label}:`, reason: "label" });
    const v = lab.value;
    switch (lf.field) {
      case "product":
        setProduct(v);
        put(v, "product", lab.label);
        break;
      case "topic":
        m.topic ??= cleanTerm(v);
        put(v, "topic", lab.label);
        break;
      case "cta":
        setCta(v);
        put(v, "cta", lab.label);
        break;
      case "must_say":
        pushUnique(m.mustSay, extractQuotes(v)[0] ?? v);
        put(v, "must_say", lab.label);
        break;
      case "final_overlay":
        m.finalOverlay = extractQuotes(v)[0] ?? cleanTerm(v);
        put(v, "final_overlay", lab.label);
        break;
      case "avoid":
        for (const a of v.split(/\s*[,;]\s*/)) pushUnique(m.avoid, a);
        put(v, "avoid", lab.label);
        break;
      case "hook":
        m.hook = cleanTerm(v);
        put(v, "hook", lab.label);
        break;
      case "tone":
        for (const t of v.split(/\s*[,/;]\s*|\s+(?:and|y|et|und|e)\s+/)) pushUnique(m.tone, t.toLowerCase());
        put(v, "tone", lab.label);
        break;
      case "title":
        m.title = cleanTerm(v);
        put(v, "title", lab.label);
        break;
      case "settings":
        if (DURATION_WORD.test(`${lab.label} ${v}`)) m.settings.duration ??= DURATION_WORD.exec(`${lab.label} ${v}`)?.[0];
        if (PLATFORM_WORD.test(`${lab.label} ${v}`)) m.settings.platform ??= PLATFORM_WORD.exec(`${lab.label} ${v}`)?.[0];
        if (/^(?:language|idioma|langue|sprache)$/i.test(lab.label)) m.settings.language = v;
        if (SETTINGS_RE.test(v) || /^(?:platform|format|duration|length|runtime|video length|language|plataforma|duración|durée|plateforme|dauer|länge|plattform|duração|formato|idioma|langue|sprache|尺|長さ|プラットフォーム)$/i.test(lab.label)) {
          put(v, "settings", lab.label);
        } else {
          // "45s Instagram Reel: 4 mistakes ..." — the label is the settings, the value the request.
          m.spans.pop();
          put(`${lab.label}:`, "settings", "request");
          // "A 30s TikTok recipe: Steps: whisk the eggs; melt the butter": the value is the list's label line.
          const inner = parseLabelLine(v);
          const ilf = inner ? labelField(inner.label) : null;
          if (inner && ilf?.field === "item") {
            if (FORMAT_WORD.test(lab.label)) m.settings.format ??= FORMAT_WORD.exec(lab.label)?.[0]?.toLowerCase();
            handleLabeled(inner, ilf, isBullet);
            break;
          }
          for (const sentence of splitSentences(v)) {
            if (first) handleRequest(sentence, sentence);
            else classifyFree(sentence, isBullet, "");
            first = false;
          }
        }
        break;
      case "item":
        // "Steps: fry onion and garlic; add curry paste; simmer 10 minutes": one item per clause.
        for (const it of v.split(/\s*;\s*/)) pushUnique(m.items, it);
        put(v, "item", lab.label);
        break;
      case "offer":
      case "pain":
      case "benefit":
      case "feature":
      case "proof":
      case "price":
      case "deadline":
      case "direction":
      case "audience":
        pushUnique(m[LIST_OF[lf.field]], v);
        put(v, lf.field, lab.label);
        break;
      case "story":
        m.story.push({ role: lf.story ?? "context", text: cleanTerm(v) });
        put(v, "story", lab.label);
        break;
    }
  };

  // ---- Segmentation: lines → (label | bullet | sentences) ----
  const lines = read.lines;
  let section = "";
  let first = true;
  for (const line of lines) {
    const header = /^\s*([\p{L}' /-]{2,30})\s*[:：]\s*$/u.exec(line);
    if (header) {
      const f = labelField(header[1] ?? "");
      section = f ? (f.field === "item" ? "item" : f.field) : "list";
      ignore(line, "section label");
      continue;
    }
    const isBullet = BULLET.test(line);
    const body = line.replace(BULLET, "").trim();
    if (!isBullet) section = "";
    const lab = parseLabelLine(body);
    const lf = lab ? labelField(lab.label) : null;
    if (lab && lf && isBullet) {
      handleLabeled(lab, lf, isBullet);
      first = false;
      continue;
    }
    if (isBullet) {
      const u = read.unhead(body);
      if (u.lead) ignore(u.lead, "lead-in");
      classifyFree(u.text, true, section);
      first = false;
      continue;
    }
    for (const rawSentence of read.sentences(body)) {
      const u = read.unhead(rawSentence);
      if (u.lead) ignore(u.lead, "lead-in");
      const sentence = u.text;
      const slab = parseLabelLine(sentence);
      const slf = slab ? labelField(slab.label) : null;
      if (slab && slf) {
        handleLabeled(slab, slf, false);
        first = false;
        continue;
      }
      if (lang === "ja" && /\d+\s*(?:秒|分)/.test(sentence) && /動画|リール|ショート/.test(sentence)) {
        // 「パン屋「こむぎ堂」の30秒動画。」: the settings, and the quoted name is the product.
        const q = /「([^」]{1,20})」/.exec(sentence)?.[1];
        if (q) m.product ??= q;
        const list = /[：:]\s*(.+)$/.exec(sentence)?.[1];
        if (list && analysis.count) {
          const at = list.indexOf(`${analysis.count.n}つの`);
          if (at > 0) m.topic ??= list.slice(0, at).trim();
        }
        m.settings.duration ??= /\d+\s*(?:秒|分)/.exec(sentence)?.[0];
        put(sentence, "settings", "request");
        first = false;
        continue;
      }
      if (isSettingsOnly(sentence)) {
        if (PLATFORM_WORD.test(sentence)) m.settings.platform ??= PLATFORM_WORD.exec(sentence)?.[0];
        if (DURATION_WORD.test(sentence)) m.settings.duration ??= DURATION_WORD.exec(sentence)?.[0];
        put(sentence, "settings");
        continue;
      }
      const subject = stripSettings(sentence);
      const cm = analysis.count;
      const listedHere = !!cm && !m.items.length && !!inlineList(sentence, cm);
      if ((!m.topic || listedHere) && cm && !isBullet && normKey(sentence).includes(normKey(`${cm.n} ${cm.noun}`)) && (!first || listedHere)) {
        // The sentence that announces the list ("3 signs you're ready to buy your first home") names the topic,
        // and one that names its items after a colon does so even after a request subject ("30s TikTok for Ridge Roasters").
        handleRequest(sentence, subject || sentence);
        continue;
      }
      const isRequest = first && subject !== sentence.trim() && (PLATFORM_WORD.test(sentence) || DURATION_WORD.test(sentence) || /\b(?:video|vídeo|vidéo|clip|reel|ad|spot)\b/i.test(sentence));
      if (isRequest && subject) handleRequest(sentence, subject);
      else if (isRequest) put(sentence, "settings", "request");
      else if (/^[\p{Lu}][\p{L}\d'&+™®-]*(?:\s+[\p{Lu}][\p{L}\d'&+™®-]*){0,2}\s*[-–—,]\s+/u.test(sentence) && first) {
        // "ShiftPilot - rota planning for restaurants."
        setProduct(sentence);
        put(sentence, "product");
      } else if (first && lang === "en" && !m.topic && !m.product && words(sentence).length <= 10 && !EN_VERB.test(sentence) && !BARE_VERB.test(sentence) && !PAIN_RE.test(sentence) && !/[?!]$/.test(sentence.trim())) {
        // A short opening noun phrase ("Cold brew coffee subscription for busy professionals.") is the topic.
        m.topic = cleanTerm(sentence);
        put(sentence, "topic", "opening phrase");
      } else classifyFree(sentence, false, "");
      first = false;
    }
  }

  // ---- Facts the lower-level analysis already extracts ----
  m.count = analysis.count;
  if (analysis.compare) m.compare = analysis.compare;
  if (!m.product && analysis.brands[0] && !/^\d/.test(analysis.brands[0])) m.product = analysis.brands[0];
  if (m.product && m.topic && normKey(m.topic) === normKey(m.product)) m.topic = undefined;
  m.topic ??= analysis.topic && !m.product && !(m.product && normKey(analysis.topic).startsWith(normKey(m.product))) ? analysis.topic : undefined;
  if (!m.cta.text && analysis.cta.line && !m.cta.plug) setCta(analysis.cta.line);
  if (!m.cta.text && !m.cta.plug) {
    // The brief's last imperative to act ("Follow Petal & Stem for more.") is its call to action.
    for (const list of [m.features, m.benefits]) {
      const i = list.findIndex((f) => CTA_VERB.test(f) && words(f).length <= 10);
      if (i < 0) continue;
      const line = list.splice(i, 1)[0]!;
      setCta(line);
      const span = m.spans.find((x) => normKey(x.text) === normKey(line));
      if (span) span.field = "cta";
      break;
    }
  }
  m.cta.code ??= analysis.cta.code;
  m.cta.url ??= analysis.cta.url;
  m.cta.phone ??= analysis.cta.phone;
  if (m.cta.text && m.cta.plug) m.cta.plug = false;
  // The old analysis' title is a cut of the request sentence: trusted only for spaced scripts.
  if (!m.title && analysis.title && !m.topic && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(analysis.title)) m.title = analysis.title;
  for (const n of extractNumbers(m.prices.join(" "))) pushUnique(m.prices, n);

  // "Feature: sorts mail into Act, Read, Ignore" / "Here's how it works: rises to the top": the product is the subject.
  for (const list of [m.features, m.benefits]) {
    list.forEach((f, i) => {
      if (BARE_VERB.test(f)) list[i] = `${m.product && words(m.product).length === 1 ? m.product : "It"} ${f[0]!.toLowerCase()}${f.slice(1)}`;
      // "How our garage fixed a 20-year-old Land Rover that ..." is said as what happened.
      else if (lang === "en" && HOW_STORY.test(f)) list[i] = capitalizeWord(f.replace(HOW_STORY, "$1"));
    });
  }

  const scope = `${m.product ?? ""} ${m.productWhat ?? ""} ${m.topic ?? ""} ${[...m.features, ...m.benefits].join(" ")}`;
  const software = SOFTWARE_RE.test(`${m.productWhat ?? ""} ${m.product ?? ""}`) || (SOFTWARE_RE.test(scope) && !PHYSICAL_RE.test(`${m.productWhat ?? ""}`));
  m.physical = !software && PHYSICAL_RE.test(`${m.productWhat ?? ""} ${m.product ?? ""} ${m.offer.join(" ")} ${m.features.join(" ")} ${m.topic ?? ""}`) && !!m.product;
  m.domain = software ? "software" : classifyDomain(`${scope} ${text}`);
  return m;
}

/** "We read: product ShiftPilot · pain: … · CTA: … · tone: …" */
export function summarizeBrief(m: BriefModel): string {
  const parts: string[] = [];
  if (m.product) parts.push(`product ${m.product}${m.productWhat ? ` (${m.productWhat})` : ""}`);
  if (m.topic) parts.push(`topic: ${m.topic}`);
  if (m.count) parts.push(`list: ${m.count.n} ${m.count.noun}${m.items.length ? ` (${m.items.length} named)` : ""}`);
  else if (m.items.length) parts.push(`list: ${m.items.length} items`);
  if (m.pains.length) parts.push(`pain: ${m.pains.join("; ")}`);
  if (m.benefits.length) parts.push(`benefits: ${m.benefits.join("; ")}`);
  if (m.features.length) parts.push(`features: ${m.features.join("; ")}`);
  if (m.proof.length) parts.push(`proof: ${m.proof.join("; ")}`);
  if (m.offer.length) parts.push(`offer: ${m.offer.join("; ")}`);
  if (m.cta.text) parts.push(`CTA: ${m.cta.text}`);
  else if (m.cta.plug && m.product) parts.push(`CTA: plug for ${m.product}`);
  if (m.mustSay.length) parts.push(`must say: ${m.mustSay.map((s) => `"${s}"`).join(", ")}`);
  if (m.finalOverlay) parts.push(`final overlay: "${m.finalOverlay}"`);
  if (m.audience.length) parts.push(`audience: ${m.audience.join("; ")}`);
  if (m.tone.length) parts.push(`tone: ${m.tone.join(", ")}`);
  if (m.avoid.length) parts.push(`avoid: ${m.avoid.join(", ")}`);
  return parts.length ? `We read: ${parts.join(" · ")}` : "We read: nothing specific yet — add the product or topic, one or two points and a call to action.";
}

const TONE_FILLER = /^(?:and|but|not|very|super|bit|little|slightly|más|plus|mais|mehr|und|keep|make|tone|voice|style|tono|ton|stil|tom|short|clear|simple|light|human|raw|positive)$/i;

/**
 * Phrases from the brief that steer the writing and must never be spoken or shown: tone words,
 * audience lines, labels, visual and brand directions, plug requests and avoid lines.
 */
export function instructionPhrases(m: BriefModel): string[] {
  const out = new Set<string>();
  const add = (p: string) => {
    const t = p.trim();
    if (t && /[\p{L}]/u.test(t)) out.add(t);
  };
  for (const t of m.tone) {
    if (/[\u3040-\u9fff]/u.test(t)) add(t);
    else if (NO_HYPE.test(t)) add(t);
    else for (const w of t.toLowerCase().split(/[\s,/&+]+/)) if (w.length >= 3 && TONE_WORDS.has(w) && !TONE_FILLER.test(w)) add(w);
  }
  for (const s of m.spans) if (s.field === "audience" && (plainWords(s.text).length >= 2 || /[\u3040-\u9fff]/u.test(s.text))) add(s.text.replace(/[.!。]+$/u, ""));
  for (const d of m.directions) if (plainWords(d).length >= 2 || /[\u3040-\u9fff]/u.test(d)) add(d);
  for (const s of m.spans) {
    if (s.field === "ignored" && s.reason === "label") add(s.text);
    if (s.field === "cta" && s.reason === "plug") add(s.text.replace(/[.!]+$/, ""));
    if (s.field === "avoid" && plainWords(s.text).length >= 3) add(s.text.replace(/[.!]+$/, ""));
    // The request's settings part ("45s Instagram Reel:"), not its format words ("Day in the life of a").
    if (s.field === "settings" && s.reason === "request" && plainWords(s.text).length >= 2 && (PLATFORM_WORD.test(s.text) || DURATION_WORD.test(s.text))) add(s.text.replace(/[:,.]+$/, ""));
  }
  return [...out];
}

