// The copywriter's phrase bank: per beat × register × language. `{x}` is a fact of the brief
// (a clause or a noun phrase), `{P}` the product, `{topic}` the topic, `{num}` a number phrase,
// `{n}` an item number and `{noun}` the list's noun in the singular. Frames are written so
// that any clause or noun phrase reads correctly after them (a colon or an adverbial lead-in
// in es/fr/de/pt, where word order would break; a sentence adverbial and a polite ending in ja).
import type { EngineLanguage } from "../language";

export type Register = "calm" | "playful" | "bold";

export interface LangBank {
  /** Lead-in frames for a fact of each role; {x} is the fact. */
  frames: Record<string, Record<Register, readonly string[]>>;
  /** Lines that carry a beat without a fact of the brief (agitation, urgency, support). */
  support: Record<string, Record<Register, readonly string[]>>;
  /** Hooks from the brief's material, strongest first; each needs its slots filled. */
  hooks: Record<"painQuestion" | "numberPain" | "proof" | "list" | "listPositive" | "claim" | "contrast" | "question" | "product", readonly string[]>;
  item: string;
  itemUnknown: string;
  needsItem: string;
  ctaPlug: { physical: readonly string[]; other: readonly string[] };
  /** An ordinal word per item number, when the language says "Mistake one" rather than "Mistake 1". */
  numbers?: readonly string[];
}

const R = (calm: readonly string[], playful: readonly string[], bold: readonly string[]) => ({ calm, playful, bold });

const EN: LangBank = {
  frames: {
    problem: R(["Here's the problem: {x}.", "The reality: {x}."], ["Real talk: {x}.", "Let's be honest: {x}."], ["The truth is, {x}.", "Here's what nobody says: {x}."]),
    solution: R(["That's where {P} comes in: {x}.", "{P} changes that: {x}."], ["Enter {P}: {x}.", "So we fixed it: {x}."], ["{P} fixes this: {x}.", "Meet {P}: {x}."]),
    feature: R(["Here's how it works: {x}.", "It's simple: {x}."], ["The fun part: {x}.", "And yes, {x}."], ["Here's the deal: {x}.", "Straight up: {x}."]),
    benefit: R(["The result: {x}.", "What that means for you: {x}."], ["The best bit: {x}.", "Translation: {x}."], ["Bottom line: {x}.", "The payoff: {x}."]),
    proof: R(["And it works: {x}.", "The numbers back it up: {x}."], ["Don't just take our word for it: {x}.", "Here's the proof: {x}."], ["The proof: {x}.", "Results speak: {x}."]),
    offer: R(["Right now: {x}.", "Here's the offer: {x}."], ["Treat yourself: {x}.", "Good news: {x}."], ["Today only: {x}.", "Don't miss this: {x}."]),
    deadline: R(["Just note: {x}.", "Keep in mind: {x}."], ["Heads up: {x}.", "Clock's ticking: {x}."], ["Hurry: {x}.", "Last call: {x}."]),
    story: R(["{x}.", "{x}."], ["{x}.", "{x}."], ["{x}.", "{x}."]),
  },
  support: {
    desireP: R(["Picture your day with {P}.", "This is what {P} feels like."], ["Picture this: you, plus {P}.", "Yes, {P} really is that good."], ["This is life with {P}.", "{P}. That's the upgrade."]),
    agitate: R(["And it adds up, week after week.", "And it happens every single week."], ["And honestly? It only gets worse.", "Your future self is not impressed."], ["Every week you wait costs you more.", "That's time and money, gone."]),
    agitateNum: R(["That's {num} you never get back.", "That's {num}, gone."], ["That's {num}. Ouch.", "{num}. Let that sink in."], ["{num}. Gone.", "That's {num} you're throwing away."]),
    urgency: R(["There's no reason to wait.", "Now is a good time to start."], ["Don't sleep on this one.", "Future you will say thanks."], ["Don't wait on this.", "Start today, not someday."]),
    itemNeg: R(["Easy to miss, easy to fix.", "Most people never notice it.", "Fix this one first.", "It's more common than you think."], ["Guilty? Most of us are.", "We've all done it.", "No judgement. Okay, a little.", "Yes, this one too."], ["Stop doing this.", "This one costs you.", "Cut it out today.", "Don't skip this one."]),
    itemPos: R(["Small change, big difference.", "It takes a minute.", "Try it this week.", "Simple, and it works."], ["Your new favourite trick.", "Thank me later.", "Easy win.", "Trust me on this one."], ["Do this today.", "This one changes everything.", "Don't skip it.", "Non-negotiable."]),
    value: R(["It's simpler than it looks.", "One small change makes the difference."], ["Spoiler: it's easier than you think.", "Stay with me, this is the good part."], ["This is the part that matters.", "Do this and you're ahead."]),
    payoff: R(["And that's the difference.", "Simple as that."], ["And that's the whole trick.", "Mic drop."], ["That's how it's done.", "No excuses now."]),
  },
  hooks: {
    painQuestion: ["{Gerund}?", "Still {gerund}?"],
    numberPain: ["That's {num}, gone.", "{Num}. That's the real cost."],
    proof: ["{Proof}. Here's why.", "Why {proofnum} chose {P}."],
    list: ["{Topic}? Don't make these {n} {nouns}.", "{n} {nouns} people make {topicPrep}.", "Stop making these {n} {nouns}."],
    listPositive: ["{n} {nouns} for {topic}.", "{Topic}? Try these {n} {nouns}.", "{n} {nouns} that actually work."],
    claim: ["{Claim}.", "{Claim}. Here's how."],
    contrast: ["Same {topic}. Different result.", "Before and after {P}."],
    question: ["{Pain}? Not anymore.", "Still dealing with {pain}?"],
    product: ["Meet {P}.", "This is {P}."],
  },
  item: "{Noun} {num}: {x}.",
  itemUnknown: "{Noun} {num} is one almost everyone makes.",
  needsItem: "{Noun} {n}: name it here ({topic}).",
  ctaPlug: { physical: ["Get {P} today.", "Try {P} today.", "Grab {P} today."], other: ["Try {P} today.", "Get started with {P} today.", "Check out {P} today."] },
  numbers: ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
};

const colonFrames = (
  problem: readonly string[], solution: readonly string[], feature: readonly string[], benefit: readonly string[],
  proof: readonly string[], offer: readonly string[], deadline: readonly string[],
) => ({
  problem: R(problem, problem.slice().reverse(), problem),
  solution: R(solution, solution.slice().reverse(), solution),
  feature: R(feature, feature.slice().reverse(), feature),
  benefit: R(benefit, benefit.slice().reverse(), benefit),
  proof: R(proof, proof.slice().reverse(), proof),
  offer: R(offer, offer.slice().reverse(), offer),
  deadline: R(deadline, deadline, deadline),
  story: R(["{x}."], ["{x}."], ["{x}."]),
});

const ES: LangBank = {
  frames: colonFrames(
    ["El problema: {x}.", "La realidad: {x}."], ["Para eso está {P}: {x}.", "Con {P}, todo cambia: {x}."], ["Así funciona: {x}.", "Es muy simple: {x}."],
    ["El resultado: {x}.", "Lo mejor: {x}."], ["Y funciona: {x}.", "La prueba: {x}."], ["Ahora mismo: {x}.", "La oferta: {x}."], ["Ojo: {x}.", "Atención: {x}."],
  ),
  support: {
    desireP: R(["Imagina tu día con {P}.", "Así se siente {P}."], ["Imagínate: tú y {P}.", "Sí, {P} es así de bueno."], ["Esto es la vida con {P}.", "{P}: ese es el cambio."]),
    agitate: R(["Y eso se acumula, semana tras semana.", "Es tiempo que no vuelve."], ["Y sinceramente, va a peor.", "Tu yo del futuro no está contento."], ["Cada semana que esperas te cuesta más.", "Tiempo y dinero, perdidos."]),
    agitateNum: R(["Son {num}, cada vez.", "Son {num} que no recuperas."], ["{num}. Duele.", "{num}. Piénsalo."], ["{num}. Perdidas.", "Son {num} tirados a la basura."]),
    urgency: R(["No hay motivo para esperar.", "Es buen momento para empezar."], ["No lo dejes pasar.", "Tu yo del futuro te lo agradecerá."], ["No esperes más.", "Empieza hoy, no algún día."]),
    itemNeg: R(["Fácil de pasar por alto, fácil de arreglar.", "Casi nadie se da cuenta.", "Corrige este primero.", "Es más común de lo que crees."], ["¿Culpable? Casi todos.", "Todos lo hemos hecho.", "Sin juzgar. Bueno, un poco.", "Sí, este también."], ["Deja de hacerlo.", "Este te sale caro.", "Córtalo hoy.", "No te saltes este."]),
    itemPos: R(["Un cambio pequeño, una gran diferencia.", "Te lleva un minuto.", "Pruébalo esta semana.", "Sencillo, y funciona."], ["Tu nuevo truco favorito.", "Me lo agradecerás.", "Victoria fácil.", "Confía en mí con este."], ["Hazlo hoy.", "Este lo cambia todo.", "No te lo saltes.", "Imprescindible."]),
    value: R(["Es más sencillo de lo que parece.", "Un pequeño cambio marca la diferencia."], ["Spoiler: es más fácil de lo que crees.", "Quédate, viene lo bueno."], ["Esto es lo que importa.", "Haz esto y vas por delante."]),
    payoff: R(["Esa es la diferencia.", "Así de simple."], ["Y ese es todo el truco.", "Y listo."], ["Así se hace.", "Ya no hay excusas."]),
  },
  hooks: {
    painQuestion: [], numberPain: ["{Num}: ese es el coste real."], proof: ["{Proof}. Te cuento por qué."],
    list: ["¿{Topic}? {n} {nouns} que debes evitar."], listPositive: ["¿{Topic}? {n} {nouns} que funcionan."],
    claim: ["{Claim}."], contrast: ["Antes y después de {P}."], question: ["¿Harto de {pain}?"], product: ["Te presento {P}.", "Esto es {P}."],
  },
  item: "{Noun} número {num}: {x}.",
  itemUnknown: "{Noun} número {num}: casi todo el mundo lo comete.",
  needsItem: "{Noun} {n}: escríbelo aquí ({topic}).",
  ctaPlug: { physical: ["Consigue {P} hoy.", "Prueba {P} hoy."], other: ["Prueba {P} hoy.", "Empieza hoy con {P}."] },
};

const FR: LangBank = {
  frames: colonFrames(
    ["Le problème : {x}.", "La réalité : {x}."], ["C'est là qu'intervient {P} : {x}.", "Avec {P}, tout change : {x}."], ["Comment ça marche : {x}.", "C'est simple : {x}."],
    ["Le résultat : {x}.", "Le meilleur : {x}."], ["Et ça marche : {x}.", "La preuve : {x}."], ["En ce moment : {x}.", "L'offre : {x}."], ["Attention : {x}.", "À noter : {x}."],
  ),
  support: {
    desireP: R(["Imagine ta journée avec {P}.", "Voilà ce que {P} change."], ["Imagine : toi et {P}.", "Oui, {P} est vraiment si bien."], ["Voilà la vie avec {P}.", "{P} : le vrai changement."]),
    agitate: R(["Et ça s'accumule, semaine après semaine.", "C'est du temps qui ne revient pas."], ["Et franchement, ça empire.", "Ton futur toi n'est pas ravi."], ["Chaque semaine d'attente coûte plus cher.", "Du temps et de l'argent, perdus."]),
    agitateNum: R(["Ça fait {num}, à chaque fois.", "Ça fait {num} perdues."], ["{num}. Aïe.", "{num}. Réfléchis-y."], ["{num}. Perdues.", "{num} jetées par la fenêtre."]),
    urgency: R(["Inutile d'attendre.", "C'est le bon moment pour commencer."], ["Ne laisse pas passer ça.", "Ton futur toi te remerciera."], ["N'attends plus.", "Commence aujourd'hui."]),
    itemNeg: R(["Facile à rater, facile à corriger.", "Presque personne ne le remarque.", "Corrige celle-ci en premier.", "C'est plus courant qu'on ne le croit."], ["Coupable ? On l'est tous.", "On l'a tous fait.", "Sans jugement. Enfin, un peu.", "Oui, celle-ci aussi."], ["Arrête ça.", "Celle-ci coûte cher.", "Stop dès aujourd'hui.", "Ne zappe pas celle-ci."]),
    itemPos: R(["Petit changement, grande différence.", "Ça prend une minute.", "Essaie cette semaine.", "Simple, et efficace."], ["Ton nouveau truc préféré.", "Tu me remercieras.", "Facile.", "Fais-moi confiance."], ["Fais-le aujourd'hui.", "Celle-ci change tout.", "Ne la zappe pas.", "Indispensable."]),
    value: R(["C'est plus simple qu'il n'y paraît.", "Un petit changement fait la différence."], ["Spoiler : c'est plus facile que prévu.", "Reste, voici le meilleur."], ["C'est ce qui compte.", "Fais ça et tu as une longueur d'avance."]),
    payoff: R(["Voilà la différence.", "Aussi simple que ça."], ["Et c'est tout le secret.", "Et voilà."], ["C'est comme ça qu'on fait.", "Plus d'excuses."]),
  },
  hooks: {
    painQuestion: [], numberPain: ["{Num} : voilà le vrai coût."], proof: ["{Proof}. Voici pourquoi."],
    list: ["{Topic} ? {n} {nouns} à éviter."], listPositive: ["{Topic} ? {n} {nouns} qui marchent."],
    claim: ["{Claim}."], contrast: ["Avant et après {P}."], question: ["Marre de {pain} ?"], product: ["Voici {P}.", "Je te présente {P}."],
  },
  item: "{Noun} numéro {num} : {x}.",
  itemUnknown: "{Noun} numéro {num} : presque tout le monde la fait.",
  needsItem: "{Noun} {n} : à préciser ici ({topic}).",
  ctaPlug: { physical: ["Essaie {P} dès aujourd'hui.", "Découvre {P} aujourd'hui."], other: ["Essaie {P} dès aujourd'hui.", "Découvre {P} aujourd'hui."] },
};

const DE: LangBank = {
  frames: colonFrames(
    ["Das Problem: {x}.", "Die Realität: {x}."], ["Genau dafür gibt es {P}: {x}.", "Mit {P} ändert sich das: {x}."], ["So funktioniert's: {x}.", "Ganz einfach: {x}."],
    ["Das Ergebnis: {x}.", "Das Beste daran: {x}."], ["Und es funktioniert: {x}.", "Der Beweis: {x}."], ["Gerade jetzt: {x}.", "Das Angebot: {x}."], ["Wichtig: {x}.", "Achtung: {x}."],
  ),
  support: {
    desireP: R(["Stell dir deinen Tag mit {P} vor.", "So fühlt sich {P} an."], ["Stell dir vor: du und {P}.", "Ja, {P} ist wirklich so gut."], ["So sieht das Leben mit {P} aus.", "{P}: das ist das Upgrade."]),
    agitate: R(["Und das summiert sich, Woche für Woche.", "Diese Zeit bekommst du nicht zurück."], ["Und ehrlich? Es wird nur schlimmer.", "Dein Zukunfts-Ich ist nicht begeistert."], ["Jede Woche Warten kostet mehr.", "Zeit und Geld, einfach weg."]),
    agitateNum: R(["Das sind {num}, jedes Mal.", "Das sind {num}, die du nie zurückbekommst."], ["{num}. Autsch.", "{num}. Lass das mal wirken."], ["{num}. Weg.", "Das sind {num}, einfach verschenkt."]),
    urgency: R(["Es gibt keinen Grund zu warten.", "Jetzt ist ein guter Zeitpunkt."], ["Verpass das nicht.", "Dein Zukunfts-Ich sagt danke."], ["Warte nicht länger.", "Fang heute an."]),
    itemNeg: R(["Leicht zu übersehen, leicht zu beheben.", "Fast niemand merkt es.", "Behebe diesen zuerst.", "Häufiger als du denkst."], ["Ertappt? Geht uns allen so.", "Haben wir alle schon gemacht.", "Keine Kritik. Na gut, ein bisschen.", "Ja, der auch."], ["Hör damit auf.", "Der kostet dich.", "Lass das ab heute.", "Überspring den nicht."]),
    itemPos: R(["Kleine Änderung, großer Unterschied.", "Dauert eine Minute.", "Probier es diese Woche.", "Einfach, und es wirkt."], ["Dein neuer Lieblingstrick.", "Danke mir später.", "Leichter Gewinn.", "Vertrau mir bei dem."], ["Mach das heute.", "Der ändert alles.", "Nicht überspringen.", "Pflicht."]),
    value: R(["Einfacher als es aussieht.", "Eine kleine Änderung macht den Unterschied."], ["Spoiler: einfacher als gedacht.", "Bleib dran, jetzt kommt's."], ["Darauf kommt es an.", "Mach das und du bist vorne."]),
    payoff: R(["Das ist der Unterschied.", "So einfach ist das."], ["Das ist der ganze Trick.", "Fertig."], ["So geht das.", "Keine Ausreden mehr."]),
  },
  hooks: {
    painQuestion: [], numberPain: ["{Num}: Das sind die echten Kosten."], proof: ["{Proof}. Hier ist der Grund."],
    list: ["{Topic}? {n} {nouns}, die du vermeiden solltest."], listPositive: ["{Topic}? {n} {nouns}, die wirklich helfen."],
    claim: ["{Claim}."], contrast: ["Vorher und nachher mit {P}."], question: ["Genervt von {pain}?"], product: ["Das ist {P}.", "Darf ich vorstellen: {P}."],
  },
  item: "{Noun} Nummer {num}: {x}.",
  itemUnknown: "{Noun} Nummer {num}: Den machen fast alle.",
  needsItem: "{Noun} {n}: hier eintragen ({topic}).",
  ctaPlug: { physical: ["Hol dir {P} noch heute.", "Probier {P} noch heute."], other: ["Probier {P} noch heute.", "Starte heute mit {P}."] },
};

const PT: LangBank = {
  frames: colonFrames(
    ["O problema: {x}.", "A realidade: {x}."], ["É aí que entra {P}: {x}.", "Com {P}, tudo muda: {x}."], ["Funciona assim: {x}.", "É simples: {x}."],
    ["O resultado: {x}.", "O melhor: {x}."], ["E funciona: {x}.", "A prova: {x}."], ["Agora mesmo: {x}.", "A oferta: {x}."], ["Atenção: {x}.", "Fica a dica: {x}."],
  ),
  support: {
    desireP: R(["Imagine seu dia com {P}.", "É assim que {P} faz diferença."], ["Imagina: você e {P}.", "Sim, {P} é bom assim."], ["Essa é a vida com {P}.", "{P}: essa é a mudança."]),
    agitate: R(["E isso se acumula, semana após semana.", "É um tempo que não volta."], ["E, sinceramente, só piora.", "Seu eu do futuro não está feliz."], ["Cada semana de espera custa mais.", "Tempo e dinheiro, perdidos."]),
    agitateNum: R(["São {num}, toda vez.", "São {num} que não voltam."], ["{num}. Dói.", "{num}. Pensa nisso."], ["{num}. Perdidas.", "São {num} jogadas fora."]),
    urgency: R(["Não há motivo para esperar.", "Agora é um bom momento para começar."], ["Não deixa passar.", "Seu eu do futuro agradece."], ["Não espere mais.", "Comece hoje."]),
    itemNeg: R(["Fácil de passar batido, fácil de corrigir.", "Quase ninguém percebe.", "Corrija este primeiro.", "É mais comum do que parece."], ["Culpado? Quase todo mundo.", "Todo mundo já fez isso.", "Sem julgamento. Tá, um pouco.", "Sim, este também."], ["Pare com isso.", "Este custa caro.", "Corte hoje.", "Não pule este."]),
    itemPos: R(["Mudança pequena, diferença grande.", "Leva um minuto.", "Teste esta semana.", "Simples, e funciona."], ["Seu novo truque favorito.", "Depois me agradece.", "Vitória fácil.", "Confia em mim nessa."], ["Faça isso hoje.", "Este muda tudo.", "Não pule.", "Obrigatório."]),
    value: R(["É mais simples do que parece.", "Uma pequena mudança faz a diferença."], ["Spoiler: é mais fácil do que você pensa.", "Fica aqui, vem a melhor parte."], ["É isso que importa.", "Faça isso e saia na frente."]),
    payoff: R(["Essa é a diferença.", "Simples assim."], ["E esse é o truque.", "Pronto."], ["É assim que se faz.", "Sem desculpas."]),
  },
  hooks: {
    painQuestion: [], numberPain: ["{Num}: esse é o custo real."], proof: ["{Proof}. Veja por quê."],
    list: ["{Topic}? {n} {nouns} para evitar."], listPositive: ["{Topic}? {n} {nouns} que funcionam."],
    claim: ["{Claim}."], contrast: ["Antes e depois de {P}."], question: ["Cansado de {pain}?"], product: ["Conheça {P}.", "Este é {P}."],
  },
  item: "{Noun} número {num}: {x}.",
  itemUnknown: "{Noun} número {num}: quase todo mundo comete.",
  needsItem: "{Noun} {n}: escreva aqui ({topic}).",
  ctaPlug: { physical: ["Garanta {P} hoje.", "Experimente {P} hoje."], other: ["Experimente {P} hoje.", "Comece hoje com {P}."] },
};

const JA: LangBank = {
  frames: {
    problem: R(["実は、{x}。", "現実は、{x}。"], ["正直に言うと、{x}。", "ぶっちゃけ、{x}。"], ["本当のところ、{x}。", "誰も言わないけど、{x}。"]),
    solution: R(["そこで{P}。{x}。", "{P}なら、{x}。"], ["そこで登場、{P}。{x}。", "{P}なら、{x}。"], ["{P}が解決します。{x}。", "{P}なら、{x}。"]),
    feature: R(["仕組みはシンプル。{x}。", "使い方は簡単。{x}。"], ["うれしいのは、{x}。", "しかも、{x}。"], ["ポイントはここ。{x}。", "しかも、{x}。"]),
    benefit: R(["その結果、{x}。", "つまり、{x}。"], ["いちばんうれしいのは、{x}。", "つまり、{x}。"], ["結論、{x}。", "つまり、{x}。"]),
    proof: R(["実績もあります。{x}。", "数字が証明しています。{x}。"], ["口コミも上々。{x}。", "実績もあります。{x}。"], ["証拠はこちら。{x}。", "実績もあります。{x}。"]),
    offer: R(["今なら、{x}。", "特典はこちら。{x}。"], ["うれしいお知らせ。{x}。", "今なら、{x}。"], ["今日だけ。{x}。", "見逃さないで。{x}。"]),
    deadline: R(["ご注意を。{x}。"], ["お早めに。{x}。"], ["急いで。{x}。"]),
    story: R(["{x}。"], ["{x}。"], ["{x}。"]),
  },
  support: {
    desireP: R(["{P}のある毎日を想像してみて。", "{P}で、毎日が変わります。"], ["{P}のある毎日、想像してみて。", "{P}、本当にいいんです。"], ["{P}で、毎日をアップグレード。", "これが{P}のある暮らし。"]),
    agitate: R(["それが毎週、積み重なります。", "その時間は戻ってきません。"], ["しかも、どんどん悪化します。", "未来の自分が困ります。"], ["待つほど損をします。", "時間もお金も、消えていきます。"]),
    agitateNum: R(["毎回{num}です。", "{num}が戻ってきません。"], ["{num}。痛いですよね。", "{num}。考えてみて。"], ["{num}が消えています。", "{num}を捨てているのと同じ。"]),
    urgency: R(["待つ理由はありません。", "始めるなら今です。"], ["見逃さないで。", "未来の自分が喜びます。"], ["もう待たないで。", "今日から始めよう。"]),
    itemNeg: R(["見落としやすいけど、すぐ直せます。", "ほとんどの人が気づいていません。", "まずはこれから直しましょう。", "意外とよくあるミスです。"], ["心当たり、ありますよね。", "みんなやりがちです。", "責めません。少しだけ。", "はい、これもです。"], ["今すぐやめましょう。", "これは損をします。", "今日でやめよう。", "これは飛ばさないで。"]),
    itemPos: R(["小さな工夫で、大きな違い。", "一分でできます。", "今週ためしてみて。", "シンプルで、効きます。"], ["お気に入りの裏ワザになるはず。", "あとで感謝されます。", "簡単に勝てます。", "これは信じて。"], ["今日やってみて。", "これで全部変わります。", "飛ばさないで。", "これは必須です。"]),
    value: R(["見た目よりずっと簡単です。", "小さな変化が大きな違いに。"], ["ネタバレ：思ったより簡単です。", "ここからが本番です。"], ["大事なのはここ。", "これで一歩リード。"]),
    payoff: R(["それが違いです。", "それだけです。"], ["これが全部のコツ。", "以上です。"], ["これが正解。", "もう言い訳できません。"]),
  },
  hooks: {
    painQuestion: [], numberPain: ["{Num}、それが本当のコスト。"], proof: ["{Proof}。その理由とは。"],
    list: ["{topic}でやりがちな{n}つの{nouns}。", "{topic}、この{n}つの{nouns}に注意。"], listPositive: ["{topic}のための{n}つの{nouns}。", "{topic}に効く{n}つの{nouns}。"],
    claim: ["{Claim}。"], contrast: ["{P}のビフォーアフター。"], question: ["{pain}に悩んでいませんか？"], product: ["{P}をご紹介します。", "これが{P}です。"],
  },
  item: "{Noun}その{num}、{x}。",
  itemUnknown: "{Noun}その{num}、これは多くの人がやりがちです。",
  needsItem: "{Noun}その{n}：ここに内容を入れてください（{topic}）。",
  ctaPlug: { physical: ["{P}を今日ためしてみて。", "{P}をチェックして。"], other: ["{P}を今日ためしてみて。", "{P}をチェックして。"] },
};

export const BANKS: Record<EngineLanguage, LangBank> = { en: EN, es: ES, fr: FR, de: DE, pt: PT, ja: JA };

const PLAYFUL = /\b(cheeky|fun|funny|playful|witty|sassy|quirky|cute|light|lighthearted|light-hearted|irreverent|sarcastic|casual|divertid[oa]|alegre|drôle|léger|légère|lustig|witzig|locker|descontraíd[oa]|leve)\b|楽しく|ポップ|明るく|カジュアル/iu;
const BOLD = /\b(fast|punchy|bold|hype|hyped|energetic|high-energy|urgent|upbeat|excited|exciting|snappy|confident|direct|directo|directa|directe|direkt|direto|direta|énergique|energisch|rápido|rapide|schnell)\b|元気|テンポよく/iu;

/** The writing register from the brief's tone words (calm by default: the safest read). */
export function registerOf(tone: readonly string[]): Register {
  const t = tone.join(" ");
  if (PLAYFUL.test(t)) return "playful";
  if (BOLD.test(t)) return "bold";
  return "calm";
}
