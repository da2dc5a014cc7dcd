// The engine's own words (hooks, connectives, labels, CTA phrasing, overlays) in each
// supported language. Brief text is never translated: it is used as written.
import type { EngineLanguage } from "./language";

export type HookFamily =
  | "generic"
  | "list"
  | "pain"
  | "beforeAfter"
  | "myth"
  | "howto"
  | "testimonial"
  | "story"
  | "dayinlife"
  | "comparison"
  | "launch"
  | "offer";

export type CtaKind =
  | "url"
  | "phone"
  | "link_in_bio"
  | "book_demo"
  | "shop"
  | "signup"
  | "download"
  | "follow"
  | "comment"
  | "generic";

export const ROLES = [
  "setup", "value", "payoff", "problem", "agitate", "solution", "interest", "desire", "proof", "offer",
  "urgency", "struggle", "discovery", "result", "before", "reveal", "after", "how", "item", "step",
  "myth", "fact", "context", "conflict", "turning", "lesson", "morning", "midday", "evening",
  "reflection", "option_a", "option_b", "verdict",
] as const;
export type Role = (typeof ROLES)[number];

export interface Phrases {
  hooks: Record<HookFamily, readonly string[]>;
  labels: Record<Role, string>;
  /** Connective before a list item's line; {n} is the item number. */
  item: string;
  stepFirst: string;
  stepNext: readonly string[];
  stepLast: string;
  mythPrefix: string;
  factPrefix: string;
  beforePrefix: string;
  afterPrefix: string;
  cta: Record<CtaKind, readonly string[]>;
  ctaOverlay: Record<Exclude<CtaKind, "url" | "phone">, string>;
  /** Spoken fallback when a URL is too long to say in the CTA's time. */
  ctaOnScreen: string;
  /** Spoken fallback when a phone number is too long to say in the CTA's time. */
  ctaCallOnScreen: string;
}

const EN: Phrases = {
  hooks: {
    generic: [
      "{topic}: what nobody tells you.",
      "Stop scrolling if you care about {topic}.",
      "Save this before you need it.",
      "You're doing {topic} wrong.",
      "Nobody talks about this enough.",
      "Here's the part everyone skips.",
      "{brand}, in {seconds} seconds."
    ],
    list: ["{count}. Save this.", "{count} in {seconds} seconds.", "{count} nobody warns you about."],
    pain: ["Tired of {pain}?", "Still struggling with {pain}?", "If {pain} sounds familiar, watch this.", "Still struggling with {topic}?"],
    beforeAfter: ["Wait for the after.", "Same {topic}. Totally different result.", "Before and after {brand}."],
    myth: ["Myth: {myth}", "Everything you heard about {topic} is wrong.", "Stop believing this about {topic}."],
    howto: ["How to {task} in {seconds} seconds.", "The easiest way to {task}.", "{topic}, step by step."],
    testimonial: ["I didn't expect {brand} to work.", "Honest review: {brand}.", "I was skeptical about {brand}."],
    story: ["This almost didn't happen.", "How {brand} really started.", "One mistake changed everything."],
    dayinlife: ["A day in my life as {role}.", "Spend a day with me at {brand}.", "What a real day as {role} looks like."],
    comparison: ["{a} vs {b}: which one wins?", "{a} or {b}? Watch this first.", "I tried {a} and {b}."],
    launch: ["Meet {brand}.", "{brand} is finally here.", "We built {brand} for you."],
    offer: ["{offer}. Today only.", "Don't pay full price for {topic}.", "Stop scrolling: {offer}."],
  },
  labels: {
    setup: "Why it matters", value: "Here's how", payoff: "The payoff", problem: "The problem",
    agitate: "It gets worse", solution: "The fix", interest: "Here's why", desire: "Imagine this",
    proof: "The proof", offer: "The offer", urgency: "Don't wait", struggle: "Where I was",
    discovery: "What changed", result: "The result", before: "Before", reveal: "The reveal", after: "After",
    how: "How it works", item: "#{n}", step: "Step {n}", myth: "Myth", fact: "Fact", context: "How it started",
    conflict: "The hard part", turning: "The turning point", lesson: "The lesson", morning: "Morning",
    midday: "Midday", evening: "Evening", reflection: "Real talk", option_a: "{a}", option_b: "{b}",
    verdict: "The verdict",
  },
  item: "Number {n}:",
  stepFirst: "First,",
  stepNext: ["Next,", "Then,", "After that,"],
  stepLast: "Finally,",
  mythPrefix: "Myth:",
  factPrefix: "Fact:",
  beforePrefix: "Before:",
  afterPrefix: "After:",
  cta: {
    url: ["Visit {url}.", "Head to {url} now.", "Go to {url} today."],
    phone: ["Call {phone} today.", "Call {phone} now."],
    link_in_bio: ["Tap the link in bio.", "Grab yours: link in bio.", "Get started: link in bio."],
    book_demo: ["Book a demo today.", "Book your demo now.", "Book a demo: link below."],
    shop: ["Shop now.", "Order yours today.", "Get yours today."],
    signup: ["Sign up today.", "Sign up free now.", "Join us today."],
    download: ["Download it today.", "Download the app now.", "Get the app today."],
    follow: ["Follow for more.", "Follow for part two.", "Follow so you don't miss it."],
    comment: ["Comment your answer below.", "Tell me in the comments.", "Comment below."],
    generic: ["Follow for more.", "Save this and share it.", "Try it today."],
  },
  ctaOverlay: {
    link_in_bio: "Link in bio", book_demo: "Book a demo", shop: "Shop now", signup: "Sign up today",
    download: "Download now", follow: "Follow for more", comment: "Comment below", generic: "Follow for more",
  },
  ctaOnScreen: "Tap the link on screen.",
  ctaCallOnScreen: "Call the number on screen.",
};

const ES: Phrases = {
  hooks: {
    generic: [
      "{topic}: lo que nadie te cuenta.",
      "Para de hacer scroll si te importa {topic}.",
      "Guarda esto antes de necesitarlo.",
      "Lo estás haciendo mal: {topic}.",
      "Nadie habla de esto lo suficiente.",
      "Esta es la parte que todos se saltan.",
      "{brand} en {seconds} segundos."
    ],
    list: ["{count}. Guárdalo.", "{count} en {seconds} segundos.", "{count} que nadie te advierte."],
    pain: ["¿Cansado de {pain}?", "¿Sigues luchando con {pain}?", "Si {pain} te suena, mira esto.", "¿Sigues luchando con {topic}?"],
    beforeAfter: ["Espera al después.", "Mismo {topic}, otro resultado.", "Antes y después de {brand}."],
    myth: ["Mito: {myth}", "Todo lo que oíste sobre {topic} es falso.", "Deja de creer esto sobre {topic}."],
    howto: ["Cómo {task} en {seconds} segundos.", "La forma más fácil de {task}.", "{topic}, paso a paso."],
    testimonial: ["No esperaba que {brand} funcionara.", "Reseña honesta: {brand}.", "Yo dudaba de {brand}."],
    story: ["Esto casi no pasa.", "Así empezó {brand} de verdad.", "Un error lo cambió todo."],
    dayinlife: ["Un día en mi vida como {role}.", "Pasa un día conmigo en {brand}.", "Así es un día real como {role}."],
    comparison: ["{a} vs {b}: ¿cuál gana?", "¿{a} o {b}? Mira esto primero.", "Probé {a} y {b}."],
    launch: ["Te presento {brand}.", "{brand} ya está aquí.", "Creamos {brand} para ti."],
    offer: ["{offer}. Solo hoy.", "No pagues precio completo por {topic}.", "Para el scroll: {offer}."],
  },
  labels: {
    setup: "Por qué importa", value: "Así se hace", payoff: "La recompensa", problem: "El problema",
    agitate: "Y empeora", solution: "La solución", interest: "Por esto", desire: "Imagina esto",
    proof: "La prueba", offer: "La oferta", urgency: "No esperes", struggle: "Dónde estaba",
    discovery: "Qué cambió", result: "El resultado", before: "Antes", reveal: "La revelación", after: "Después",
    how: "Cómo funciona", item: "#{n}", step: "Paso {n}", myth: "Mito", fact: "Realidad", context: "Cómo empezó",
    conflict: "Lo difícil", turning: "El giro", lesson: "La lección", morning: "Mañana", midday: "Mediodía",
    evening: "Noche", reflection: "Hablando claro", option_a: "{a}", option_b: "{b}", verdict: "El veredicto",
  },
  item: "Número {n}:",
  stepFirst: "Primero,",
  stepNext: ["Después,", "Luego,", "A continuación,"],
  stepLast: "Por último,",
  mythPrefix: "Mito:",
  factPrefix: "Realidad:",
  beforePrefix: "Antes:",
  afterPrefix: "Después:",
  cta: {
    url: ["Visita {url}.", "Entra en {url} ya.", "Ve a {url} hoy."],
    phone: ["Llama al {phone} hoy.", "Llama ya al {phone}."],
    link_in_bio: ["Toca el enlace en la bio.", "Consíguelo: enlace en la bio.", "Empieza hoy: enlace en la bio."],
    book_demo: ["Reserva una demo hoy.", "Reserva tu demo ya.", "Pide tu demo hoy."],
    shop: ["Compra ahora.", "Pide el tuyo hoy.", "Consíguelo hoy."],
    signup: ["Regístrate hoy.", "Únete hoy.", "Regístrate ya."],
    download: ["Descárgala hoy.", "Descarga la app ya.", "Consigue la app hoy."],
    follow: ["Sígueme para más.", "Sígueme para la parte dos.", "Sígueme para no perdértelo."],
    comment: ["Comenta tu respuesta abajo.", "Cuéntamelo en comentarios.", "Comenta abajo."],
    generic: ["Sígueme para más.", "Guarda esto y compártelo.", "Pruébalo hoy."],
  },
  ctaOverlay: {
    link_in_bio: "Enlace en la bio", book_demo: "Reserva una demo", shop: "Compra ahora", signup: "Regístrate hoy",
    download: "Descárgala ya", follow: "Sígueme para más", comment: "Comenta abajo", generic: "Sígueme para más",
  },
  ctaOnScreen: "Toca el enlace en pantalla.",
  ctaCallOnScreen: "Llama al número en pantalla.",
};

const FR: Phrases = {
  hooks: {
    generic: [
      "{topic} : ce que personne ne dit.",
      "Arrête de scroller si {topic} t'intéresse.",
      "Enregistre ça avant d'en avoir besoin.",
      "Tu t'y prends mal : {topic}.",
      "Personne n'en parle assez.",
      "Voici l'étape que tout le monde saute.",
      "{brand} en {seconds} secondes."
    ],
    list: ["{count}. Enregistre ça.", "{count} en {seconds} secondes.", "{count} dont personne ne parle."],
    pain: ["Marre de {pain} ?", "Toujours du mal avec {pain} ?", "Si {pain} te parle, regarde ça.", "Toujours du mal avec {topic} ?"],
    beforeAfter: ["Attends l'après.", "Même {topic}, autre résultat.", "Avant et après {brand}."],
    myth: ["Mythe : {myth}", "Tout ce qu'on t'a dit sur {topic} est faux.", "Arrête de croire ça sur {topic}."],
    howto: ["Comment {task} en {seconds} secondes.", "La façon la plus simple de {task}.", "{topic}, étape par étape."],
    testimonial: ["Je ne pensais pas que {brand} marcherait.", "Avis honnête : {brand}.", "J'avais des doutes sur {brand}."],
    story: ["Ça a failli ne jamais arriver.", "Comment {brand} a vraiment commencé.", "Une erreur a tout changé."],
    dayinlife: ["Une journée dans ma vie de {role}.", "Passe une journée avec moi chez {brand}.", "Une vraie journée de {role}."],
    comparison: ["{a} ou {b} : qui gagne ?", "{a} ou {b} ? Regarde d'abord ça.", "J'ai testé {a} et {b}."],
    launch: ["Voici {brand}.", "{brand} est enfin là.", "On a créé {brand} pour toi."],
    offer: ["{offer}. Aujourd'hui seulement.", "Ne paie pas plein tarif pour {topic}.", "Stop : {offer}."],
  },
  labels: {
    setup: "Pourquoi c'est important", value: "Comment faire", payoff: "Le résultat", problem: "Le problème",
    agitate: "Et ça empire", solution: "La solution", interest: "Voici pourquoi", desire: "Imagine",
    proof: "La preuve", offer: "L'offre", urgency: "N'attends pas", struggle: "Où j'en étais",
    discovery: "Ce qui a changé", result: "Le résultat final", before: "Avant", reveal: "La révélation",
    after: "Après", how: "Comment ça marche", item: "#{n}", step: "Étape {n}", myth: "Mythe", fact: "Réalité",
    context: "Le début", conflict: "Le plus dur", turning: "Le déclic", lesson: "La leçon", morning: "Matin",
    midday: "Midi", evening: "Soir", reflection: "Franchement", option_a: "{a}", option_b: "{b}",
    verdict: "Le verdict",
  },
  item: "Numéro {n} :",
  stepFirst: "D'abord,",
  stepNext: ["Ensuite,", "Puis,", "Après,"],
  stepLast: "Enfin,",
  mythPrefix: "Mythe :",
  factPrefix: "Réalité :",
  beforePrefix: "Avant :",
  afterPrefix: "Après :",
  cta: {
    url: ["Va sur {url}.", "Rendez-vous sur {url}.", "Découvre {url} dès aujourd'hui."],
    phone: ["Appelle le {phone} aujourd'hui.", "Appelle vite le {phone}."],
    link_in_bio: ["Clique sur le lien en bio.", "Le lien est en bio : fonce.", "Découvre-le : lien en bio."],
    book_demo: ["Réserve ta démo aujourd'hui.", "Réserve une démo maintenant.", "Demande ta démo."],
    shop: ["Commande maintenant.", "Achète le tien aujourd'hui.", "Commande le tien."],
    signup: ["Inscris-toi aujourd'hui.", "Rejoins-nous aujourd'hui.", "Inscris-toi maintenant."],
    download: ["Télécharge-la aujourd'hui.", "Télécharge l'appli maintenant.", "Installe l'appli."],
    follow: ["Abonne-toi pour la suite.", "Suis-moi pour la partie deux.", "Abonne-toi pour ne rien rater."],
    comment: ["Dis-le-moi en commentaire.", "Commente ta réponse.", "Réponds en commentaire."],
    generic: ["Abonne-toi pour la suite.", "Enregistre et partage.", "Essaie dès aujourd'hui."],
  },
  ctaOverlay: {
    link_in_bio: "Lien en bio", book_demo: "Réserve ta démo", shop: "Commande maintenant", signup: "Inscris-toi",
    download: "Télécharge l'appli", follow: "Abonne-toi", comment: "Commente", generic: "Abonne-toi",
  },
  ctaOnScreen: "Clique sur le lien à l'écran.",
  ctaCallOnScreen: "Appelle le numéro à l'écran.",
};

const DE: Phrases = {
  hooks: {
    generic: [
      "{topic}: was dir keiner sagt.",
      "Stopp! {topic} betrifft dich.",
      "Speicher das, bevor du es brauchst.",
      "Du machst es falsch: {topic}.",
      "Darüber redet kaum jemand.",
      "Den Teil überspringen alle.",
      "{brand} in {seconds} Sekunden."
    ],
    list: ["{count}. Speicher das.", "{count} in {seconds} Sekunden.", "{count}, vor denen dich keiner warnt."],
    pain: ["Genervt von {pain}?", "Immer noch Ärger mit {pain}?", "Kennst du {pain}? Dann schau das.", "Immer noch Ärger mit {topic}?"],
    beforeAfter: ["Warte auf das Nachher.", "Gleiches {topic}, anderes Ergebnis.", "Vorher und nachher: {brand}."],
    myth: ["Mythos: {myth}", "Alles über {topic} war falsch.", "Glaub das nicht über {topic}."],
    howto: ["So geht {task} in {seconds} Sekunden.", "Der einfachste Weg: {task}.", "{topic}, Schritt für Schritt."],
    testimonial: ["Ich dachte nicht, dass {brand} wirkt.", "Ehrliche Meinung: {brand}.", "Ich war skeptisch bei {brand}."],
    story: ["Das wäre fast nie passiert.", "So hat {brand} wirklich angefangen.", "Ein Fehler hat alles verändert."],
    dayinlife: ["Ein Tag in meinem Leben als {role}.", "Ein Tag mit mir bei {brand}.", "So sieht ein echter Tag als {role} aus."],
    comparison: ["{a} vs. {b}: wer gewinnt?", "{a} oder {b}? Schau das zuerst.", "Ich habe {a} und {b} getestet."],
    launch: ["Das ist {brand}.", "{brand} ist endlich da.", "Wir haben {brand} für dich gebaut."],
    offer: ["{offer}. Nur heute.", "Zahl nicht den vollen Preis: {topic}.", "Stopp: {offer}."],
  },
  labels: {
    setup: "Warum es zählt", value: "So geht's", payoff: "Das bringt's", problem: "Das Problem",
    agitate: "Es wird schlimmer", solution: "Die Lösung", interest: "Darum", desire: "Stell dir vor",
    proof: "Der Beweis", offer: "Das Angebot", urgency: "Nicht warten", struggle: "Wo ich stand",
    discovery: "Was sich änderte", result: "Das Ergebnis", before: "Vorher", reveal: "Die Enthüllung",
    after: "Nachher", how: "So funktioniert's", item: "#{n}", step: "Schritt {n}", myth: "Mythos",
    fact: "Fakt", context: "Der Anfang", conflict: "Der schwere Teil", turning: "Der Wendepunkt",
    lesson: "Die Lektion", morning: "Morgens", midday: "Mittags", evening: "Abends", reflection: "Ehrlich gesagt",
    option_a: "{a}", option_b: "{b}", verdict: "Das Urteil",
  },
  item: "Nummer {n}:",
  stepFirst: "Zuerst:",
  stepNext: ["Dann:", "Danach:", "Als Nächstes:"],
  stepLast: "Zum Schluss:",
  mythPrefix: "Mythos:",
  factPrefix: "Fakt:",
  beforePrefix: "Vorher:",
  afterPrefix: "Nachher:",
  cta: {
    url: ["Besuch {url}.", "Geh jetzt auf {url}.", "Schau auf {url} vorbei."],
    phone: ["Ruf heute an: {phone}.", "Ruf jetzt an: {phone}."],
    link_in_bio: ["Tipp auf den Link in der Bio.", "Hol es dir: Link in der Bio.", "Starte jetzt: Link in der Bio."],
    book_demo: ["Buch dir heute eine Demo.", "Buch jetzt deine Demo.", "Sichere dir eine Demo."],
    shop: ["Jetzt bestellen.", "Hol dir deins heute.", "Bestell deins heute."],
    signup: ["Melde dich heute an.", "Mach heute mit.", "Jetzt anmelden."],
    download: ["Lade sie heute herunter.", "Hol dir die App.", "Lade die App jetzt."],
    follow: ["Folge mir für mehr.", "Folge mir für Teil zwei.", "Folge mir, um nichts zu verpassen."],
    comment: ["Schreib es in die Kommentare.", "Kommentiere deine Antwort.", "Sag es mir unten."],
    generic: ["Folge mir für mehr.", "Speicher und teile das.", "Probier es heute."],
  },
  ctaOverlay: {
    link_in_bio: "Link in der Bio", book_demo: "Demo buchen", shop: "Jetzt bestellen", signup: "Jetzt anmelden",
    download: "App laden", follow: "Folge für mehr", comment: "Kommentiere", generic: "Folge für mehr",
  },
  ctaOnScreen: "Tipp auf den Link im Bild.",
  ctaCallOnScreen: "Ruf die Nummer im Bild an.",
};

const PT: Phrases = {
  hooks: {
    generic: [
      "{topic}: o que ninguém te conta.",
      "Para de rolar se você liga para {topic}.",
      "Salva isso antes de precisar.",
      "Você está fazendo errado: {topic}.",
      "Ninguém fala disso o suficiente.",
      "Essa é a parte que todo mundo pula.",
      "{brand} em {seconds} segundos."
    ],
    list: ["{count}. Salva isso.", "{count} em {seconds} segundos.", "{count} que ninguém te avisa."],
    pain: ["Cansado de {pain}?", "Ainda sofrendo com {pain}?", "Se {pain} te parece familiar, veja isso.", "Ainda sofrendo com {topic}?"],
    beforeAfter: ["Espera o depois.", "Mesmo {topic}, outro resultado.", "Antes e depois de {brand}."],
    myth: ["Mito: {myth}", "Tudo que você ouviu sobre {topic} está errado.", "Pare de acreditar nisso sobre {topic}."],
    howto: ["Como {task} em {seconds} segundos.", "O jeito mais fácil de {task}.", "{topic}, passo a passo."],
    testimonial: ["Eu não esperava que {brand} funcionasse.", "Review sincero: {brand}.", "Eu duvidava de {brand}."],
    story: ["Isso quase não aconteceu.", "Como {brand} começou de verdade.", "Um erro mudou tudo."],
    dayinlife: ["Um dia na minha vida como {role}.", "Passe um dia comigo na {brand}.", "Um dia real como {role}."],
    comparison: ["{a} vs {b}: quem ganha?", "{a} ou {b}? Veja isso primeiro.", "Testei {a} e {b}."],
    launch: ["Conheça {brand}.", "{brand} finalmente chegou.", "Criamos {brand} para você."],
    offer: ["{offer}. Só hoje.", "Não pague preço cheio por {topic}.", "Para tudo: {offer}."],
  },
  labels: {
    setup: "Por que importa", value: "Como fazer", payoff: "A recompensa", problem: "O problema",
    agitate: "E piora", solution: "A solução", interest: "Por isso", desire: "Imagine isso",
    proof: "A prova", offer: "A oferta", urgency: "Não espere", struggle: "Onde eu estava",
    discovery: "O que mudou", result: "O resultado", before: "Antes", reveal: "A revelação", after: "Depois",
    how: "Como funciona", item: "#{n}", step: "Passo {n}", myth: "Mito", fact: "Verdade", context: "Como começou",
    conflict: "A parte difícil", turning: "A virada", lesson: "A lição", morning: "Manhã", midday: "Meio-dia",
    evening: "Noite", reflection: "Papo reto", option_a: "{a}", option_b: "{b}", verdict: "O veredito",
  },
  item: "Número {n}:",
  stepFirst: "Primeiro,",
  stepNext: ["Depois,", "Em seguida,", "Aí,"],
  stepLast: "Por fim,",
  mythPrefix: "Mito:",
  factPrefix: "Verdade:",
  beforePrefix: "Antes:",
  afterPrefix: "Depois:",
  cta: {
    url: ["Acesse {url}.", "Entre em {url} agora.", "Visite {url} hoje."],
    phone: ["Ligue para {phone} hoje.", "Ligue agora: {phone}."],
    link_in_bio: ["Toque no link da bio.", "Garanta o seu: link na bio.", "Comece hoje: link na bio."],
    book_demo: ["Agende uma demo hoje.", "Agende sua demo agora.", "Peça sua demo hoje."],
    shop: ["Compre agora.", "Peça o seu hoje.", "Garanta o seu hoje."],
    signup: ["Cadastre-se hoje.", "Junte-se a nós hoje.", "Inscreva-se agora."],
    download: ["Baixe hoje.", "Baixe o app agora.", "Instale o app hoje."],
    follow: ["Siga para mais.", "Siga para a parte dois.", "Siga para não perder."],
    comment: ["Comente sua resposta.", "Me conta nos comentários.", "Comente abaixo."],
    generic: ["Siga para mais.", "Salve e compartilhe.", "Experimente hoje."],
  },
  ctaOverlay: {
    link_in_bio: "Link na bio", book_demo: "Agende uma demo", shop: "Compre agora", signup: "Cadastre-se",
    download: "Baixe o app", follow: "Siga para mais", comment: "Comente abaixo", generic: "Siga para mais",
  },
  ctaOnScreen: "Toque no link na tela.",
  ctaCallOnScreen: "Ligue para o número na tela.",
};

const JA: Phrases = {
  hooks: {
    generic: [
      "{topic}、誰も教えない話。",
      "{topic}が気になるなら見て。",
      "必要になる前に保存して。",
      "その{topic}、間違ってます。",
      "意外と知られていない話。",
      "みんなが飛ばすポイント。",
      "{seconds}秒でわかる{brand}。"
    ],
    list: ["{count}。保存必須。", "{count}を{seconds}秒で。", "誰も教えない{count}。"],
    pain: ["{pain}に疲れていませんか？", "まだ{pain}で悩んでる？", "{pain}に心当たりがあるなら。", "まだ{topic}で悩んでる？"],
    beforeAfter: ["アフターまで見て。", "同じ{topic}、違う結果。", "{brand}のビフォーアフター。"],
    myth: ["誤解：{myth}", "{topic}の常識、実は逆です。", "{topic}のこの話、信じないで。"],
    howto: ["{seconds}秒でわかる{task}。", "いちばん簡単な{task}。", "{topic}をステップごとに。"],
    testimonial: ["{brand}、正直期待してなかった。", "{brand}の正直レビュー。", "{brand}、半信半疑でした。"],
    story: ["これ、実現しないところでした。", "{brand}の本当の始まり。", "ひとつの失敗がすべてを変えた。"],
    dayinlife: ["{role}の一日。", "{brand}での一日に密着。", "リアルな{role}の一日。"],
    comparison: ["{a}と{b}、勝つのは？", "{a}か{b}か、まずこれを見て。", "{a}と{b}を試してみた。"],
    launch: ["{brand}、登場。", "ついに{brand}が来た。", "あなたのための{brand}。"],
    offer: ["{offer}、今日だけ。", "{topic}を定価で買わないで。", "ちょっと待って：{offer}。"],
  },
  labels: {
    setup: "なぜ大事か", value: "やり方", payoff: "得られること", problem: "問題", agitate: "さらに悪化",
    solution: "解決策", interest: "その理由", desire: "想像してみて", proof: "証拠", offer: "特典",
    urgency: "お早めに", struggle: "以前の私", discovery: "変わったこと", result: "結果", before: "ビフォー",
    reveal: "公開", after: "アフター", how: "仕組み", item: "その{n}", step: "ステップ{n}", myth: "誤解",
    fact: "事実", context: "始まり", conflict: "大変だったこと", turning: "転機", lesson: "学び", morning: "朝",
    midday: "昼", evening: "夜", reflection: "本音", option_a: "{a}", option_b: "{b}", verdict: "結論",
  },
  item: "その{n}：",
  stepFirst: "まず、",
  stepNext: ["次に、", "そして、", "続いて、"],
  stepLast: "最後に、",
  mythPrefix: "誤解：",
  factPrefix: "事実：",
  beforePrefix: "ビフォー：",
  afterPrefix: "アフター：",
  cta: {
    url: ["{url}をチェック。", "今すぐ{url}へ。", "{url}にアクセスして。"],
    phone: ["{phone}に今すぐ電話。", "お電話は{phone}へ。"],
    link_in_bio: ["プロフィールのリンクをタップ。", "詳しくはプロフのリンクから。", "リンクはプロフィールに。今すぐチェック。"],
    book_demo: ["デモを予約してください。", "今すぐデモを予約。", "無料デモを予約して。"],
    shop: ["今すぐ購入。", "今日ゲットして。", "今すぐチェック。"],
    signup: ["今すぐ登録。", "今日から参加して。", "登録はこちら。"],
    download: ["今すぐダウンロード。", "アプリをダウンロード。", "アプリを入れてみて。"],
    follow: ["フォローして続きを見て。", "続きはフォローして。", "フォローで見逃さないで。"],
    comment: ["コメントで教えて。", "答えをコメントして。", "コメントしてね。"],
    generic: ["フォローして続きを見て。", "保存してシェアして。", "今日から試して。"],
  },
  ctaOverlay: {
    link_in_bio: "リンクはプロフへ", book_demo: "デモを予約", shop: "今すぐ購入", signup: "今すぐ登録",
    download: "今すぐダウンロード", follow: "フォローしてね", comment: "コメントしてね", generic: "フォローしてね",
  },
  ctaOnScreen: "画面のリンクをタップ。",
  ctaCallOnScreen: "画面の番号に電話してね。",
};

export const PHRASES: Record<EngineLanguage, Phrases> = { en: EN, es: ES, fr: FR, de: DE, pt: PT, ja: JA };

/** Action verbs (lower case) that make a call to action, per language; matched as words or stems. */
export const ACTION_VERBS: Record<EngineLanguage, readonly string[]> = {
  en: (
    "buy shop get try book visit follow subscribe click tap download sign join order call comment save share start " +
    "learn grab claim check see watch text dm message register apply reserve like discover explore contact go head " +
    "find use install read listen schedule request enroll donate vote reply tell swipe scan pre-order preorder " +
    "upgrade switch stop"
  ).split(" "),
  es: (
    "compra compra visita sigue síguenos sígueme suscríbete reserva descarga descárgala prueba pruébalo llama únete " +
    "pide comenta guarda comparte toca haz escribe regístrate consigue consíguelo descubre encuentra mira entra ve " +
    "agenda empieza solicita"
  ).split(" "),
  fr: (
    "achète achetez visite visitez abonne abonnez réserve réservez télécharge téléchargez essaie essayez appelle " +
    "appelez rejoins rejoignez commande commandez commente commentez enregistre partage clique cliquez découvre " +
    "découvrez suis suivez inscris inscrivez va rendez-vous demande installe dis réponds fonce"
  ).split(" "),
  de: (
    "kauf kaufe kaufen besuch besuche folge folg abonniere buch buche lade teste probier probiere ruf melde bestell " +
    "bestelle kommentiere speicher speichere teile klick klicke tipp tippe entdecke hol sichere geh schau schreib " +
    "sag mach starte jetzt"
  ).split(" "),
  pt: (
    "compre visite acesse siga inscreva reserve baixe experimente ligue junte peça comente salve compartilhe clique " +
    "toque descubra garanta agende entre cadastre-se inscreva-se instale conte"
  ).split(" "),
  ja: "チェック フォロー 登録 予約 購入 ダウンロード タップ クリック コメント 保存 シェア 試して 電話 アクセス ゲット 参加 見て 教えて 入れて".split(
    " ",
  ),
};

/** Throat-clearing openers that waste the hook, per language (lower case, matched at the start). */
export const THROAT_CLEARING: readonly string[] = [
  "hi", "hey", "hello", "welcome", "in this video", "today i", "today we", "today, i", "today, we", "so,", "so today",
  "um", "uh", "ok so", "okay so", "what's up", "whats up", "before we start", "before we begin", "let me introduce",
  "hola", "bienvenid", "en este video", "en este vídeo", "hoy les", "hoy te",
  "salut", "bonjour", "bienvenue", "dans cette vidéo", "aujourd'hui je", "aujourd'hui on",
  "hallo", "servus", "willkommen", "in diesem video", "heute zeige",
  "olá", "oi ", "oi,", "bem-vind", "neste vídeo", "nesse vídeo", "hoje eu", "hoje vou",
  "こんにちは", "どうも", "はじめまして", "今日は", "この動画では",
];

/** Fill {slots}; returns null when a slot has no value. */
export function fill(template: string, slots: Record<string, string | number | undefined>): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = slots[k];
    if (v === undefined || v === "") {
      missing = true;
      return "";
    }
    return String(v);
  });
  return missing ? null : out;
}
