"""Context cues that decide whether a matched risk phrase is about the writer, now.

Figures of speech ("dying of laughter"), banter ("lol"), mundane settings ("this course"),
talk about the topic rather than the self ("a documentary about suicide"), risk that is
clearly past ("clean for two years"), and deaths that are someone else's ("the battery").
"""
from __future__ import annotations

import re

ASKED = re.compile(r"\b(?:asked|asks|ask|asking) (?:me )?(?:if|whether|about)\b")
ANSWERED_NO = re.compile(r"\b(?:said|say|answered|told (?:her|him|them)) no\b|\bwhich is true\b|\bi am not\b|"
                          r"\bi do not (?:do|have|feel) (?:that|it|any)\b|\bi never have\b")
HUMOUR = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|jokes?|joking|kidding|xd|omg)\b")
TRIVIAL = re.compile(
    r"\b(?:meetings?|zoom|exams?|homework|assignments?|essays?|lectures?|class|classes|songs?|traffic|"
    r"queue|emails?|spreadsheets?|mondays?|commute|group project|small talk|karaoke|ads?|adverts?|"
    r"episode|show|series|movie|game|match|weather|rain|heat|wifi|printer|laptop|phone|hangover|"
    r"cringe|embarrass\w*|awkward|presentation|maths?|math|calculus|chemistry|physics|deadline|"
    r"tax(?:es)? return|paperwork|customers?|shift|team|song|playlist|cat|dog|puppy|toddler|kids|"
    r"leftovers|fries|pizza|food|coffee|charger|hoodie|clothes|remote|netflix|spoilers?|ending)\b")
FIGURATIVE_SELF = [
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
MUNDANE = re.compile(
    r"\b(?:work|job|shift|boss|course|class|classes|school|uni|university|college|degree|semester|exams?|homework|"
    r"assignment|project|diet|gym|membership|roommate|flatmate|traffic|weather|heat|commute|dating|apps?|quit|"
    r"quitting|leaving|going home|office|meeting|meetings|customers|kids are|toddler|"
    r"noise|neighbours?|landlord|city|town|house|flat|apartment|course|team|season|game|phone|wifi|laptop)\b")
# A third-person subject right before the act: "someone jumped off a bridge" is not about the writer.
OTHER_SUBJECT = re.compile(r"\b(?:(?:the|my|a|our) (?:cat|dog|kitten|puppy|pet|rabbit|hamster|parrot|bird)|someone|somebody|he|she|they|who|people|a (?:man|woman|guy|girl|boy|character|person)|"
                            r"the (?:man|woman|guy|girl|boy|character|person)|my (?:\w+ )?(?:friend|brother|sister|"
                            r"cousin|uncle|aunt|dad|mum|mom|father|mother|son|daughter|classmate|neighbou?r|colleague))"
                            r"(?: \w+)? $")
FEAR_OF_DEATH = re.compile(r"\b(?:scares? me|scared|afraid|fear|terrif\w*|frighten\w*|anxious about|worried about|"
                            r"phobia)\b")
ABUSE_OVER = re.compile(r"\b(?:died|passed away|passed on|is dead|was dead|in prison now|is in jail)\b|"
                         r"\b(?:left|escaped) (?:him|her|them|(?:my|that|the) (?:\w+ )?(?:ex|husband|wife|partner|boyfriend|girlfriend|marriage|relationship))\b.{0,30}\b(?:ago|safe now)\b|\b(?:left|escaped)(?: him| her| them)? in (?:19|20)\d\d\b|"
                         r"\b(?:been|got|have been) out (?:of (?:it|there|that relationship|that house) )?(?:for|since) "
                         r"(?:\w+ ){0,2}(?:years?|months?|(?:19|20)\d\d)\b")
# An event dated in the past: a medical emergency told this way is history, not now
# ("in 2015 i overdosed", "my grandad had a stroke three years ago").
PAST_DATED = re.compile(r"\b(?:(?:\w+|\d+) (?:years?|months?) ago|last (?:year|summer|winter|spring|autumn)|in (?:19|20)\d\d|"
                        r"when i was (?:younger|little|a (?:kid|teen|teenager|child|student)|\d+)|as a (?:teen|teenager|kid|child)|"
                        r"in my (?:teens|twenties|thirties))\b")
# Words that make a threat to someone else meant, whatever the setting ("one more time ... i mean it").
SERIOUS = re.compile(r"\b(?:i mean it|i am serious|i am not joking|not kidding|dead serious|for real this time|i have had enough)\b")
EMBARRASSED = re.compile(r"\b(?:embarrass\w*|cringe\w*|awkward|mortifi\w*|so red)\b")
HYPERBOLE_CONDITION = re.compile(
    r"\bif (?:i (?:have to|hear|see|get|need to|am forced to|must|sit through|watch|read|do)|they make me|"
    r"one more|this|he|she|my|you)\b.{0,60}\b(?:one more|again|another|more|this)\b")
MAKES_ME = re.compile(r"\b(?:makes|made|making|make) me (?:want to )?(?:die|kill myself)\b")

FIGURATIVE_OTHERS = re.compile(
    r"\bi (?:could|would) (?:literally |actually |seriously )?"
    r"(?:kill|murder|strangle|throttle|smack)\b(?!.{0,40}\b(?:mean it|serious|really will|plan|knife|gun|tonight))"
    r"|\bif (?:he|she|they|you|my \w+|this) (?:\w+ ){0,4}(?:again|one more time|another)\b"
    r"|\bfor (?:eating|taking|using|stealing|borrowing|finishing|drinking|leaving|breaking|spoiling|being late|"
    r"changing|touching|not (?:replying|texting|calling|answering|doing)|forgetting|losing)\b")

INFORMATIONAL = re.compile(
    r"\b(?:documentary|article|film|movie|book|novel|show|series|podcast|essay|paper|research|awareness|"
    r"campaign|charity|fundraiser|volunteer\w*|course|lecture|training|news|report|statistics|rates?|"
    r"prevention|studying|class|assignment|presentation|project|story|episode|song|lyrics|character|"
    r"warning signs|signs|symptoms|risk factors|hotline numbers?) (?:about|on|for|of|regarding|that|in)\b"
    r"|\b(?:we|they|class|lecture|teacher|the course|the module) (?:covered|discussed|learned about|learnt about|"
    r"studied|taught us about|talked about)\b"
    r"|\b(?:grieving|mourning|bereaved by|bereavement after|loss to|lost to|survivors? of) (?:a |his |her |their |the )?suicide\b"
    r"|\b(?:learning|reading|read|studying|researching|research|training|workshop|webinar|talk|lecture|course|"
    r"educate myself|understand) (?:about|on)\b|\bso (?:that )?i can (?:help|support|understand)\b"
    r"|\b(?:suicide|rape|domestic violence|sexual assault|abuse) (?:prevention|awareness|rates?|statistics|"
    r"research|squad|mission|doors|sprints?|drills?|bomb\w*|survivors? (?:group|network)|charity|"
    r"(?:help|hot) ?lines?(?: numbers?)?)\b"
    r"|\b(?:career|social|political|professional|financial|fashion|commercial|academic) suicide\b"
    r"|\b(?:died|dies|death|deaths|lost (?:\w+ ){1,3}to|loss of (?:\w+ ){1,3}to) (?:by |from |of )?suicide\b"
    r"|\b(?:he|she|they|his|her|their|my \w+|friend|brother|sister|dad|mom|mum|uncle|aunt|cousin|son|daughter) "
    r"(?:committed|attempted|died by|took (?:his|her|their) own life by)? ?suicide\b"
    r"|\b(?:help|support|talk to|helping|supporting) (?:a |my |someone|somebody|people|a friend|friends?)\b.{0,30}\b(?:suicidal|selfharm\w*|cuts|cutting|cut (?:himself|herself|themselves))\b"
    r"|\bsuicidal (?:friend|person|people|patients?|teens?|loved one|family member|clients?)\b"
    r"|\b(?:someone|a friend|people|person|friend|patients?|teens?|kids?|child|loved one) who (?:is|are|feels?|seems?) suicidal\b"
    r"|\b(?:someone|somebody|a person|people|a friend|friend|they|he|she|a loved one|your child|a child|"
    r"(?:the|a) (?:\w+ )?character|my (?:\w+ )?(?:friend|son|daughter|kid|child|teen|teenager|student|partner|"
    r"brother|sister|client|patient)) (?:is|are|might be|may be|could be|seems|feels|was|is being) (?:\w+ )?"
    r"(?:suicidal|selfharm\w*|cutting)\b"
    r"|\b(?:novel|story|book|film|movie|show|play|poem|game|script|series) (?:where|in which|whose|about)\b"
    # work for a course: "researching lethal doses of caffeine for a pharmacology essay" (round 41)
    r"|\bfor (?:a|an|my|our|the) (?:\w+ ){0,2}(?:essay|assignment|dissertation|thesis|paper|module|lecture|seminar|coursework|exam|revision|project|class|article|quiz)\b")
# Words that make an explicit self-statement stronger than any informational framing.
SELF_NOW = re.compile(r"\bi (?:am|feel|have been|keep|want|think about|plan)\b.{0,15}\b(?:suicid|kill myself|die)")

HISTORY = re.compile(
    r"\b(?:used to|when i was (?:younger|little|a (?:kid|teen|teenager|child|student))|(?:a|one|two|few|\w+) (?:years?|months?) ago|"
    r"in the past|previously|before\s*$|in my youth|when i was young|as a young (?:man|woman|person)|back in (?:school|college|high school|uni|university)|as a (?:teen|teenager|kid|child)|"
    r"last year|a long time ago|once upon a time|in my teens|at (?:\d+|fifteen|sixteen|fourteen)|"
    r"in (?:19|20)\d\d|(?:back )?in my (?:twenties|thirties|teens|school days)|"
    r"(?:a |my )?(?:past )?history of|last (?:episode|time|attempt) (?:was )?(?:\w+ ){0,2}(?:years?|months?) ago)\b")
RECOVERY = re.compile(
    r"\b(?:not anymore|no longer|better now|doing (?:much )?better|doing well|much better|okay now|ok now|"
    r"fine now|clean (?:for|since)|better place|good place|safety plan|i am okay now|been well|well for|well since|"
    r"stable for|"
    r"been clean|recovered|in recovery|have not (?:since|in|for)|these days i|"
    r"proud|healing|healed|got help|getting help|safe now|past now|behind me|long way|do not anymore|"
    r"do not feel that way|stable now|years clean|months clean|none (?:currently|now|at the moment|at present)|not currently|nothing current|not thinking about it (?:now|anymore|any more)|"
    # the recovery told as what helped or what is done now: "therapy really helped", "is doing physio now"
    r"(?:therapy|treatment|counselling|counseling|medication|the meds|rehab|the hospital|support|it|that|they) (?:really |has |have |had |so much |a lot )?helped|"
    r"(?:my|his|her|their) recovery|recovering|(?:is|am|are) (?:doing|getting) (?:better|well|fine|physio|rehab)|"
    r"glad (?:i am|to be) (?:still )?(?:here|alive))\b")


# A worry about being a burden that the person in question has answered (round 41):
# "I worry I'm a burden to my son, but he says he doesn't mind".
BURDEN_ANSWERED = re.compile(r"\b(?:says|said|tells me|told me|keeps telling me|insists|assures me|reassures me)\b.{0,25}"
                             r"\b(?:(?:does|do|did) not mind|i am not (?:a|one)|not a burden|happy to (?:help|do it|have me)|"
                             r"loves? (?:having|helping|doing)|(?:that is|it is|that) (?:just )?(?:the|my) (?:depression|anxiety|illness))\b")
# Affairs put in order as a sensible chore, named as such (round 41): "updated my will, as one
# should at my age. Feels good to have it done."
AFFAIRS_ROUTINE = re.compile(r"\b(?:as (?:one|you|everyone|anyone) should|at my age|peace of mind|sensible thing|"
                             r"responsible thing|grown up thing|everyone should|feels good to have|glad to have (?:it|that) done|"
                             r"ticked (?:it|that) off)\b")
# An everyday occasion named beside a farewell, a "last message", a missed date, letters or a
# rope (round 42): "said my goodbyes at the leaving do", "last message before the exam, wish me
# luck", "not going to make it to my birthday drinks, I've got covid", "rope ... for the camping trip".
ORDINARY_OCCASION = re.compile(
    r"\b(?:leaving (?:do|party|drinks)|new job|job starts|before the (?:exam|test|interview|match|flight|race|wedding|holiday|surgery|operation)|"
    r"wish me luck|camping|climbing|abseil\w*|sailing|the boat|tent|hammock|tow(?:ing)?|"
    r"(?:birthday|christmas|work|office|leaving|hen|stag) (?:drinks|party|do|dinner|meal)|covid|the flu|a cold|"
    r"memory (?:project|box|book)|(?:counsellor|counselor|therapist|grief worker) (?:suggested|recommended)|when (?:they|he|she) (?:turns?|are|is) \d+|"
    r"to open (?:when|on|at))\b")
# A petty grievance told right after a threat (round 42): "I'm going to kill my brother, he's
# used all the hot water again".
PETTY_GRIEVANCE = re.compile(
    r"^(?:because |cos |coz )?(?:he|she|they|it) (?:is |are |has |have )?(?:\w+ )?(?:used|eaten|ate|drunk|drank|taken|took|borrowed|finished|"
    r"broken|broke|lost|nicked|stolen|stole|hogged|hogging|spoiled|spoilt|deleted|cancelled|forgot|forgotten)\b"
    r".{0,40}\b(?:again|all the|all my|my)\b")
# A threat to someone taken back at once (round 41): "I'll strangle her. (I won't, I love her.)"
TAKEN_BACK = re.compile(r"\b(?:i will not|i would not|i wont|not really|obviously not|of course not|only joking|just joking|"
                        r"just kidding|kidding)\b,? (?:i love (?:her|him|them|it)|obviously|of course|but|ha\w*|lol)|"
                        r"^\(?(?:i will not|i would not|obviously not|of course not|kidding|only joking|just kidding|jk)\)?$")


# A jump for sport or fun, named right before the jump: "I bungee jumped off a bridge".
RECREATION_JUMP = re.compile(r"\b(?:bungee|bungy|base|cliff|parachute|tandem|ski|tombstone|tombstoning|rope) ?jump\w*$")
# Away for an ordinary reason: "I won't be around next week, I'm off to Spain".
AWAY_FOR_A_REASON = re.compile(r"\b(?:off to|on holiday|holidays?|vacation|a trip|road trip|travell?ing|flying (?:to|out)|"
                               r"conference|festival|honeymoon|camping|business trip|back (?:on|next|in a|by) (?!the other side)\w+|"
                               r"see you (?:next|when i am back|after the|in (?:a|two|three|january|february|march|april|may|june|"
                               r"july|august|september|october|november|december)))\b")


def is_figurative_self(clause: str, message: str, match: re.Match) -> bool:
    """Hyperbole about oneself: "dying of embarrassment", "if I hear that song again I'll kms"."""
    if any(p.search(clause) for p in FIGURATIVE_SELF):
        return True
    # "Ugh I want to disappear, that was so embarrassing": a wish to vanish from a social
    # moment. Only for the mild phrasings; "kill myself" is never read as embarrassment.
    if EMBARRASSED.search(message) and re.search(r"\b(?:disappear|vanish|die|dead)\b", match.group(0)):
        return True
    trivial = TRIVIAL.search(message)
    if trivial and (HYPERBOLE_CONDITION.search(message) or MAKES_ME.search(clause)):
        return True
    return bool(trivial and HUMOUR.search(message))


def is_someone_elses_death(text: str) -> bool:
    """True when the one who would die is not the writer: "the battery is going to die"."""
    if not re.search(r"\b(?:die|be dead)$", text):
        return False
    if re.search(r"\b(?:want|wish|hope|need|pray|expect)\w* (?:that )?(?!(?:me|myself|i|to|so|just|really|badly|very|"
                 r"kinda|sort|literally|honestly|more|only)\b)\w+(?: (?!to\b)\w+)? (?:(?:to|would|will|just) )*die$", text):
        return True
    return bool(re.search(r"\b(?!i\b)(?:he|she|they|it|(?:the|this|that|my|your|his|her|our|their) (?:\w+ )?\w+|\w+s) "
                          r"(?:is|are|was|were|will|would|should|might|could|may|gonna)(?: \w+){0,2} (?:going to |gonna )?"
                          r"(?:just )?(?:die|be dead)$", text))


def is_figurative_breath(clause: str, match: re.Match, message: str = "") -> bool:
    """"I can't breathe" from laughing, a cold, or stress the message names as such."""
    if "breathe" not in match.group(0):
        return False
    if re.search(r"\b(?:laugh\w*|lol|lmao|haha\w*|so funny|hilarious|dead lol|cute)\b", message):
        return True
    return bool(re.search(r"\b(?:nose|blocked|cold|flu|feel like|when i|whenever|sometimes|"
                          r"stress\w*|pressure|so much work|deadlines?)\b", clause))
