"""The safety check every chat message and journal entry passes before any reply.

A pattern from `lexicon.py` that fires is kept unless the words around it show it is not
about the writer's own risk now: a negation in the same clause ("I'm not going to hurt
myself"), a figure of speech ("this meeting makes me want to die lol"), talk about the topic
rather than the self ("a documentary about suicide"), or a risk that is clearly past
("I used to cut, I've been clean two years"). When in doubt it flags: a missed crisis costs
far more than a warm check-in that was not needed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from emotecare.safety import lexicon
from emotecare.safety.normalise import normalise_text, split_clauses


@dataclass(frozen=True)
class SafetyResult:
    """What the check found: whether to answer with the crisis reply, and why."""

    crisis: bool
    category: str | None = None
    evidence: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """Return the JSON-ready form used by the CLI and the safety-event record."""
        return {"crisis": self.crisis, "category": self.category,
                "categories": list(self.categories), "evidence": list(self.evidence)}


NO_RISK = SafetyResult(crisis=False)

_NEGATION = re.compile(
    r"\b(?:no (?:\w+ )?thoughts?|no (?:\w+ )?(?:ideation|intent|intentions|plans?|urges?|wish)|free (?:of|from)|"
    r"not|never|nor|without|no longer|no way|no intention|no intentions|no plans?|no desire|"
    r"no urge|no urges|stopped|quit|refuse to|refused to|nothing could make me|zero chance)\b")
# Words after a negation that turn it into distress rather than denial:
# "can't stop thinking about killing myself", "why shouldn't I just end it".
_NEGATION_CANCELLED = re.compile(
    r"^(?:not|never|without) (?:\w+ )?(?:stop|stopping|help|sure|know|care|see|afraid|scared|mind|get|"
    r"shake|escape|handle|cope|bear|take|wait|resist|fight|control|believe|understand|"
    r"think straight|go on|keep|want to live|want to be here|want to be alive|seem to)\b")
_WHY_NOT = re.compile(r"\bwhy (?:\w+ )?not\b|\bwhy (?:should|would|do|could) i not\b|\bwhat is stopping me\b")
# A new subject or a joined clause ends a negation's reach: "I'm not ok and I want to die".
# "I never said I wanted to hurt anyone": a denial that reaches over the new subject.
_DENIED_SAYING = re.compile(r"\b(?:never|not|did not|do not) (?:said|say|mean|meant|claimed|claim)\b|"
                            r"\b(?:no way|no chance|zero chance|not a chance|never in a million years)(?: that)? i\b|"
                            r"\bnever have i(?: ever)?\b")
_DENIED_AFTER = re.compile(
    r"^(?: \w+){0,3}? (?:has|have|had) never (?:crossed|entered|occurred|been)|^(?: \w+){0,3}? (?:is|was) "
    r"(?:not|never) (?:something|an option|on the table|on my mind)|^(?: \w+){0,2}? is off the table")
_ASKED = re.compile(r"\b(?:asked|asks|ask|asking) (?:me )?(?:if|whether|about)\b")
_ANSWERED_NO = re.compile(r"\b(?:said|say|answered|told (?:her|him|them)) no\b|\bwhich is true\b|\bi am not\b|"
                          r"\bi do not (?:do|have|feel) (?:that|it|any)\b|\bi never have\b")
# Phrases whose meaning needs a preceding "no": "no reason to live", "no way out".
_NEEDS_NO = re.compile(r"(?:reason|point|purpose|will|way|one|hope|future|escape|other way)\b")
_SCOPE_BREAK = re.compile(r"\b(?:i|and|so|because|then|until|unless|if|when|now|since|yet)\b")
_AMBIVALENCE = re.compile(
    r"\b(?:sometimes|part of me|tempted|think about it|thought about it|thinking about it|the thought|"
    r"not sure|might|some days|do not know how much longer|i could|i still|i keep|the urge|urges)\b")

_HUMOUR = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|jokes?|joking|kidding|xd|omg)\b")
_TRIVIAL = re.compile(
    r"\b(?:meetings?|zoom|exams?|homework|assignments?|essays?|lectures?|class|classes|songs?|traffic|"
    r"queue|emails?|spreadsheets?|mondays?|commute|group project|small talk|karaoke|ads?|adverts?|"
    r"episode|show|series|movie|game|match|weather|rain|heat|wifi|printer|laptop|phone|hangover|"
    r"cringe|embarrass\w*|awkward|presentation|maths?|math|calculus|chemistry|physics|deadline|"
    r"tax(?:es)? return|paperwork|customers?|shift|team|song|playlist|cat|dog|puppy|toddler|kids|"
    r"leftovers|fries|pizza|food|coffee|charger|hoodie|clothes|remote|netflix|spoilers?|ending)\b")
_FIGURATIVE_SELF = [
    re.compile(r"\b(?:die|dying|died) (?:of|from) (?:embarrassment|shame|laughter|laughing|cringe|"
               r"boredom|the heat|cuteness|happiness|excitement|envy|jealousy|hunger|thirst)\b"),
    re.compile(r"\b(?:so|too|very) (?:embarrassed|awkward|bored|hungry|tired|happy) (?:that )?i (?:could|want to|will|am going to|might) (?:just )?die\b"),
    re.compile(r"\bkill(?:ing)? myself (?:at the gym|at work|working|studying|trying|to (?:get|finish|make|meet|pass|keep|please|impress)|over (?:this|these|that|a|the|my|nothing)|for (?:this|a|my|the|nothing|them)|with (?:work|this|studying|exercise|overtime|training)|laughing)\b"),
    re.compile(r"\b(?:die|dying|died) (?:laughing|from laughing)\b|\bdie (?:happy|content|a happy \w+)\b|"
               r"\bdie\b.{0,40}\b(?:when i am (?:old|older|\d{2,3})|of old age|in old age|at a ripe old age)\b|"
               r"\bdead (?:on my feet|tired|serious|beat|to the world)\b|\bgoing to die if (?:she|he|they|you|my crush)\b"),
    re.compile(r"\b(?:thought|think) i (?:was|am|were|would) (?:going to |gonna )?(?:die|dying)\b|\bcould sleep (?:forever|for (?:a week|days|a year|a month))\b"),
    re.compile(r"\brather die than (?!(?:live|living|go on|keep|wake|feel|be alive|spend another|carry on|face))"),
]
_MUNDANE = re.compile(
    r"\b(?:work|job|shift|boss|course|class|classes|school|uni|university|college|degree|semester|exams?|homework|"
    r"assignment|project|diet|gym|membership|roommate|flatmate|traffic|weather|heat|commute|dating|apps?|quit|"
    r"quitting|leaving|going home|this week|today at|office|meeting|meetings|customers|kids are|toddler|"
    r"noise|neighbours?|landlord|city|town|house|flat|apartment|course|team|season|game|phone|wifi|laptop)\b")
# A third-person subject right before the act: "someone jumped off a bridge" is not about the writer.
_OTHER_SUBJECT = re.compile(r"\b(?:(?:the|my|a|our) (?:cat|dog|kitten|puppy|pet|rabbit|hamster|parrot|bird)|someone|somebody|he|she|they|who|people|a (?:man|woman|guy|girl|boy|character|person)|"
                            r"the (?:man|woman|guy|girl|boy|character|person)|my (?:\w+ )?(?:friend|brother|sister|"
                            r"cousin|uncle|aunt|dad|mum|mom|father|mother|son|daughter|classmate|neighbou?r|colleague))"
                            r"(?: \w+)? $")
_FEAR_OF_DEATH = re.compile(r"\b(?:scares? me|scared|afraid|fear|terrif\w*|frighten\w*|anxious about|worried about|"
                            r"phobia)\b")
_ABUSE_OVER = re.compile(r"\b(?:died|passed away|passed on|is dead|was dead|in prison now|is in jail)\b|"
                         r"\b(?:left|escaped) (?:him|her|them)\b.{0,30}\b(?:ago|safe now)\b")
_EMBARRASSED = re.compile(r"\b(?:embarrass\w*|cringe\w*|awkward|mortifi\w*|so red)\b")
_HYPERBOLE_CONDITION = re.compile(
    r"\bif (?:i (?:have to|hear|see|get|need to|am forced to|must|sit through|watch|read|do)|they make me|"
    r"one more|this|he|she|my|you)\b.{0,60}\b(?:one more|again|another|more|this)\b")
_MAKES_ME = re.compile(r"\b(?:makes|made|making|make) me (?:want to )?(?:die|kill myself)\b")

_FIGURATIVE_OTHERS = re.compile(
    r"\bi (?:could|would) (?:literally |actually |seriously )?"
    r"(?:kill|murder|strangle|throttle|smack)\b(?!.{0,40}\b(?:mean it|serious|really will|plan|knife|gun|tonight))"
    r"|\bif (?:he|she|they|you|my \w+|this) (?:\w+ ){0,4}(?:again|one more time|another)\b"
    r"|\bfor (?:eating|taking|using|stealing|borrowing|finishing|drinking|leaving|breaking|spoiling|being late|"
    r"changing|touching|not (?:replying|texting|calling|answering|doing)|forgetting|losing)\b")

_INFORMATIONAL = re.compile(
    r"\b(?:documentary|article|film|movie|book|novel|show|series|podcast|essay|paper|research|awareness|"
    r"campaign|charity|fundraiser|volunteer\w*|course|lecture|training|news|report|statistics|rates?|"
    r"prevention|studying|class|assignment|presentation|project|story|episode|song|lyrics|character|"
    r"warning signs|signs|symptoms|risk factors|hotline numbers?) (?:about|on|for|of|regarding|that|in)\b"
    r"|\b(?:learning|reading|read|studying|researching|research|training|workshop|webinar|talk|lecture|course|"
    r"educate myself|understand) (?:about|on)\b|\bso (?:that )?i can (?:help|support|understand)\b"
    r"|\b(?:suicide|rape|domestic violence|sexual assault|abuse) (?:prevention|awareness|rates?|statistics|"
    r"research|squad|mission|doors|sprints?|drills?|bomb\w*|survivors? (?:group|network)|charity|"
    r"helpline numbers?)\b"
    r"|\b(?:career|social|political|professional|financial|fashion|commercial|academic) suicide\b"
    r"|\b(?:died|dies|death|deaths|lost (?:\w+ ){1,3}to|loss of (?:\w+ ){1,3}to) (?:by |from |of )?suicide\b"
    r"|\b(?:he|she|they|his|her|their|my \w+|friend|brother|sister|dad|mom|mum|uncle|aunt|cousin|son|daughter) "
    r"(?:committed|attempted|died by|took (?:his|her|their) own life by)? ?suicide\b"
    r"|\b(?:help|support|talk to|helping|supporting) (?:a |my |someone|somebody|people|a friend|friends?)\b.{0,30}\bsuicidal\b"
    r"|\bsuicidal (?:friend|person|people|patients?|teens?|loved one|family member|clients?)\b"
    r"|\b(?:someone|a friend|people|person|friend|patients?|teens?|kids?|child|loved one) who (?:is|are|feels?|seems?) suicidal\b"
    r"|\b(?:someone|somebody|a person|people|a friend|friend|they|he|she|a loved one|your child|a child|"
    r"(?:the|a) (?:\w+ )?character|my (?:\w+ )?(?:friend|son|daughter|kid|child|teen|teenager|student|partner|"
    r"brother|sister|client|patient)) (?:is|are|might be|may be|could be|seems|feels|was|is being) (?:\w+ )?"
    r"(?:suicidal|selfharm\w*|cutting)\b"
    r"|\b(?:novel|story|book|film|movie|show|play|poem|game|script|series) (?:where|in which|whose|about)\b")
# Words that make an explicit self-statement stronger than any informational framing.
_SELF_NOW = re.compile(r"\bi (?:am|feel|have been|keep|want|think about|plan)\b.{0,15}\b(?:suicid|kill myself|die)")

_HISTORY = re.compile(
    r"\b(?:used to|when i was (?:younger|little|a (?:kid|teen|teenager|child|student))|(?:a|one|two|few|\w+) (?:years?|months?) ago|"
    r"in the past|previously|before\s*$|in my youth|when i was young|as a young (?:man|woman|person)|back in (?:school|college|high school|uni|university)|as a (?:teen|teenager|kid|child)|"
    r"last year|a long time ago|once upon a time|in my teens|at (?:\d+|fifteen|sixteen|fourteen))\b")
_RECOVERY = re.compile(
    r"\b(?:not anymore|no longer|better now|doing (?:much )?better|doing well|much better|okay now|ok now|"
    r"fine now|clean (?:for|since)|better place|good place|safety plan|i am okay now|been well|well for|well since|"
    r"stable for|"
    r"been clean|recovered|in recovery|have not (?:since|in|for)|these days i|"
    r"proud|healing|healed|got help|getting help|safe now|past now|behind me|long way|do not anymore|"
    r"do not feel that way|stable now|years clean|months clean)\b")


def check_message(text: str) -> SafetyResult:
    """Classify one message; `crisis` is True when it shows risk to the writer or others now."""
    if not text or not text.strip():
        return NO_RISK
    normal = normalise_text(text)
    clauses = split_clauses(normal)
    found: dict[str, list[str]] = {}
    for index, clause in enumerate(clauses):
        following = clauses[index + 1] if index + 1 < len(clauses) else ""
        for category, patterns in lexicon.PATTERNS.items():
            for pattern in patterns:
                for match in pattern.finditer(clause):
                    if _keeps(category, clause, match, following, normal):
                        found.setdefault(category, []).append(match.group(0).strip())
        if _MUNDANE.search(normal):
            continue  # "I can't do this anymore, I'm quitting this course"
        for category, patterns in lexicon.AMBIGUOUS_PATTERNS.items():
            for pattern in patterns:
                for match in pattern.finditer(clause):
                    if _keeps(category, clause, match, following, normal):
                        found.setdefault(category, []).append(match.group(0).strip())
    if not found:
        return NO_RISK
    categories = tuple(c for c in lexicon.CATEGORY_PRIORITY if c in found)
    evidence = tuple(dict.fromkeys(e for c in categories for e in found[c]))
    return SafetyResult(crisis=True, category=categories[0], evidence=evidence, categories=categories)


def _keeps(category: str, clause: str, match: re.Match, following: str, message: str) -> bool:
    """Decide whether a pattern hit stands once its context is read."""
    if _DENIED_AFTER.search(clause[match.end():]):
        return False  # "the thought of killing myself has never crossed my mind"
    # Harm-to-others patterns start at "I ..."; the denial sits inside them ("I never
    # said I wanted to hurt anyone"), so read up to the act itself.
    start = match.start("act") if "act" in match.re.groupindex else match.start()
    before = clause[:start]
    if _is_negated(before, match.group(0)):
        # "I'd never do it, but sometimes I think about it" is ambivalence, not denial.
        return bool(following) and bool(_AMBIVALENCE.search(following)) and category == lexicon.SUICIDAL_IDEATION
    if _HISTORY.search(clause) and _RECOVERY.search(message):
        return False
    if _ASKED.search(before) and _ANSWERED_NO.search(message):
        return False  # "my therapist asked if I'm suicidal and I said no"
    if category in (lexicon.SUICIDAL_IDEATION, lexicon.SELF_HARM) and _OTHER_SUBJECT.search(before.rstrip() + " ") \
            and not re.search(r"\b(?:i|me|myself|himself|herself|themselves|his life|her life|their life)\b",
                              match.group(0)):
        return False
    if category == lexicon.SUICIDAL_IDEATION and _is_someone_elses_death(clause[: match.end()]):
        return False  # "my plant is going to die", "I hope the villain dies"
    if category == lexicon.SUICIDAL_IDEATION and _FEAR_OF_DEATH.search(clause) \
            and re.search(r"\b(?:dying|death|die)\b", match.group(0)) \
            and not re.search(r"\b(?:kill|suicid|end)|^(?:not|no longer|never)\b", match.group(0)):
        return False  # "the thought of dying scares me" is fear of death, not a wish for it
    if category == lexicon.ABUSE and "kill me" in match.group(0) and _HUMOUR.search(message):
        return False  # "my sister said she'd kill me if I told mum lol"
    if category == lexicon.ABUSE and _ABUSE_OVER.search(message):
        return False  # "I'm relieved my abusive dad died", "I left him years ago and I'm safe now"
    if category == lexicon.HARM_TO_OTHERS:
        return not (_HUMOUR.search(message) or _FIGURATIVE_OTHERS.search(clause))
    if category in (lexicon.SUICIDAL_IDEATION, lexicon.SELF_HARM) and _is_figurative_self(clause, message, match):
        return False
    if category == lexicon.MEDICAL_EMERGENCY and _is_figurative_breath(clause, match):
        return False
    if _INFORMATIONAL.search(clause) and not _SELF_NOW.search(clause):
        return False
    return True


def _is_negated(before: str, matched: str = "") -> bool:
    """Return True when a denial governs the words that follow `before`."""
    tail = " ".join(before.split()[-7:])
    if _WHY_NOT.search(tail):
        return False
    if _DENIED_SAYING.search(tail):
        return True
    if re.search(r"\b(?:no|zero|denies|deny|denied)$", tail) and not _NEEDS_NO.match(matched):
        return True  # "no thoughts of suicide", "denies suicidal ideation"
    cues = list(_NEGATION.finditer(tail))
    if not cues:
        return False
    cue = cues[-1]
    scope = tail[cue.start():]
    if _NEGATION_CANCELLED.search(scope):
        return False
    if re.match(r"(?:care|cares|mind|matter)\b", matched) and re.search(r"\b(?:not|never)(?: even| really)?$", tail):
        return False  # "I don't care if I live or die" is the risk, not a denial of it
    return not _SCOPE_BREAK.search(tail[cue.end():])


def _is_figurative_self(clause: str, message: str, match: re.Match) -> bool:
    """Hyperbole about oneself: "dying of embarrassment", "if I hear that song again I'll kms"."""
    if any(p.search(clause) for p in _FIGURATIVE_SELF):
        return True
    # "Ugh I want to disappear, that was so embarrassing": a wish to vanish from a social
    # moment. Only for the mild phrasings; "kill myself" is never read as embarrassment.
    if _EMBARRASSED.search(message) and re.search(r"\b(?:disappear|vanish|die|dead)\b", match.group(0)):
        return True
    trivial = _TRIVIAL.search(message)
    if trivial and (_HYPERBOLE_CONDITION.search(message) or _MAKES_ME.search(clause)):
        return True
    return bool(trivial and _HUMOUR.search(message))


def _is_someone_elses_death(text: str) -> bool:
    """True when the one who would die is not the writer: "the battery is going to die"."""
    if not re.search(r"\b(?:die|be dead)$", text):
        return False
    if re.search(r"\b(?:want|wish|hope|need|pray|expect)\w* (?:that )?(?!(?:me|myself|i|to|so|just|really|badly|very|"
                 r"kinda|sort|literally|honestly|more|only)\b)\w+(?: (?!to\b)\w+)? (?:(?:to|would|will|just) )*die$", text):
        return True
    return bool(re.search(r"\b(?!i\b)(?:he|she|they|it|(?:the|this|that|my|your|his|her|our|their) (?:\w+ )?\w+|\w+s) "
                          r"(?:is|are|was|were|will|would|should|might|could|may|gonna)(?: \w+){0,2} (?:going to |gonna )?"
                          r"(?:just )?(?:die|be dead)$", text))


def _is_figurative_breath(clause: str, match: re.Match) -> bool:
    """"I can't breathe" from laughing, a cold, or a panic that the message names as such."""
    if "breathe" not in match.group(0):
        return False
    return bool(re.search(r"\b(?:laugh\w*|lol|haha\w*|nose|blocked|cold|flu|cute|feel like|when i|whenever|sometimes|"
                          r"stress\w*|pressure|so much work|deadlines?)\b", clause))
