/**
 * Words the built-in query parser recognises and the sandbox directory draws from. Sharing one list
 * means anything the parser can produce also exists in the sandbox, so offline searches find people.
 *
 * Aliases are matched case-insensitively on word boundaries; `exact` aliases are matched with their
 * case, for short abbreviations that collide with ordinary words ("US" vs "us", "AI" vs "ai").
 */
export type VocabEntry = { name: string; aliases: string[]; exact?: string[] };

export type Country = VocabEntry & { cities: string[] };
export type City = VocabEntry & { country: string };
/** `expand`: the parser writes out the member countries (small, well-known groupings only). */
export type Region = VocabEntry & { countries: string[]; expand: boolean };

export const industries: VocabEntry[] = [
  { name: "SaaS", aliases: ["saas", "software as a service", "software-as-a-service"] },
  { name: "Software", aliases: ["software"] },
  { name: "Fintech", aliases: ["fintech", "financial technology"] },
  { name: "Financial services", aliases: ["financial services", "wealth management", "asset management"] },
  { name: "Banking", aliases: ["banking", "bank", "neobank"] },
  { name: "Insurance", aliases: ["insurance", "insurer"] },
  { name: "Insurtech", aliases: ["insurtech", "insurance technology"] },
  { name: "Venture capital", aliases: ["venture capital", "private equity"], exact: ["VC", "VCs", "PE"] },
  { name: "Healthcare", aliases: ["healthcare", "health care", "hospital", "clinic"] },
  { name: "Healthtech", aliases: ["healthtech", "health tech", "digital health", "medtech"] },
  { name: "Biotech", aliases: ["biotech", "biotechnology", "life sciences"] },
  { name: "Pharma", aliases: ["pharma", "pharmaceutical", "pharmaceuticals"] },
  {
    name: "E-commerce",
    aliases: ["e-commerce", "online retail", "online shop", "direct-to-consumer"],
    exact: ["DTC", "D2C"],
  },
  { name: "Retail", aliases: ["retail", "retailer"] },
  { name: "Marketplaces", aliases: ["marketplace"] },
  { name: "Consumer goods", aliases: ["consumer goods", "consumer packaged goods"], exact: ["CPG", "FMCG"] },
  {
    name: "Food & beverage",
    aliases: ["food and beverage", "food & beverage", "food", "beverage", "foodtech"],
    exact: ["F&B"],
  },
  { name: "Fashion", aliases: ["fashion", "apparel", "clothing"] },
  { name: "Beauty", aliases: ["beauty", "cosmetics", "skincare"] },
  { name: "Manufacturing", aliases: ["manufacturing", "manufacturer", "industrial"] },
  { name: "Logistics", aliases: ["logistics", "freight", "shipping", "transportation"] },
  { name: "Automotive", aliases: ["automotive", "automaker", "car maker", "mobility"] },
  { name: "Aerospace", aliases: ["aerospace", "aviation", "airline", "defense", "defence"] },
  { name: "Hardware", aliases: ["hardware", "electronics", "semiconductor", "robotics"] },
  { name: "Construction", aliases: ["construction", "building materials"] },
  { name: "Real estate", aliases: ["real estate", "property management", "realtor"] },
  { name: "Proptech", aliases: ["proptech", "property technology"] },
  {
    name: "Energy",
    aliases: ["energy", "renewables", "renewable energy", "oil and gas", "oil & gas", "utilities"],
  },
  {
    name: "Cleantech",
    aliases: ["cleantech", "climate tech", "climatetech", "clean tech", "sustainability"],
  },
  { name: "Agriculture", aliases: ["agriculture", "agtech", "agritech", "farming"] },
  { name: "Education", aliases: ["education", "higher education", "school", "university", "universities"] },
  { name: "Edtech", aliases: ["edtech", "education technology", "e-learning"] },
  {
    name: "Marketing agencies",
    aliases: [
      "marketing agency",
      "marketing agencies",
      "digital agency",
      "digital agencies",
      "ad agency",
      "ad agencies",
      "advertising agency",
      "advertising agencies",
      "creative agency",
      "creative agencies",
      "agency",
      "agencies",
    ],
  },
  { name: "Advertising", aliases: ["advertising", "adtech", "ad tech"] },
  { name: "Martech", aliases: ["martech", "marketing technology", "marketing tech"] },
  {
    name: "Consulting",
    aliases: ["consulting", "consultancy", "consultancies", "management consulting", "consulting firm"],
  },
  { name: "Accounting", aliases: ["accounting", "accounting firm", "bookkeeping"] },
  { name: "Legal", aliases: ["legal", "law firm", "legal services"] },
  { name: "Legaltech", aliases: ["legaltech", "legal tech"] },
  {
    name: "Recruiting",
    aliases: [
      "recruiting",
      "recruitment",
      "staffing",
      "staffing agency",
      "staffing agencies",
      "recruiting agency",
      "recruiting agencies",
      "recruitment agency",
      "recruitment agencies",
      "headhunter",
    ],
  },
  { name: "HR tech", aliases: ["hr tech", "hrtech", "hr software", "people tech"] },
  { name: "Cybersecurity", aliases: ["cybersecurity", "cyber security", "infosec", "information security"] },
  {
    name: "AI",
    aliases: ["artificial intelligence", "machine learning", "generative ai", "genai", "a.i."],
    exact: ["AI", "ML"],
  },
  { name: "Data & analytics", aliases: ["data analytics", "big data", "business intelligence", "analytics"] },
  { name: "Developer tools", aliases: ["developer tools", "devtools", "dev tools"] },
  { name: "Cloud infrastructure", aliases: ["cloud infrastructure", "cloud computing", "cloud", "hosting"] },
  { name: "Crypto", aliases: ["crypto", "cryptocurrency", "blockchain", "web3"] },
  { name: "Telecom", aliases: ["telecom", "telecommunications", "telco"] },
  { name: "Media", aliases: ["media", "publishing", "publisher", "broadcasting", "news"] },
  { name: "Entertainment", aliases: ["entertainment", "music", "film", "streaming"] },
  { name: "Gaming", aliases: ["gaming", "video games", "game studio", "games", "esports"] },
  { name: "Sports", aliases: ["sports", "sport"] },
  { name: "Fitness", aliases: ["fitness", "wellness", "gym"] },
  { name: "Travel", aliases: ["travel", "tourism"] },
  { name: "Hospitality", aliases: ["hospitality", "hotel", "restaurant"] },
  {
    name: "Non-profit",
    aliases: ["non-profit", "nonprofit", "not-for-profit", "charity", "charities"],
    exact: ["NGO", "NGOs"],
  },
  { name: "Government", aliases: ["government", "public sector", "govtech"] },
  { name: "B2B", aliases: ["b2b", "business-to-business"] },
  { name: "B2C", aliases: ["b2c", "business-to-consumer", "consumer apps"] },
];

export const countries: Country[] = [
  { name: "Austria", aliases: ["austria", "austrian"], cities: ["Vienna", "Graz"] },
  { name: "Belgium", aliases: ["belgium", "belgian"], cities: ["Brussels", "Antwerp", "Ghent"] },
  { name: "Bulgaria", aliases: ["bulgaria", "bulgarian"], cities: ["Sofia"] },
  { name: "Croatia", aliases: ["croatia", "croatian"], cities: ["Zagreb"] },
  { name: "Cyprus", aliases: ["cyprus", "cypriot"], cities: ["Limassol", "Nicosia"] },
  { name: "Czech Republic", aliases: ["czech republic", "czechia", "czech"], cities: ["Prague", "Brno"] },
  { name: "Denmark", aliases: ["denmark", "danish"], cities: ["Copenhagen", "Aarhus"] },
  { name: "Estonia", aliases: ["estonia", "estonian"], cities: ["Tallinn"] },
  { name: "Finland", aliases: ["finland", "finnish"], cities: ["Helsinki", "Espoo"] },
  { name: "France", aliases: ["france", "french"], cities: ["Paris", "Lyon", "Toulouse"] },
  {
    name: "Germany",
    aliases: ["germany", "german", "deutschland"],
    cities: ["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne"],
  },
  { name: "Greece", aliases: ["greece", "greek"], cities: ["Athens"] },
  { name: "Hungary", aliases: ["hungary", "hungarian"], cities: ["Budapest"] },
  { name: "Ireland", aliases: ["ireland", "irish"], cities: ["Dublin", "Cork"] },
  { name: "Italy", aliases: ["italy", "italian"], cities: ["Milan", "Rome", "Turin"] },
  { name: "Latvia", aliases: ["latvia", "latvian"], cities: ["Riga"] },
  { name: "Lithuania", aliases: ["lithuania", "lithuanian"], cities: ["Vilnius"] },
  { name: "Luxembourg", aliases: ["luxembourg"], cities: ["Luxembourg"] },
  { name: "Malta", aliases: ["malta", "maltese"], cities: ["Valletta"] },
  {
    name: "Netherlands",
    aliases: ["the netherlands", "netherlands", "holland", "dutch"],
    cities: ["Amsterdam", "Rotterdam", "Utrecht"],
  },
  // Lower-case "polish" is a verb, so the adjective only counts when capitalised.
  { name: "Poland", aliases: ["poland"], exact: ["Polish"], cities: ["Warsaw", "Krakow", "Wroclaw"] },
  { name: "Portugal", aliases: ["portugal", "portuguese"], cities: ["Lisbon", "Porto"] },
  { name: "Romania", aliases: ["romania", "romanian"], cities: ["Bucharest", "Cluj-Napoca"] },
  { name: "Slovakia", aliases: ["slovakia", "slovak"], cities: ["Bratislava"] },
  { name: "Slovenia", aliases: ["slovenia", "slovenian"], cities: ["Ljubljana"] },
  { name: "Spain", aliases: ["spain", "spanish"], cities: ["Madrid", "Barcelona", "Valencia"] },
  { name: "Sweden", aliases: ["sweden", "swedish"], cities: ["Stockholm", "Gothenburg", "Malmo"] },
  {
    name: "United Kingdom",
    aliases: [
      "united kingdom",
      "great britain",
      "britain",
      "british",
      "england",
      "scotland",
      "wales",
      "northern ireland",
      "u.k.",
    ],
    exact: ["UK"],
    cities: ["London", "Manchester", "Edinburgh", "Bristol"],
  },
  { name: "Switzerland", aliases: ["switzerland", "swiss"], cities: ["Zurich", "Geneva", "Basel"] },
  { name: "Norway", aliases: ["norway", "norwegian"], cities: ["Oslo", "Bergen"] },
  { name: "Iceland", aliases: ["iceland", "icelandic"], cities: ["Reykjavik"] },
  {
    name: "United States",
    aliases: ["united states", "united states of america", "america", "american", "u.s.", "u.s.a."],
    exact: ["US", "USA"],
    cities: [
      "New York",
      "San Francisco",
      "Boston",
      "Austin",
      "Chicago",
      "Seattle",
      "Los Angeles",
      "Miami",
      "Denver",
      "Atlanta",
    ],
  },
  { name: "Canada", aliases: ["canada", "canadian"], cities: ["Toronto", "Vancouver", "Montreal"] },
  { name: "Mexico", aliases: ["mexico", "mexican"], cities: ["Mexico City", "Guadalajara"] },
  { name: "Brazil", aliases: ["brazil", "brasil", "brazilian"], cities: ["Sao Paulo", "Rio de Janeiro"] },
  { name: "Argentina", aliases: ["argentina", "argentinian"], cities: ["Buenos Aires"] },
  { name: "Colombia", aliases: ["colombia", "colombian"], cities: ["Bogota", "Medellin"] },
  { name: "Australia", aliases: ["australia", "australian"], cities: ["Sydney", "Melbourne", "Brisbane"] },
  { name: "New Zealand", aliases: ["new zealand"], cities: ["Auckland"] },
  { name: "India", aliases: ["india", "indian"], cities: ["Bangalore", "Mumbai", "Delhi"] },
  { name: "Singapore", aliases: ["singapore", "singaporean"], cities: ["Singapore"] },
  { name: "Japan", aliases: ["japan", "japanese"], cities: ["Tokyo", "Osaka"] },
  { name: "South Korea", aliases: ["south korea", "korea", "korean"], cities: ["Seoul"] },
  { name: "Israel", aliases: ["israel", "israeli"], cities: ["Tel Aviv"] },
  {
    name: "United Arab Emirates",
    aliases: ["united arab emirates", "emirates", "emirati", "u.a.e."],
    exact: ["UAE"],
    cities: ["Dubai", "Abu Dhabi"],
  },
  { name: "South Africa", aliases: ["south africa", "south african"], cities: ["Cape Town", "Johannesburg"] },
];

/** Cities the parser recognises by name; every country's cities above appear here or share its name. */
export const cities: City[] = [
  {
    name: "New York",
    country: "United States",
    aliases: ["new york", "new york city", "nyc", "manhattan", "brooklyn"],
  },
  {
    name: "San Francisco",
    country: "United States",
    aliases: ["san francisco", "san fran", "sf bay area", "bay area", "silicon valley"],
    exact: ["SF"],
  },
  { name: "Boston", country: "United States", aliases: ["boston"] },
  { name: "Austin", country: "United States", aliases: ["austin"] },
  { name: "Chicago", country: "United States", aliases: ["chicago"] },
  { name: "Seattle", country: "United States", aliases: ["seattle"] },
  { name: "Los Angeles", country: "United States", aliases: ["los angeles"], exact: ["LA"] },
  { name: "Miami", country: "United States", aliases: ["miami"] },
  { name: "Denver", country: "United States", aliases: ["denver"] },
  { name: "Atlanta", country: "United States", aliases: ["atlanta"] },
  { name: "Toronto", country: "Canada", aliases: ["toronto"] },
  { name: "Vancouver", country: "Canada", aliases: ["vancouver"] },
  { name: "Montreal", country: "Canada", aliases: ["montreal", "montréal"] },
  { name: "Mexico City", country: "Mexico", aliases: ["mexico city", "cdmx"] },
  { name: "Guadalajara", country: "Mexico", aliases: ["guadalajara"] },
  { name: "Sao Paulo", country: "Brazil", aliases: ["sao paulo", "são paulo"] },
  { name: "Rio de Janeiro", country: "Brazil", aliases: ["rio de janeiro"] },
  { name: "Buenos Aires", country: "Argentina", aliases: ["buenos aires"] },
  { name: "Bogota", country: "Colombia", aliases: ["bogota", "bogotá"] },
  { name: "Medellin", country: "Colombia", aliases: ["medellin", "medellín"] },
  { name: "London", country: "United Kingdom", aliases: ["london"] },
  { name: "Manchester", country: "United Kingdom", aliases: ["manchester"] },
  { name: "Edinburgh", country: "United Kingdom", aliases: ["edinburgh"] },
  { name: "Bristol", country: "United Kingdom", aliases: ["bristol"] },
  { name: "Dublin", country: "Ireland", aliases: ["dublin"] },
  { name: "Cork", country: "Ireland", aliases: [] },
  { name: "Berlin", country: "Germany", aliases: ["berlin"] },
  { name: "Munich", country: "Germany", aliases: ["munich", "münchen", "muenchen"] },
  { name: "Hamburg", country: "Germany", aliases: ["hamburg"] },
  { name: "Frankfurt", country: "Germany", aliases: ["frankfurt"] },
  { name: "Cologne", country: "Germany", aliases: ["cologne", "köln", "koeln"] },
  { name: "Vienna", country: "Austria", aliases: ["vienna", "wien"] },
  { name: "Graz", country: "Austria", aliases: ["graz"] },
  { name: "Zurich", country: "Switzerland", aliases: ["zurich", "zürich"] },
  { name: "Geneva", country: "Switzerland", aliases: ["geneva", "genève"] },
  { name: "Basel", country: "Switzerland", aliases: ["basel"] },
  { name: "Paris", country: "France", aliases: ["paris"] },
  { name: "Lyon", country: "France", aliases: ["lyon"] },
  { name: "Toulouse", country: "France", aliases: ["toulouse"] },
  { name: "Amsterdam", country: "Netherlands", aliases: ["amsterdam"] },
  { name: "Rotterdam", country: "Netherlands", aliases: ["rotterdam"] },
  { name: "Utrecht", country: "Netherlands", aliases: ["utrecht"] },
  { name: "Brussels", country: "Belgium", aliases: ["brussels"] },
  { name: "Antwerp", country: "Belgium", aliases: ["antwerp"] },
  { name: "Ghent", country: "Belgium", aliases: ["ghent"] },
  // Same name as its country: the parser reads the word as the country.
  { name: "Luxembourg", country: "Luxembourg", aliases: [] },
  { name: "Madrid", country: "Spain", aliases: ["madrid"] },
  { name: "Barcelona", country: "Spain", aliases: ["barcelona"] },
  { name: "Valencia", country: "Spain", aliases: ["valencia"] },
  { name: "Lisbon", country: "Portugal", aliases: ["lisbon", "lisboa"] },
  { name: "Porto", country: "Portugal", aliases: ["porto"] },
  { name: "Milan", country: "Italy", aliases: ["milan", "milano"] },
  { name: "Rome", country: "Italy", aliases: ["rome"] },
  { name: "Turin", country: "Italy", aliases: ["turin"] },
  { name: "Copenhagen", country: "Denmark", aliases: ["copenhagen"] },
  { name: "Aarhus", country: "Denmark", aliases: ["aarhus"] },
  { name: "Stockholm", country: "Sweden", aliases: ["stockholm"] },
  { name: "Gothenburg", country: "Sweden", aliases: ["gothenburg"] },
  { name: "Malmo", country: "Sweden", aliases: ["malmo", "malmö"] },
  { name: "Oslo", country: "Norway", aliases: ["oslo"] },
  { name: "Bergen", country: "Norway", aliases: ["bergen"] },
  { name: "Helsinki", country: "Finland", aliases: ["helsinki"] },
  { name: "Espoo", country: "Finland", aliases: ["espoo"] },
  { name: "Reykjavik", country: "Iceland", aliases: ["reykjavik", "reykjavík"] },
  { name: "Tallinn", country: "Estonia", aliases: ["tallinn"] },
  { name: "Riga", country: "Latvia", aliases: ["riga"] },
  { name: "Vilnius", country: "Lithuania", aliases: ["vilnius"] },
  { name: "Warsaw", country: "Poland", aliases: ["warsaw"] },
  { name: "Krakow", country: "Poland", aliases: ["krakow", "kraków", "cracow"] },
  { name: "Wroclaw", country: "Poland", aliases: ["wroclaw", "wrocław"] },
  { name: "Prague", country: "Czech Republic", aliases: ["prague"] },
  { name: "Brno", country: "Czech Republic", aliases: ["brno"] },
  { name: "Bratislava", country: "Slovakia", aliases: ["bratislava"] },
  { name: "Budapest", country: "Hungary", aliases: ["budapest"] },
  { name: "Bucharest", country: "Romania", aliases: ["bucharest"] },
  { name: "Cluj-Napoca", country: "Romania", aliases: ["cluj-napoca", "cluj"] },
  { name: "Sofia", country: "Bulgaria", aliases: ["sofia"] },
  { name: "Zagreb", country: "Croatia", aliases: ["zagreb"] },
  { name: "Ljubljana", country: "Slovenia", aliases: ["ljubljana"] },
  { name: "Athens", country: "Greece", aliases: ["athens"] },
  { name: "Limassol", country: "Cyprus", aliases: ["limassol"] },
  { name: "Nicosia", country: "Cyprus", aliases: ["nicosia"] },
  { name: "Valletta", country: "Malta", aliases: ["valletta"] },
  { name: "Sydney", country: "Australia", aliases: ["sydney"] },
  { name: "Melbourne", country: "Australia", aliases: ["melbourne"] },
  { name: "Brisbane", country: "Australia", aliases: ["brisbane"] },
  { name: "Auckland", country: "New Zealand", aliases: ["auckland"] },
  { name: "Bangalore", country: "India", aliases: ["bangalore", "bengaluru"] },
  { name: "Mumbai", country: "India", aliases: ["mumbai", "bombay"] },
  { name: "Delhi", country: "India", aliases: ["delhi", "new delhi"] },
  { name: "Singapore", country: "Singapore", aliases: [] },
  { name: "Tokyo", country: "Japan", aliases: ["tokyo"] },
  { name: "Osaka", country: "Japan", aliases: ["osaka"] },
  { name: "Seoul", country: "South Korea", aliases: ["seoul"] },
  { name: "Tel Aviv", country: "Israel", aliases: ["tel aviv", "tel-aviv"] },
  { name: "Dubai", country: "United Arab Emirates", aliases: ["dubai"] },
  { name: "Abu Dhabi", country: "United Arab Emirates", aliases: ["abu dhabi"] },
  { name: "Cape Town", country: "South Africa", aliases: ["cape town"] },
  { name: "Johannesburg", country: "South Africa", aliases: ["johannesburg", "joburg"] },
];

const euMembers = [
  "Austria",
  "Belgium",
  "Bulgaria",
  "Croatia",
  "Cyprus",
  "Czech Republic",
  "Denmark",
  "Estonia",
  "Finland",
  "France",
  "Germany",
  "Greece",
  "Hungary",
  "Ireland",
  "Italy",
  "Latvia",
  "Lithuania",
  "Luxembourg",
  "Malta",
  "Netherlands",
  "Poland",
  "Portugal",
  "Romania",
  "Slovakia",
  "Slovenia",
  "Spain",
  "Sweden",
];
const europe = [...euMembers, "United Kingdom", "Switzerland", "Norway", "Iceland"];

export const regions: Region[] = [
  {
    name: "DACH",
    aliases: ["dach", "d-a-ch"],
    countries: ["Germany", "Austria", "Switzerland"],
    expand: true,
  },
  {
    name: "Nordics",
    aliases: ["nordics", "nordic countries", "nordic", "nordic region"],
    countries: ["Denmark", "Finland", "Iceland", "Norway", "Sweden"],
    expand: true,
  },
  {
    name: "Scandinavia",
    aliases: ["scandinavia", "scandinavian"],
    countries: ["Denmark", "Norway", "Sweden"],
    expand: true,
  },
  {
    name: "Benelux",
    aliases: ["benelux"],
    countries: ["Belgium", "Netherlands", "Luxembourg"],
    expand: true,
  },
  {
    name: "Baltics",
    aliases: ["baltics", "baltic states", "baltic countries"],
    countries: ["Estonia", "Latvia", "Lithuania"],
    expand: true,
  },
  {
    name: "Iberia",
    aliases: ["iberia", "iberian peninsula"],
    countries: ["Spain", "Portugal"],
    expand: true,
  },
  {
    name: "North America",
    aliases: ["north america", "north american"],
    countries: ["United States", "Canada"],
    expand: true,
  },
  // Too many members to list within the 20-location limit, so they stay a single region name.
  { name: "Europe", aliases: ["europe", "european"], countries: europe, expand: false },
  { name: "European Union", aliases: ["european union"], exact: ["EU"], countries: euMembers, expand: false },
  {
    name: "EMEA",
    aliases: ["emea"],
    countries: [...europe, "Israel", "United Arab Emirates", "South Africa"],
    expand: false,
  },
  {
    name: "APAC",
    aliases: ["apac", "asia pacific", "asia-pacific", "asia"],
    countries: ["Australia", "New Zealand", "India", "Singapore", "Japan", "South Korea"],
    expand: false,
  },
  {
    name: "Latin America",
    aliases: ["latin america", "latin american", "south america", "south american", "latam"],
    countries: ["Mexico", "Brazil", "Argentina", "Colombia"],
    expand: false,
  },
  {
    name: "Middle East",
    aliases: ["middle east"],
    exact: ["MENA"],
    countries: ["Israel", "United Arab Emirates"],
    expand: false,
  },
];

/**
 * Business functions that appear inside titles ("Head of X", "X Manager"). `name` is how the
 * function is written in a title; aliases are the ways people type it.
 */
export const departments: VocabEntry[] = [
  { name: "Marketing", aliases: ["marketing", "mktg"] },
  { name: "Product Marketing", aliases: ["product marketing"] },
  { name: "Growth Marketing", aliases: ["growth marketing"] },
  { name: "Performance Marketing", aliases: ["performance marketing"] },
  { name: "Digital Marketing", aliases: ["digital marketing"] },
  { name: "Content Marketing", aliases: ["content marketing"] },
  { name: "Marketing Operations", aliases: ["marketing operations", "marketing ops"] },
  { name: "Demand Generation", aliases: ["demand generation", "demand gen"] },
  { name: "Social Media", aliases: ["social media"] },
  { name: "Sales", aliases: ["sales"] },
  { name: "Sales Operations", aliases: ["sales operations", "sales ops"] },
  { name: "Sales Development", aliases: ["sales development"] },
  { name: "Revenue Operations", aliases: ["revenue operations", "revops", "rev ops"] },
  { name: "Revenue", aliases: ["revenue"] },
  { name: "Business Development", aliases: ["business development", "bizdev", "biz dev"] },
  { name: "Partnerships", aliases: ["partnerships", "partnership", "alliances"] },
  { name: "Account Management", aliases: ["account management"] },
  { name: "Customer Success", aliases: ["customer success"] },
  { name: "Customer Experience", aliases: ["customer experience"], exact: ["CX"] },
  { name: "Customer Support", aliases: ["customer support", "customer service", "support"] },
  { name: "Engineering", aliases: ["engineering", "eng"] },
  { name: "Software Engineering", aliases: ["software engineering"] },
  { name: "Platform", aliases: ["platform"] },
  { name: "Infrastructure", aliases: ["infrastructure", "infra"] },
  { name: "DevOps", aliases: ["devops"] },
  { name: "Technology", aliases: ["technology", "tech"] },
  { name: "IT", aliases: ["information technology"], exact: ["IT"] },
  { name: "Security", aliases: ["security", "information security", "cybersecurity"] },
  { name: "Product", aliases: ["product"] },
  { name: "Product Management", aliases: ["product management"] },
  { name: "Design", aliases: ["design"] },
  { name: "Product Design", aliases: ["product design"] },
  { name: "UX", aliases: ["ux", "user experience"] },
  { name: "Data", aliases: ["data"] },
  { name: "Data Science", aliases: ["data science"] },
  { name: "Analytics", aliases: ["analytics"] },
  { name: "AI", aliases: ["artificial intelligence"], exact: ["AI"] },
  { name: "Machine Learning", aliases: ["machine learning"], exact: ["ML"] },
  { name: "Growth", aliases: ["growth"] },
  { name: "Operations", aliases: ["operations", "ops"] },
  { name: "Finance", aliases: ["finance"] },
  { name: "Accounting", aliases: ["accounting"] },
  { name: "HR", aliases: ["hr", "human resources"] },
  { name: "People", aliases: ["people"] },
  { name: "People Operations", aliases: ["people operations", "people ops"] },
  { name: "Talent", aliases: ["talent", "talent acquisition"] },
  { name: "Recruiting", aliases: ["recruiting", "recruitment"] },
  { name: "Legal", aliases: ["legal"] },
  { name: "Procurement", aliases: ["procurement", "purchasing"] },
  { name: "Supply Chain", aliases: ["supply chain"] },
  { name: "Content", aliases: ["content"] },
  { name: "Brand", aliases: ["brand", "branding"] },
  { name: "Communications", aliases: ["communications", "comms"], exact: ["PR"] },
  { name: "Community", aliases: ["community"] },
  { name: "Research", aliases: ["research"] },
  { name: "Strategy", aliases: ["strategy"] },
  { name: "E-commerce", aliases: ["e-commerce"] },
  { name: "Digital", aliases: ["digital"] },
];

/** Comparison key: case, accents, spaces and hyphens ignored, so "E-commerce" and "ecommerce" meet. */
export function vocabKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\-.]+/g, "");
}

/**
 * The entry a single term names (not a search inside longer text). With `strictCase`, exact aliases
 * must keep their case and the display name is not itself an alias, which the parser needs for "IT"
 * vs "it"; stored filters are looked up leniently.
 */
export function lookupVocab<T extends VocabEntry>(
  list: T[],
  term: string,
  strictCase = false,
): T | undefined {
  const key = vocabKey(term);
  const trimmed = term.trim();
  return list.find(
    (e) =>
      (!strictCase && vocabKey(e.name) === key) ||
      e.aliases.some((a) => vocabKey(a) === key) ||
      (e.exact ?? []).some((a) => (strictCase ? a === trimmed : vocabKey(a) === key)),
  );
}

export type KnownLocation =
  { kind: "city"; city: City } | { kind: "country"; country: Country } | { kind: "region"; region: Region };

/** Countries win over same-named cities (Luxembourg, Singapore); a region is tried last. */
export function lookupLocation(term: string): KnownLocation | undefined {
  const country = lookupVocab(countries, term);
  if (country) return { kind: "country", country };
  const city = lookupVocab(cities, term);
  if (city) return { kind: "city", city };
  const region = lookupVocab(regions, term);
  if (region) return { kind: "region", region };
  return undefined;
}
