// The topic's domain: where scenes are shot and what is in the frame. A SaaS product is shot at
// a desk with screen captures, food in a kitchen, a service on the job site.

export const DOMAINS = [
  "software", "food", "drink", "beauty", "fitness", "plants", "home", "real_estate", "trades", "retail", "fashion",
  "education", "finance", "health", "travel", "pets", "auto", "general",
] as const;
export type Domain = (typeof DOMAINS)[number];

const RULES: [RegExp, Domain][] = [
  [/\b(houseplants?|plants?|repot\w*|potting|soil|garden\w*|seedlings?|succulents?|monstera|compost|plantas?|jardín|plantes?|jardin|pflanzen|garten|jardim)\b|観葉植物|植物|園芸/i, "plants"],
  [/\b(coffee|espresso|cold brew|latte|matcha|tea|smoothie|juice|beer|wine|cocktail|café|kaffee|caf[eé]|cerveza|vinho|bière)\b|コーヒー|抹茶|ラテ|お茶/i, "drink"],
  [/\b(recipe|cook\w*|bak\w*|bread|sourdough|pizza|pasta|meal|snack|restaurant|food|kitchen|chef|dinner|breakfast|lunch|receta|cocina|pan|recette|cuisine|pain|rezept|küche|brot|receita|cozinha|pão)\b|料理|レシピ|パン|ランチ/i, "food"],
  [/\b(skin\s?care|skincare|serum|moisturi[sz]er|makeup|lipstick|hair|shampoo|nails?|spf|sunscreen|beauty|piel|maquillaje|peau|maquillage|haut|pele|maquiagem)\b|スキンケア|化粧|美容/i, "beauty"],
  [/(?<!-)\b(gym|workout|fitness|run|runners?|running|yoga|pilates|training|coach|marathon|stretch\w*|gimnasio|entrenamiento|salle de sport|entraînement|training|treino|academia)\b|ジム|筋トレ|ランニング/i, "fitness"],
  [/\b(realtor|real estate|listing|home buyers?|mortgage|open house|property|inmobiliaria|immobilier|immobilien|imóveis)\b|不動産/i, "real_estate"],
  [/\b(plumb\w*|electrician|roofing|roofer|hvac|cleaning service|cleaners?|landscap\w*|contractor|handyman|renovation|fontanero|plombier|klempner|encanador)\b|リフォーム|清掃/i, "trades"],
  [/\b(dog|dogs|cat|cats|puppy|pet|pets|perro|gato|chien|chat|hund|katze|cachorro)\b|犬|猫|ペット/i, "pets"],
  [/\b(dress|shirt|sneakers?|shoes?|outfit|jacket|hoodie|fashion|wardrobe|jewel\w*|ropa|moda|vêtements|mode|kleidung|roupa)\b|ファッション|服/i, "fashion"],
  [/\b(course|lesson|students?|teacher|tutor\w*|learn\w*|study|exam|school|curso|alumnos|cours|élèves|kurs|schüler|aula|alunos)\b|勉強|講座|学校/i, "education"],
  [/\b(budget\w*|sav(?:e|ing) money|invest\w*|bank\w*|tax(?:es)?|credit|loan|finance|dinero|ahorro|argent|épargne|geld|sparen|dinheiro)\b|貯金|投資|お金/i, "finance"],
  [/\b(dentist|clinic|doctor|therap\w*|physio\w*|sleep|nutrition|clínica|clinique|praxis)\b|クリニック|睡眠/i, "health"],
  [/\b(travel|trip|hotel|flight|vacation|holiday|viaje|voyage|reise|viagem)\b|旅行|ホテル/i, "travel"],
  [/\b(car|cars|driving|mechanic|tyres?|tires?|auto repair|garage|mot|brakes?|land rover|gearbox|clutch|coche|voiture|carro)\b|車/i, "auto"],
  [/\b(home|room|decor|furniture|candles?|sofa|bedroom|casa|maison|wohnung|mueble|meubles|möbel)\b|インテリア|部屋/i, "home"],
  [/\b(shop|store|boutique|tienda|magasin|laden|loja)\b|店/i, "retail"],
];

export function classifyDomain(text: string): Domain {
  for (const [re, d] of RULES) if (re.test(text)) return d;
  return "general";
}

export interface DomainSet {
  /** Where the scenes are shot. */
  setting: string;
  /** What fills the frame for content beats (subject is the product or topic). */
  props: string;
  /** A cutaway that shows the subject without a person. */
  insert: string;
}

export const DOMAIN_SETS: Record<Domain, DomainSet> = {
  software: { setting: "a desk with a laptop and a phone", props: "a screen capture of {subject}", insert: "phone UI close-up of {subject}, one tap at a time" },
  food: { setting: "a kitchen counter", props: "the ingredients and the dish on the counter", insert: "close-up of the food, steam and texture" },
  drink: { setting: "a kitchen counter by the window", props: "the drink being poured into a glass", insert: "slow pour close-up, condensation on the glass" },
  beauty: { setting: "a bathroom vanity", props: "the product in hand at the mirror", insert: "texture swatch on the back of a hand" },
  fitness: { setting: "a gym floor", props: "the movement demonstrated full-body", insert: "feet and form close-up mid-movement" },
  plants: { setting: "a potting bench by a bright window", props: "a houseplant, its pot and a bag of soil", insert: "hands in the soil, roots in close-up" },
  home: { setting: "a tidy living room", props: "the room and the object in use", insert: "detail shot of the texture and finish" },
  real_estate: { setting: "a listed house, room by room", props: "the rooms, light and street view", insert: "walk-through gimbal shot of the hallway" },
  trades: { setting: "the job site", props: "the tools and the work in progress", insert: "hands at work, before and after detail" },
  retail: { setting: "the shop floor", props: "the shelves and the product in hand", insert: "product on the counter, price tag in view" },
  fashion: { setting: "a bedroom mirror with good daylight", props: "the outfit worn and the details", insert: "fabric and stitching close-up" },
  education: { setting: "a desk with notes and a laptop", props: "a whiteboard or the screen with the example", insert: "handwritten note close-up" },
  finance: { setting: "a kitchen table with a laptop", props: "a simple chart or a phone banking screen", insert: "numbers on screen, pen ticking a list" },
  health: { setting: "a calm, bright clinic room", props: "the routine shown plainly", insert: "detail of the routine, hands only" },
  travel: { setting: "the destination itself", props: "the place, the route and the bag", insert: "POV walk through the street or the room" },
  pets: { setting: "a living room floor", props: "the pet and the object in use", insert: "the pet's reaction in close-up" },
  auto: { setting: "a garage bay", props: "the car and the part in question", insert: "detail of the part, hands pointing" },
  general: { setting: "a bright, uncluttered set", props: "the subject of the video", insert: "a clean detail shot of the subject" },
};
