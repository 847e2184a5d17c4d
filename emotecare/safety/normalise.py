"""Turn a raw chat message into plain lower-case words the chatbot's own patterns can match.

People type fast, on phones, in slang and with typos. The chatbot (`emotecare.chat`) and the
follow-up turns of an open risk check (`conversation.py`) read messages through this. The
crisis model does NOT (it folds text itself in `features.py`), so editing slang here can never
change what the crisis check sees.
"""
from __future__ import annotations

import re
import unicodedata

# Slang and abbreviations that stand for whole phrases. Applied on word boundaries after
# lower-casing, before contraction expansion, so the results are expanded too.
_PHRASES = {
    r"my ?self|meself|mself|myslef|mysef|mysefl|myelf|mysel|myselff": "myself",
    r"(think|end|kill|cutt|dy|go|try|feel|hurt|do|jump|say|tak|want|plann|gett|liv|noth|someth|start|hav|"
    r"los|harm|sleep|wak|leav|giv|com|walk|runn|pray|hop|cry|hid|bleed|drink|us|mak|fuck|freak)in'?": r"\1ing",
    r"bout": "about",
    r"in-?laws?|inlaws?": "in laws",
    r"dis+ap+ear(ed|ing|s)?": r"disappear\1",
    r"die(?:d|ing)? (?:my|her|his|their|your) hair": "dye hair",
    r"tmrw|tmr|tmrow|2moro|2morrow|tomoz|tomorow": "tomorrow",
    r"2nite|tonite": "tonight",
    r"toaster bath|commit die|rope myself|end it all": "kill myself",
    r"kms+": "kill myself",
    r"kys+": "kill yourself",
    r"ctb": "kill myself",  # "catch the bus", used on pro-suicide forums
    r"un-?alive (myself|me)|off myself|end myself|finish myself|finish off myself|top myself|neck myself|do myself in|topping myself": "kill myself",
    r"doing myself in|necking myself|offing myself": "killing myself",
    r"un-?aliving|offing myself": "killing myself",
    r"un-?alive(?! (?:him|her|them|you|someone|somebody|people|everyone|my|the|that|this|his|their))": "kill myself",
    r"un-?alive(d|s)?": "kill",
    r"self[- ]?delete": "kill myself",
    r"self[- ]?(harm|harming|harmed|injury|injure|injuring)": "selfharm",
    r"sewer ?slide|sewerslide|suicided|suicid(e|al)ly": "suicide",
    r"s\W?h": "sh",
    r"o\.?d\.?(e?d|ing)|o\.?d'e?d": "overdosed",
    r"o\.?d": "overdose",
    r"ngl|tbh|tbf|imo|honestly|literally|lowkey|highkey|fr|deadass|istg": "",
    r"not (gonna|going to) lie": "",
    r"urself|ur self|yourslef|yourselfe": "yourself",
    r"2(?= (?:die|live|kill|be|end|hurt|cut|sleep|disappear|exist))": "to",
    r"wanna": "want to",
    r"gonna": "going to",
    r"gotta": "got to",
    r"imma|ima|i'?ma": "i am going to",
    r"tryna": "trying to",
    r"idk|dunno": "i do not know",
    r"idc": "i do not care",
    r"u": "you",
    r"ur": "your",
    r"r": "are",
    r"rn": "right now",
    r"b4": "before",
    r"cuz|coz|bc|cos": "because",
    r"ppl": "people",
    r"every ?1": "everyone",
    r"no ?1": "no one",
    r"any ?more": "anymore",
    r"im": "i am",
    r"ive": "i have",
    r"i'?d": "i would",
}
# Laughing emoji mark a message as banter; they become a word the patterns can see.
_LAUGH_EMOJI = re.compile("[\U0001F602\U0001F923\U0001F606\U0001F605\U0001F480\u2620]")
_CONTRACTIONS = [
    (r"\bwon'?t\b", "will not"),
    (r"\bcan'?t\b", "can not"),
    (r"\bcannot\b", "can not"),
    (r"\bshan'?t\b", "shall not"),
    (r"\bain'?t\b", "is not"),
    (r"\b(do|does|did|is|are|was|were|has|have|had|would|could|should|must|need)n'?t\b", r"\1 not"),
    (r"\bi'm\b", "i am"),
    (r"\b(\w+)'re\b", r"\1 are"),
    (r"\b(\w+)'ve\b", r"\1 have"),
    (r"\b(\w+)'ll\b", r"\1 will"),
    (r"\b(i|you|he|she|we|they|it)'d\b", r"\1 would"),
    (r"\b(it|that|he|she|there|what|who)'s\b", r"\1 is"),
]
# Look-alike characters used to dodge filters ("su1cide", "k!ll", "$elf").
_LEET = str.maketrans({"1": "i", "!": "i", "3": "e", "0": "o", "4": "a", "@": "a", "$": "s", "5": "s", "7": "t"})
# Misspellings common enough to matter; anything else close to a key word is caught by
# `_correct_token` below.
_KEYWORDS = ("suicide", "suicidal", "myself", "overdose", "overdosed", "kill", "killing", "disappear",
             "hurting", "cutting", "yourself", "himself", "herself", "bridge", "pills")
_PROTECTED = {"harm", "harming", "harms", "hurts", "skill", "skills", "still", "kiln", "bill", "fill", "hill", "mill", "pill",
              "will", "till", "kilo", "kit", "kid", "kin", "kiss", "hurling", "putting",
              "cutie", "bride", "fridge", "ridge", "bridget", "spills", "pulls", "polls",
              "hunting", "hurdling", "curtain", "cutlery", "kiting", "kilt", "kills",
              "killer", "skilling", "bullying", "girls", "drills", "pilots"}


def normalise_text(text: str) -> str:
    """Return `text` lower-cased, de-obfuscated, with slang and contractions spelt out."""
    text = _LAUGH_EMOJI.sub(" lol ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    words = [_clean_word(w) for w in text.split()]
    text = " ".join(w for w in words if w)
    for pattern, replacement in _PHRASES.items():
        text = re.sub(rf"(?<![\w'])(?:{pattern})(?![\w'])", replacement, text)
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"\b(\w+)n't\b", r"\1 not", text)
    text = re.sub(r"\b(tonight|today|tomorrow|life|nobody|someone|somebody|this|there|here|where|how|who|"
                  r"everything|nothing|death)'s\b", r"\1 is", text)
    text = re.sub(r"(\w)'s\b", r"\1s", text)  # possessive: "dad's gun" -> "dads gun"
    text = re.sub(r"[^\w\s.,;:!?()\-]", " ", text)  # emoji and symbols become gaps
    return re.sub(r"\s+", " ", text).strip()


def _clean_word(word: str) -> str:
    """De-obfuscate one whitespace-separated word, keeping its trailing punctuation."""
    match = re.fullmatch(r"(.*?)([.,;:?!)\"]*)", word)
    core, tail = match.group(1), match.group(2)
    if re.search(r"[a-z]", core) and re.search(r"[0-9!@$*]", core) and not re.fullmatch(r"\d+\w{0,2}", core):
        core = core.translate(_LEET)  # "k1ll" but not "5pm" or "2nd"
        core = core.replace("*", "u") if "*" in core else core
    core = re.sub(r"([a-z])\1{2,}", r"\1\1", core)  # "killll" -> "kill", "sooo" -> "soo"
    core = _correct_token(core)
    return core + tail


def _correct_token(token: str) -> str:
    """Map a near-miss spelling of a risk key word ("sucide", "kil") onto the word itself."""
    if token in _KEYWORDS or token in _PROTECTED or len(token) < 3:
        return token
    if token in ("kil", "kll", "kiil", "kilk", "kilm"):
        return "kill"
    if token in ("dye", "diee", "ded"):
        return {"dye": token, "diee": "die", "ded": "dead"}[token]  # "dye" is a real word
    for keyword in _KEYWORDS:
        if token[0] != keyword[0] or abs(len(token) - len(keyword)) > 2:
            continue
        # Only "suicide"/"suicidal" have no common English neighbours two edits away
        # ("overcome" is two from "overdose"), so only they get the wider net.
        limit = 2 if keyword.startswith("suicid") else 1
        if _edit_distance(token, keyword) <= limit:
            return keyword
    return token


def _edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count as one edit)."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


def split_clauses(text: str) -> list[str]:
    """Split normalised text where a negation stops applying: sentences and 'but'-clauses."""
    parts = re.split(r"(?:[;!?]|(?<!\d)\.|\.(?!\d))+|,|\bbut\b|\bhowever\b|\bthough\b|\band then\b|\s-\s", text)
    return [p.strip() for p in parts if p.strip()]
