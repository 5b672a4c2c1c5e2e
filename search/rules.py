"""The ranking rules of Haven's search, in one place: fields and weights, stop words, synonyms across
official names, typo correction. Each engine translates the analysed query into its own syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

LANGS = ("nl", "fr", "en")
SNOWBALL = {"nl": "dutch", "fr": "french", "en": "english"}
POSTGRES_CONFIG = {"nl": "haven_nl", "fr": "haven_fr", "en": "haven_en"}

# Field weights. PostgreSQL uses the letters (A highest); FTS5 uses the numbers in bm25().
FIELDS = ("title", "keywords", "summary", "body")
PG_WEIGHT = {"title": "A", "keywords": "A", "summary": "B", "body": "C"}
# ts_rank's weights for D, C, B, A (in that order), with length normalisation 1 (compared on the evaluation set).
PG_RANK_WEIGHTS = [0.1, 0.3, 0.6, 1.0]
FTS_WEIGHT = {"title": 10.0, "keywords": 8.0, "summary": 4.0, "body": 1.0}
# How much a near match of the whole query against a title counts (typos in names).
TITLE_SIMILARITY_WEIGHT = 0.5
# A title this similar to the whole query matches even when no word does (names typed with mistakes).
TITLE_SIMILARITY_THRESHOLD = 0.55
# Shorter queries are too alike to too many titles ("prep" and "Prendre soin..."): they must match words.
TITLE_SIMILARITY_MIN_LENGTH = 5

# The platform's default country (Belgium: ``vocabulary.countries.DEFAULT``, which search may not import; a test
# keeps the two equal). A document about another country than the visitor's has its score multiplied by this factor:
# it comes after the answers for the visitor's own country, but is still found (neutral documents are unaffected).
DEFAULT_COUNTRY = "be"
OTHER_COUNTRY_FACTOR = 0.6
COUNTRY_CODE = re.compile(r"[a-z]{2}")


def country_factor_sql(column: str, country: str, factor: str) -> str:
    """The SQL factor of a document's score for the visitor's country (both engines use it): ``factor`` for a
    document about another country, 1 for one about the visitor's or none, and 1 for all when no country is given.
    ``country`` and ``factor`` are placeholders."""
    return f"(CASE WHEN {country} = '' OR {column} = '' OR {column} = {country} THEN 1.0 ELSE {factor} END)"


STOPWORDS = {
    "nl": set(
        [
            "door",
            "de",
            "het",
            "een",
            "en",
            "of",
            "in",
            "op",
            "aan",
            "van",
            "voor",
            "met",
            "bij",
            "naar",
            "is",
            "ik",
            "je",
            "jij",
            "mijn",
            "me",
            "mij",
            "wat",
            "hoe",
            "waar",
            "wie",
            "wanneer",
            "kan",
            "kun",
            "moet",
            "mag",
            "wil",
            "ben",
            "zijn",
            "er",
            "dat",
            "die",
            "dit",
            "te",
            "om",
            "als",
            "ook",
            "niet",
            "geen",
            "wel",
            "nog",
            "dan",
            "hebben",
            "heb",
            "heeft",
            "worden",
            "word",
            "wordt",
            "over",
            "uit",
            "zo",
        ]
    ),
    "fr": set(
        [
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "de",
            "du",
            "d",
            "l",
            "et",
            "ou",
            "en",
            "au",
            "aux",
            "a",
            "à",
            "pour",
            "par",
            "sur",
            "avec",
            "sans",
            "je",
            "j",
            "me",
            "m",
            "mon",
            "ma",
            "mes",
            "tu",
            "te",
            "vous",
            "votre",
            "vos",
            "est",
            "suis",
            "ai",
            "as",
            "peut",
            "peux",
            "puis",
            "dois",
            "doit",
            "comment",
            "quoi",
            "que",
            "qui",
            "quand",
            "ou",
            "où",
            "ce",
            "c",
            "cet",
            "cette",
            "ces",
            "se",
            "s",
            "y",
            "il",
            "elle",
            "on",
            "ne",
            "n",
            "pas",
            "plus",
            "est-ce",
            "qu",
            "quel",
            "quelle",
            "faire",
        ]
    ),
    "en": set(
        [
            "the",
            "a",
            "an",
            "and",
            "or",
            "in",
            "on",
            "at",
            "of",
            "for",
            "to",
            "with",
            "by",
            "is",
            "am",
            "are",
            "be",
            "i",
            "me",
            "my",
            "you",
            "your",
            "it",
            "its",
            "what",
            "how",
            "where",
            "who",
            "when",
            "can",
            "could",
            "do",
            "does",
            "did",
            "should",
            "must",
            "may",
            "will",
            "would",
            "there",
            "that",
            "this",
            "these",
            "those",
            "as",
            "also",
            "not",
            "no",
            "get",
            "have",
            "has",
            "from",
            "about",
            "if",
        ]
    ),
}

# Words that name the same thing, across languages and official names. Each group is a set of phrases.
SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        {
            "ocmw",
            "cpas",
            "pcsw",
            "public centre for social welfare",
            "centre public d action sociale",
            "openbaar centrum voor maatschappelijk welzijn",
        },
        {"aangifte", "klacht", "plainte", "complaint", "report to the police"},
        {
            "dmh",
            "amu",
            "dringende medische hulp",
            "aide medicale urgente",
            "urgent medical assistance",
            "urgent medical aid",
        },
        {
            "zsg",
            "cpvs",
            "sacc",
            "zorgcentrum na seksueel geweld",
            "zorgcentra na seksueel geweld",
            "sexual assault care centre",
            "centre de prise en charge des violences sexuelles",
        },
        {"abortus", "zwangerschapsafbreking", "avortement", "ivg", "abortion"},
        {"soa", "ist", "mst", "sti", "std", "soa test", "depistage"},
        {"hiv", "vih", "sida", "aids"},
        {"mensenhandel", "traite", "trafficking", "human trafficking", "traite des etres humains"},
        {"uitbuiting", "exploitation", "exploited", "uitgebuit", "exploite"},
        {"zonder papieren", "sans papiers", "undocumented", "no papers", "without papers", "sans titre de sejour"},
        {
            "verkrachting",
            "verkracht",
            "violee",
            "raped",
            "viol",
            "rape",
            "aanranding",
            "agression sexuelle",
            "sexual assault",
            "seksueel geweld",
            "violences sexuelles",
            "sexual violence",
        },
        {
            "geweld",
            "gewelddadig",
            "gewelddadige",
            "mishandeling",
            "mishandeld",
            "geslagen",
            "slaan",
            "sloeg",
            "bedreigd",
            "bedreiging",
            "gevaarlijk",
            "gevaarlijke",
            "violence",
            "violences",
            "violent",
            "violente",
            "agression",
            "agresse",
            "agressee",
            "frappe",
            "frappee",
            "frapper",
            "battu",
            "battue",
            "menace",
            "menacee",
            "dangereux",
            "dangereuse",
            "violent client",
            "abuse",
            "abused",
            "assault",
            "assaulted",
            "attacked",
            "beaten",
            "hit me",
            "threatened",
            "threat",
            "dangerous",
        },
        {"huisvesting", "woning", "wonen", "logement", "housing", "appartement", "appartment", "flat"},
        {"schulden", "dettes", "debts", "debt"},
        {"budget", "begroting", "geld", "argent", "money", "finances", "financien"},
        {"eenzaam", "eenzaamheid", "seul", "seule", "solitude", "lonely", "loneliness", "isole", "isolee"},
        {"paspoort", "passeport", "passport", "identiteitskaart", "carte d identite", "papiers d identite", "id card"},
        {"stoppen", "uitstappen", "arreter", "quitter", "sortir", "leave", "leaving", "quit", "exit", "stop"},
        {"vakbond", "syndicat", "union", "utsopi"},
        {"politie", "police", "flic", "flics", "cops"},
        {"werkgever", "employeur", "employer", "patron", "baas"},
        {"ontslag", "ontslagen", "licenciement", "licencie", "fired", "dismissal"},
        {"weigeren", "refuser", "refuse", "nee zeggen", "dire non"},
        {"zelfstandige", "independant", "self employed", "freelance"},
        {"cv", "curriculum", "resume"},
        {"werk", "job", "emploi", "travail", "baan", "work"},
        {"opleiding", "formation", "training", "cursus", "cours"},
        {"anoniem", "anonyme", "anonymous"},
        {"gratis", "gratuit", "free", "kosteloos"},
        {"telefoon", "gsm", "telephone", "phone"},
        {"foto", "photo", "photos", "pictures", "selfie"},
        {"noodnummer", "numero d urgence", "emergency number", "hulplijn", "helpline", "ligne d ecoute"},
        {"lidmaatschap", "lid worden", "adhesion", "devenir membre", "membership", "become a member", "member"},
        {"vrijwilliger", "benevole", "volunteer", "vrijwilligerswerk", "benevolat"},
        {"stage", "internship", "stagiair", "intern"},
        {"gift", "doneren", "don", "donation", "donate"},
        {
            "decriminalisering",
            "depenalisation",
            "decriminalisation",
            "decriminalization",
            "legaal",
            "legal",
            "wet",
            "loi",
            "law",
        },
        {"arbeidscontract", "arbeidsovereenkomst", "contrat de travail", "employment contract", "contract", "contrat"},
    )
)


# Phrases that say a person may be in danger now: the search page shows the helplines before any result.
URGENT: frozenset[str] = frozenset(
    {
        "geweld",
        "violence",
        "violent",
        "verkrachting",
        "viol",
        "rape",
        "mensenhandel",
        "traite",
        "trafficking",
        "uitbuiting",
        "exploitation",
        "noodnummer",
        "emergency number",
        "suicide",
        "zelfmoord",
    }
)

# Words the content does not use but that belong with a concept it covers. Unlike synonyms, they are only tried
# when nothing matched the words themselves, and the page says that it shows the closest topics, not an answer.
RELATED: dict[str, str] = {
    "prep": "hiv",
    "pep": "hiv",
    "truvada": "hiv",
    "condoom": "soa",
    "condom": "sti",
    "preservatif": "ist",
    "capote": "ist",
    "zwanger": "abortus",
    "pregnant": "abortion",
    "enceinte": "avortement",
}


def normalise(text: str) -> str:
    """Lowercase, strip accents, keep letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", stripped).strip()


def tokens(text: str) -> list[str]:
    return normalise(text).split()


@lru_cache(maxsize=8)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(SNOWBALL[lang])


def stem(word: str, lang: str) -> str:
    return str(_stemmer(lang).stemWord(word))


def stem_text(text: str, lang: str) -> str:
    """What the SQLite engine indexes: normalised, stemmed words (PostgreSQL stems on its own)."""
    return " ".join(stem(word, lang) for word in tokens(text))


@lru_cache(maxsize=1)
def _synonym_index() -> dict[str, list[frozenset[str]]]:
    index: dict[str, list[frozenset[str]]] = {}
    for group in SYNONYMS:
        for phrase in group:
            index.setdefault(normalise(phrase), []).append(group)
    return index


def bounded_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it is certain to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def allowed_typos(word: str) -> int:
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 6 else 2


class Lexicon(frozenset[str]):
    """The words of a language's documents, with an index by length (built on first use) so that typo correction
    compares a word only with words of a length within reach, not with the whole list."""

    _by_length: dict[int, list[str]] | None = None

    def of_length(self, low: int, high: int) -> list[str]:
        if self._by_length is None:
            by_length: dict[int, list[str]] = {}
            for known in sorted(self):
                by_length.setdefault(len(known), []).append(known)
            self._by_length = by_length
        return [known for length in range(low, high + 1) for known in self._by_length.get(length, ())]


def correct(word: str, lexicon: frozenset[str]) -> list[str]:
    """The closest known words when ``word`` is not known itself (typos), best first."""
    if word in lexicon or word.isdigit():
        return [word]
    limit = allowed_typos(word)
    if not limit:
        return [word]
    within = (
        lexicon.of_length(len(word) - limit, len(word) + limit)
        if isinstance(lexicon, Lexicon)
        else [known for known in lexicon if abs(len(known) - len(word)) <= limit]
    )
    scored = sorted(
        (bounded_distance(word, known, limit), known) for known in within if known[:1] == word[:1] or len(word) > 5
    )
    close = [known for distance, known in scored if distance <= limit]
    return close[:3] or [word]


@dataclass
class Group:
    """One thing the person asked about: alternative words or phrases, any of which may match."""

    alternatives: list[str] = field(default_factory=list)


@dataclass
class Analysed:
    text: str
    lang: str
    groups: list[Group]
    prefix: str | None  # the last word, matched as a prefix (people type as they search)
    country: str = ""  # the visitor's country: documents about another one are demoted ("" demotes none)

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def urgent(self) -> bool:
        """Whether the query names danger (violence, rape, trafficking...): helplines come first."""
        urgent = {normalise(phrase) for phrase in URGENT}
        return any(urgent & set(group.alternatives) for group in self.groups)

    def related(self) -> Analysed | None:
        """The query with each word the content does not use replaced by the concept it belongs with, if any."""
        synonyms = _synonym_index()
        groups: list[Group] = []
        for group in self.groups:
            concepts = [RELATED[word] for word in group.alternatives if word in RELATED]
            if concepts:
                found = set(concepts)
                for concept in concepts:
                    for synonym_group in synonyms.get(concept, []):
                        found |= {normalise(p) for p in synonym_group}
                groups.append(Group(sorted(found)))
        if not groups:
            return None
        return Analysed(text=self.text, lang=self.lang, groups=groups, prefix=None, country=self.country)


def analyse(text: str, lang: str, lexicon: frozenset[str], *, min_prefix: int = 3, country: str = "") -> Analysed:
    """The query as groups of alternatives. The last word also matches as a prefix when it has at least
    ``min_prefix`` letters (as people type); a submitted search asks for more, so that "prep" does not
    find "prepaid"."""
    words = tokens(text)[:12]
    synonyms = _synonym_index()
    groups: list[Group] = []
    used: set[int] = set()
    # Multi-word synonyms first ("sans papiers", "contrat de travail").
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if used & set(span):
                continue
            phrase = " ".join(words[start : start + size])
            if phrase in synonyms:
                groups.append(Group(sorted({normalise(p) for group in synonyms[phrase] for p in group})))
                used |= set(span)
    for position, word in enumerate(words):
        if position in used or word in STOPWORDS.get(lang, set()):
            continue
        # A known synonym is taken as typed; otherwise typos are corrected, keeping the word itself too
        # (its stem may still match: "verkracht" and "verkrachting").
        # A word the content does not use but knows the subject of (RELATED) is not a typo either.
        candidates = [word] if word in synonyms or word in RELATED else [word, *correct(word, lexicon)]
        found: set[str] = set(candidates)
        for candidate in candidates:
            for group in synonyms.get(candidate, []):
                found |= {normalise(p) for p in group}
        groups.append(Group(sorted(found)))
    last = words[-1] if words else None
    prefix = last if last and len(last) >= min_prefix and last not in STOPWORDS.get(lang, set()) else None
    return Analysed(text=text, lang=lang, groups=groups, prefix=prefix, country=country)
