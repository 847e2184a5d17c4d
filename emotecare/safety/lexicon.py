"""Risk patterns, by category, written against the text `normalise_text` produces.

The text they see is lower-case, with contractions spelt out ("do not", "can not",
"i am"), slang expanded ("kms" -> "kill myself") and typos of key words fixed. Each pattern
is a phrase a person uses about THEMSELVES now; negation, banter and figures of speech are
judged afterwards in `classifier.py`, so a pattern here should not try to exclude them.
"""
from __future__ import annotations

import re

SUICIDAL_IDEATION = "suicidal_ideation"
SELF_HARM = "self_harm"
HARM_TO_OTHERS = "harm_to_others"
ABUSE = "abuse"
MEDICAL_EMERGENCY = "medical_emergency"
# When one message matches several, the reply leads with the most urgent.
CATEGORY_PRIORITY = (MEDICAL_EMERGENCY, SUICIDAL_IDEATION, SELF_HARM, HARM_TO_OTHERS, ABUSE)

_SELF = r"(?:myself|my self)"
_BODY = r"(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?|body|hands?|ankles?)"
_PILL_WORDS = (r"(?:pills|tablets|meds|medication|medicine|paracetamol|tylenol|acetaminophen|"
          r"ibuprofen|aspirin|sleeping pills|xanax|insulin|painkillers|pain killers|"
          r"antidepressants|oxy\w*|opioids|benzos|prescription)")
_PILLS = _PILL_WORDS
_PERSON = (r"(?:him|her|them|you|someone|somebody|people|everyone|everybody|anyone|"
           r"(?:my|that|this|the|his|her) (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|"
           r"boss|dad|father|mom|mum|mother|brother|sister|son|daughter|baby|babies|kids?|"
           r"child|children|roommate|flatmate|neighbou?r|teacher|ex|coworker|co-worker|"
           r"colleague|manager|family|friend|classmates?|stepdad|stepmom|uncle|aunt|"
           r"guy|man|woman|girl|bitch|bastard|person|people|students?|class|school|newborn|infant|toddler|"
           r"twins|stepson|stepdaughter|grandchild))")
_ABUSER = (r"(?:he|she|they|someone|somebody|(?:my|our|her|his|a|this) (?:\w+ )?(?:husband|"
           r"wife|partner|boyfriend|girlfriend|bf|gf|dad|father|mom|mum|mother|stepdad|"
           r"stepfather|stepmom|stepmother|uncle|aunt|brother|sister|cousin|grandpa|"
           r"grandfather|teacher|coach|boss|ex|parents?|family|man|guy|neighbou?r|carer|"
           r"caregiver|priest|pastor|landlord))")

_RAW_PATTERNS = {
    SUICIDAL_IDEATION: [
        r"\bkill(?:ing|ed|s)? (?:myself|my self)\b",
        r"\b(?:end|ending|ended|take|taking|took) (?:my|my own) life\b",
        r"\bsuicid(?:e|al)\b",
        r"\b(?:want|wanted|wish|wishing|going|ready|deserve|need|trying|try|plan|planning|plans|prepared|about|decided|rather) to (?:just )?die\b(?! for\b)",
        r"\bwant(?:ed)? to (?:be dead|not be alive|not exist|stop existing|cease to exist|not be here|disappear forever|fade away|sleep forever|go to sleep forever|not wake up)\b",
        r"\bwish(?:ed)? (?:that )?i (?:was|were|had|could|would|did) (?:just )?(?:dead|die|not born|never (?:been )?born|not here|not alive|not wake up|never wake up|disappear(?! (?:from|off|for a|under|into|to|on))|gone|not exist|stop existing)",
        r"\bwish i (?:had )?never (?:been born|existed|woke up|woken up)\b",
        r"\bhope (?:i|that i) (?:die|do not wake up|never wake up|will not wake up|get hit|crash)\b",
        r"\bhope (?:a|the|some) (?:car|bus|truck|train|plane) (?:hits|kills) me\b",
        r"\bbetter off (?:dead|gone|without me|if i (?:was|were|had|died|was not|were not|never))\b",
        r"\b(?:world|everyone|everybody|they|people|family|kids|everything) (?:would|will|is|are|might|could) (?:be |have been )?better (?:off )?(?:without me|if i (?:was|were) gone|if i (?:was|were) not (?:here|around|alive)|if i died)\b",
        r"\b(?:do not|no longer|not|never|do not really|barely) (?:even |really |just )?(?:want|wish|feel like) to (?:live|be alive|exist|go on|carry on|keep living|wake up|continue living|stay alive|be here anymore|be here)\b(?! (?:at|in|with|for|on|today|tonight|early|so early|before|this week|like this week|to go)\b)",
        r"\b(?:no|not any|not a single|nothing but no|zero) (?:reason|point|purpose|will|desire) (?:to|in|of|for) (?:live|living|life|going on|being alive|being here|existing|carry on|carrying on|keep going|keeping going|wake up|waking up|stay|staying alive|try|trying anymore)\b",
        r"\bnothing (?:left )?to live for\b",
        r"\b(?:want to|wanna|wish i could|just want to|going to|need to) (?:just )?stop (?:being alive|existing|living|breathing)\b",
        r"\b(?:tomorrow|tonight|by morning|next week|soon|by the weekend),? i (?:will not|may not|might not|am not going to) be (?:here|around|alive)\b",
        r"\b(?:want|wanna|ready|going|need) to (?:go )?(?:be with|join|see) (?:my )?\w+ (?:again )?in heaven\b|\b(?:want|wanna|ready|going) to go to heaven\b|\b(?:want to|wanna|going to) become a ghost\b",
        r"\b(?:have|got|saved|collected|enough) (?:\w+ ){0,2}(?:pills|tablets|meds|insulin|paracetamol|painkillers|sleeping pills)\b.{0,20}\bto (?:do it|die|end it|kill myself|not wake up|overdose)\b|\b(?:have|got|saved|collected) enough (?:\w+ )?(?:pills|tablets|meds|insulin|paracetamol|painkillers)\b",
        r"\b(?:pills|tablets|meds|medication|bottle)\b.{0,60}\b(?:take|swallow|down|taking|swallowing) (?:them|it|these|those) all\b",
        r"\b(?:considering|consider|contemplating|contemplate|thinking of|thinking about|thought about|planning on) (?:jumping|hanging|drowning|overdosing|ending it|ending things|ending everything|ending my life|doing it|not being here|suicide)\s*$",
        r"\bwhat (?:is there|do i have|have i got) (?:left )?to live for\b|\brather (?:be gone|not exist|not be here|not be alive|not wake up)\b",
        r"\b(?:walk|walking|walked|swim|swimming|wade|wading) (?:out )?(?:into|in to) the (?:sea|ocean|river|lake|water|waves)\b",
        r"\b(?:chosen|chose|picked|set|decided on|have) (?:a|the|my) (?:date|day|method)\b(?! (?:for|of|to meet|with))",
        r"\b(?:last|final) time (?:i will|i am going to|you will|anyone will|that i will|i) (?:talk|speak|hear|see|write|message|be here)\b",
        r"\bjump (?:off|from) (?:things|something|somewhere high|high places|heights|a height|buildings|bridges)\b",
        r"\b(?:look|looked|looking|staring|stare|stared|keep looking) at (?:the|my|a|that) (?:rope|pills|gun|noose|knife|knives|blades?|razors?|bridge|tracks|ledge)\b",
        r"\b(?:not sure|unsure|do not know|wonder|wondering|questioning|doubt) (?:if |whether |that )?i (?:even |really |still )?(?:want|wanna) to (?:live|be alive|be here|exist|go on|keep going|keep living|stay alive|wake up)\b",
        r"\b(?:end|finish|stop|terminate|close) (?:my|my own) life\b|\bmy time (?:is|has) (?:up|come)\b",
        r"\b(?:fix|solve|end|sort) (?:it|this|everything|things|the problem) (?:permanently|for good|once and for all)\b|\bpermanent solution\b",
        r"\bhow long (?:does it|would it|will it|it) takes? (?:to|for (?:\w+ )?to) (?:die|bleed out|suffocate|drown|pass out and die)\b|\b(?:die|death|dying) (?:from|by|of) (?:hanging|an overdose|overdose|drowning|bleeding out|jumping|suffocation|carbon monoxide)\b",
        r"\b(?:edge of|ledge of) (?:the|a) (?:platform|roof|rooftop|cliff|bridge|building|balcony|tracks)\b",
        r"\bhow i (?:would|will|could|am going to|might|should) do it\b|\b(?:when|where) i (?:will|am going to) do it\b",
        r"\b(?:fall asleep|sleep|go to sleep|rest) forever\b|\beternal (?:sleep|rest)\b",
        r"\b(?:reason|point|purpose) for me to (?:be here|live|exist|stay|keep going|go on|be alive)\b",
        r"\bcan not (?:go on|live|keep going|carry on) without (?:him|her|them|my \w+)\b",
        r"\b(?:better|easier|happier|fine|okay|ok|relieved|lighter|simpler)\b.{0,40}\bwithout me\b",
        r"\bpoint (?:of|in) (?:even |really |just )(?:living|life|being alive|existing|going on|being here|waking up)\b",
        r"\b(?:researching|research|looking up|look up|googling|googled|google|searching|searched|search|reading about|read about|finding|find|know|learn) (?:for |up )?(?:ways|methods|how|the best way|a way) to (?:die|kill myself|end (?:it|my life|things)|overdose|commit suicide|not wake up)\b|\bways to (?:die|kill myself|end my life|commit suicide)\b",
        r"\b(?:take|taking|swallow|swallowing|took) (?:every|each|all the|all of the|all my|all of my) (?:pill|pills|tablet|tablets|med|meds|medication|medicine|painkiller|painkillers)\b",
        r"\bnot (?:going to|gonna) be (?:here|around|alive) (?:much longer|for (?:much )?longer|tomorrow|next week|for long|anymore)\b",
        r"\b(?:care|cares|cared|matter|matters|difference|notice)\b.{0,20}\b(?:if|whether) i (?:live or die|die|died|am dead|was dead|exist|disappear|disappeared|was gone|killed myself)\b",
        r"\b(?:would not|do not|would not even|will not|would never) (?:care|mind)\b.{0,10}\bif i (?:died|was dead|were dead|did not wake up|never woke up|got hit|passed away|was gone|were gone|stopped existing)\b",
        r"\b(?:imagin\w*|picture|picturing|planning|plan|thinking about|think about|dream\w* about|fantasi\w* about) my (?:own )?(?:funeral|death|grave|suicide|last day|last goodbye)\b",
        r"\b(?:roof|rooftop) access\b|\b(?:tallest|highest) (?:buildings?|towers?|points?|roofs?|places?) (?:in town|in the city|downtown|around here|near here)\b",
        r"\bshould (?:just )?(?:disappear|vanish)(?: forever| for good| permanently)?\b|\bdisappear (?:forever|for good|permanently)\b",
        r"\b(?:would like|wish|pray|praying|can not wait|cannot wait|long|longing) to die\b|\blet me die\b|\b(?:praying|pray) (?:for death|that i (?:die|do not wake up|never wake up))\b",
        r"\bwish (?:it all|everything|my life|life) (?:was|were|would be|could be) over\b|\b(?:want|wish for|welcome|crave|long for) death\b",
        r"\b(?:easier|better|happier|relieved|simpler|better place|better off|a relief|peaceful|lighter|fine)\b.{0,40}\b(?:if|when|once|without) (?:i|me)\b(?: \w+){0,3}? ?(?:was not|were not|am not|was no longer|were no longer|was gone|were gone|am gone|died|was dead|were dead|disappeared|did not exist|never existed|was never born|had never been born|in it|around|here)\b",
        r"\b(?:if|when) i (?:just )?(?:was not|were not|was no longer|am not|was gone|were gone|died|disappeared|did not exist|stopped existing)\b(?: (?:here|around|alive|anymore))?.{0,40}\b(?:easier|better|happier|relieved|simpler|relief|fine|nobody|no one|care|notice|miss)\b",
        r"\b(?:feel|felt|feeling) like (?:dying|i want to die|ending it|ending my life|killing myself|giving up on life)\b",
        r"\b(?:do not think|not sure|do not know if|doubt|do not know how) (?:that )?i (?:can|could|will be able to) (?:keep going|go on|carry on|hold on|do this|last|survive|take (?:it|this)|cope|keep living|stay alive)\b",
        r"\b(?:a plan|the plan) and (?:a|the) (?:date|method|time|place)\b|\bplanning my (?:exit|death|way out|funeral|suicide)\b",
        r"\b(?:no|not|any|without|lost|lose|what is the|can not find|can not see|do not have|never|nothing)\b(?: \w+){0,3} (?:reason|point|purpose|will) (?:to|in|of|for) (?:keep |keeping |go on |going on |even |continue |continuing )?(?:living|live|life|being alive|existing|staying alive|stay alive|carry on|carrying on|keep going|going on|wake up|waking up|be here|being here)\b",
        r"\b(?:what if|maybe) i (?:just )?(?:did not wake up|never woke up|died|was not here|were not here|disappeared forever|ended it|killed myself)\b",
        r"\b(?:hope|wish|pray|praying) (?:that )?(?:a|the|some) (?:car|bus|truck|train|lorry|plane|drunk driver) (?:hits|kills|would hit|would kill|will hit|runs me over)\b",
        r"\b(?:do not|no longer|never) deserve to (?:live|be alive|exist|be here|be happy and alive)\b|\bshould (?:just )?(?:die|be dead|not be alive|not exist|kill myself)\b",
        r"\bcan not (?:live|exist) (?:anymore|any longer|like this|with myself|with this)\b",
        r"\b(?:life|my life|living) (?:is|feels|seems) (?:not|no longer) worth (?:living|it)\b",
        r"\bnot worth (?:living|being alive|saving|the air i breathe)\b",
        r"\bwhat is the point (?:of|in) (?:living|life|being alive|existing|going on|carrying on|waking up|anything anymore|it all anymore)\b",
        r"\b(?:go|fall|going|falling) to sleep and (?:never|not) (?:wake|waking) up\b",
        r"\b(?:never|not) (?:wake|waking) up again\b",
        r"\bsleep (?:and|forever and) (?:never|not) (?:wake|waking) up\b|\b(?:lost|losing|lose) (?:the|my|all) will to live\b",
        r"\bpoint (?:of|in) (?:living|life|being alive|existing|going on|carrying on|waking up|trying anymore|anything anymore|me being here|being here)\b",
        r"\b(?:use|using|turn|turning|point|pointing) (?:it|the gun|a gun|the knife|a knife|them|the blade|this) (?:on|at) myself\b",
        r"\b(?:knife|knives|blade|blades|razor|rope|gun|pills)\b.{0,50}\b(?:my wrists?|my throat|my neck|my head|end it|ending it|myself)\b",
        r"\brather (?:just )?(?:be dead|die)\b|\bwant to be gone\b",
        r"\b(?:would|will|does) (?:anyone|anybody) (?:even |really |actually )?(?:miss me|notice (?:if|that) i (?:am|was) gone|care if i (?:died|was gone|disappeared))\b",
        r"\b(?:going to|want to|about to|ready to) jump\s*$|\b(?:standing|sitting|am|i am|up) on (?:the |a |this )?(?:edge|ledge|bridge|roof|rooftop|railing|cliff|parapet)\b",
        r"\b(?:pills|rope|gun|knife|blade|razor|noose)\b.{0,20}\b(?:in front of me|in my hand|ready|lined up|counted out|next to me)\b",
        r"\b(?:swallow|take|taking) everything in (?:the|my) (?:medicine|bathroom) cabinet\b",
        r"\b(?:death|dying|being dead|not existing|not waking up|ending it) (?:would be|sounds|seems|feels like|is) (?:a |like )?(?:relief|peaceful|nice|better|a release|release|the answer|the only answer|the only way|easier|freedom|my only option)\b",
        r"\bwant (?:the|all the|this|all this) pain to (?:end|stop|go away forever)\s*$|\b(?:given|give|giving) up on (?:life|living|myself)\b|\bhate (?:being alive|living|existing)\b",
        r"\b(?:no|not see a|can not see a|can not find a|there is no) way out\s*$|\bhow (?:much )?longer i can (?:keep going|go on|do this|hold on|take this|last)\b",
        r"\b(?:tired|sick|exhausted|done) (?:of|with) (?:living|being alive|life|existing|being here|my life|this life)\b",
        r"\bwant (?:it all|everything|all of this|the pain|my life|this life|it) to (?:end|stop|be over) (?:forever|for good|permanently)\b",
        r"\bwant (?:it all|everything|all of this|my life|this life) to (?:end|be over)\b",
        r"\b(?:no one|nobody|no body|anyone|anybody|who) (?:would|will|even|really)? ?(?:even )?(?:care|notice|miss me|cry|be sad|remember me|come to my funeral)\b.{0,30}\bif i (?:died|was dead|were dead|was gone|were gone|disappeared|killed|was not (?:here|around|alive)|were not (?:here|around|alive)|vanished|stopped existing|did not wake up)\b",
        r"\bif i (?:died|was gone|were gone|killed myself|disappeared)\b.{0,30}\b(?:no one|nobody|would anyone|would not|will not|would be|relieved|happier|better|care|notice|miss)\b",
        r"\b(?:jump|jumping|jumped|throw myself|throwing myself|leap|leaping|yeet myself|yeeting myself|launch myself|hurl myself) (?:off|from|in front of|onto|into) (?:a |the |my |this )?(?:\w+ )?(?:bridge|building|roof|rooftop|cliff|balcony|train|bus|car|tower|overpass|window|ledge|traffic|parking garage|tracks)\b",
        r"\bbridges?\b.{0,30}\b(?:taller|higher|high enough|tall enough|height|drop|fall from)\b|\b(?:height|how high|how tall) .{0,20}\b(?:bridge|building|cliff|roof)\b",
        r"\b(?:tallest|highest|high|tall) (?:bridges?|cliffs?|rooftops?|overpass\w*|parking (?:garage|structure)s?)\b",
        r"\b(?:tallest|highest) (?:buildings?|towers?|points?|roofs?) (?:near|around|close|in (?:my|this|our) (?:city|town|area)|nearby|i can (?:get|access))",
        r"\bbridges? (?:taller|higher) than\b|\bhow (?:high|far) (?:do|would|does|is) (?:i|you|a person|someone|it)? ?(?:need|have|need to|fall|to fall|jump)",
        r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|stashing|stashed|storing|keeping|kept|saving up) (?:up )?(?:all )?(?:of )?(?:my |the |some |enough )?(?:\w+ ){0,2}" + _PILLS,
        r"\b(?:how many|what amount of|how much) (?:\w+ ){0,2}(?:" + _PILL_WORDS + r"|mg|milligrams)\b.{0,40}\b(?:kill|fatal|lethal|die|overdose|dead|too many|enough|to not wake up|stop my heart)",
        r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b",
        r"\b(?:overdose|od) on\b|\b(?:going|want|plan|planning|thinking about) to overdose\b",
        r"\b(?:take|taking|swallow|swallowing) (?:all|every one|the whole (?:bottle|pack|box)) (?:of )?(?:my |the )?" + _PILLS,
        r"\bhang(?:ing)? myself\b|\bnoose\b|\b(?:bought|got|have|tied|buy|get) (?:a |the )?rope\b|\b(?:want|going|plan) to rope\b",
        r"\b(?:slit|slice|slash|cut open) my (?:wrists?|throat|veins)\b",
        r"\b(?:gun|pistol|barrel) (?:to|in|against) my (?:head|mouth|temple)\b|\bblow my (?:brains|head) out\b|\bshoot(?:ing)? myself\b",
        r"\b(?:step|walk|jump|throw myself|lie down) (?:out )?in front of (?:a |the )?(?:train|bus|car|truck|lorry|traffic)\b",
        r"\b(?:drive|drove|driving|crash|crashing|steer|steering|swerve|swerving) (?:my car |the car )?(?:off|into) (?:a |the )?(?:cliff|bridge|wall|tree|traffic|oncoming|river|lake|sea|pole|barrier|road|overpass|edge|lorry|truck)\b|\bcrash my car on purpose\b",
        r"\bdrown(?:ing)? myself\b|\bstarve myself to death\b|\bbleed out\b|\bpainless (?:way|ways|method|death)\b",
        r"\b(?:quickest|fastest|easiest|least painful|most painless|best|surest|simplest) (?:way|ways|method|methods) to (?:die|go|end it|end my life|kill|not wake up|end things)\b",
        r"\bhow (?:to|do you|do i|can i|would i) (?:tie a noose|die|end it|end my life|overdose|disappear forever|kill myself|not wake up)\b",
        r"\b(?:suicide|goodbye|farewell|last) (?:note|notes|letter|letters|message|messages|video|post|text|texts)\b|\b(?:wrote|writing|written|write|left|leaving) (?:goodbye )?(?:letters|notes) (?:to|for) (?:everyone|my family|my kids|my parents|my friends|my mum|my mom)\b",
        r"\b(?:giving|gave|give|given) away (?:all )?(?:of )?(?:my|my favourite|my favorite) (?:stuff|things|belongings|possessions|cat|dog|pets?)\b",
        r"\b(?:this is|consider this|this will be|this is my) (?:my )?(?:goodbye|final goodbye|last goodbye|last message|final message)\b|\bgoodbye (?:everyone|forever|world|cruel world)\b|\bsaid my goodbyes\b|\bsaying (?:my )?goodbyes?\b",
        r"\b(?:will not|may not|might not) be (?:here|around|alive) (?:much longer|tomorrow|next week|for long|by (?:morning|tomorrow|the weekend|monday)|anymore|to see)\b",
        r"\b(?:tonight|today) is (?:my last|the night|the day)\b|\bmy last (?:night|day|week) (?:alive|on earth|here)\b|\blast time (?:you|anyone) will (?:hear|see)\b",
        r"\b(?:put|putting|getting|get) (?:all )?my affairs in order\b|\bmade (?:my )?peace with (?:dying|death|ending)\b",
        r"\b(?:thinking|thought|think|thoughts|dreaming|fantasi[sz]ing|obsessing) (?:a lot |constantly |again )?(?:about|of) (?:suicide|killing myself|ending (?:it|my life|things|everything)|dying|my death|my own death|being dead|not being here|not existing|not waking up|disappearing forever|jumping|overdosing)\b",
        r"\b(?:everyone|everybody|my family|they|people) (?:would|will) (?:all |both )?(?:be )?(?:happier|relieved|better) (?:if|when) i (?:am|was|were|died|disappear|am gone)",
        r"\b(?:scared|afraid|worried|terrified) (?:that )?i (?:might|will|would|could|am going to) (?:do something|act on (?:it|them|these)|not be safe|not make it|hurt myself|kill|end)\b",
        r"\bdo something (?:stupid|drastic|permanent|i can not take back)\b",
        r"\b(?:do not|can not) trust myself\b|\bi am not safe\b|\b(?:do not|no longer) feel safe (?:with|around|from) myself\b",
        r"\b(?:see you|meet you) (?:on the other side|in the next life|in heaven)\b|\bjoin (?:him|her|them) (?:in heaven|on the other side|soon)\b",
        r"\bbe (?:with|reunited with) (?:him|her|them|my \w+) again\b.{0,40}\b(?:die|dying|dead|gone|heaven|join)|\bwant to join (?:him|her|them|my \w+)\b",
        r"\b(?:want|wanted|going|plan|planning|ready|trying) to (?:disappear|vanish) (?:forever|for good|permanently|and never come back)\b",
        r"\b(?:no longer|not) want to be (?:alive|around)\b|\bdone being alive\b",
        r"\b(?:friend|sister|brother|mom|mum|dad|son|daughter|partner|husband|wife|boyfriend|girlfriend|he|she|they|cousin|roommate) (?:wants|want|is going|is planning|planned|said (?:he|she|they) (?:wants|want|will|would|is going)|is threatening|threatened|keeps talking about|tried) to (?:kill|hurt|harm|end|cut) (?:himself|herself|themselves|his life|her life|their life)\b",
    ],
    SELF_HARM: [
        r"(?<!accidentally )\b(?:cut|cutting|cuts|burn|burning|burnt|burned|hurt|hurting|harm|harming|hit|hitting|punch|punching|scratch|scratching|scratched|starve|starving|punish|punishing|bruise|bruising|stab|stabbing|stabbed|carve|carving|carved|choke|choking|strangle|strangling) " + _SELF + r"\b(?! (?:on (?:the|a|my|some)|while|by accident|accidentally|cooking|shaving|ironing|at the gym|at work|playing|lifting|running|falling|in the kitchen|with (?:the|a) (?:kettle|iron|oven|pan|stove|tray)))",
        r"\bselfharm\w*\b|\bself (?:harm|injur\w*|mutilat\w*)\b",
        r"\b(?:going to|gonna|will|about to|want to|need to) (?:cut|sh|selfharm)(?: (?:again|tonight|today|later|soon|now|myself|deeper))?\s*$",
        r"\b(?:punch|punched|punching|hit|hitting|bang|banged|banging) (?:the |a )?walls?\b.{0,40}\b(?:deserve\w*|bleed\w*|broke|until)\b|\b(?:because|since|as) i deserved? (?:it|the pain|to hurt|to suffer)\b",
        r"\b(?:cutting|burning myself|hurting myself|selfharm\w*|sh|the pain|bleeding) (?:helps|is the only|makes me feel|calms|releases|relieves|gives me|is how i cope|is my way)\b",
        r"\b(?:relapsed?|relapsing|urges?|urge|craving|clean|cutting|do|did|doing|resisted|resist|fight|fighting|stop|quit|stopped) (?:on |from |for |with |into |to )?sh\b|\bsh (?:again|urges?|relapse|scars?|wounds?)\b",
        r"\b(?:urges?|temptation|tempted|itching|desperate|craving|want|wanting|need|needing) to (?:cut|sh|burn|bleed|hurt myself|harm myself|scratch myself|punish myself)\b(?! (?:down|back|out|off|ties|costs|carbs|sugar|the|my hair|hair|it|things|corners|class|school|people|loose|in|through|across|up|some|a|that|them|him|her|calories|spending|caffeine|alcohol|meat))",
        r"\b(?:urges?|cravings?) (?:to cut |to self ?harm )?(?:are|is|keep|have been|came|come|coming)? ?(?:back|returning|strong|stronger|worse|so bad)\b",
        r"\b(?:razor|blade|blades|sharpener|lighter|scissors|knife|glass) (?:to|on|against|into|across) my " + _BODY + r"\b",
        r"\b(?:cuts?|scars?|burns?|marks|wounds?|scratches) (?:on|all over|up and down|into) my " + _BODY + r"\b",
        r"\b(?:cut|carved|carving|burned|burnt|scratched|cutting|burning|scratching|slice|slicing|sliced|slash|slashing|slashed|slit) (?:open )?(?:my|into my) " + _BODY + r"\b(?! (?:on (?:the|a|some)|while|chopping|cooking|shaving|by accident|at work|playing|in the|opening|with (?:a|the) (?:knife|can|tin|glass)))(?<!accidentally)",
        r"\b(?:keep|kept|hide|hid|hidden|hiding|stash\w*|saving|bought) (?:a |my |some |the |new )?(?:razor |spare |sharpener )?(?:blades?|razors?)\b(?! for shaving)",
        r"\b(?:covered in|full of|lots of|fresh|new|deep) (?:cuts|scars|burns|wounds|scratches) (?:on|all over|from)\b|\b(?:my )?" + _BODY + r" (?:is|are) (?:covered in|full of) (?:cuts|scars|burns|wounds|scratches)\b",
        r"\b(?:make|made|making) myself (?:throw up|vomit|sick|bleed|purge)\b|\b(?:throw up|purge|purging) (?:after|every)\b",
        r"\b(?:deserve|need|want|wanted) to (?:hurt|feel pain|suffer|bleed|be punished|be hurt|feel something physical)\b",
        r"\b(?:hide|hiding|cover|covering|hid) (?:up )?(?:the |my |these )?(?:cuts|scars|marks|burns|bruises|wounds)\b",
        r"\b(?:been|started|start|keep|kept|back to|went back to|began) (?:cutting|burning myself|hurting myself|sh)\b(?! (?:back|down|out|off|carbs|sugar|the |my hair|hair|vegetables|onions|class|school|classes|corners|ties|costs|it|calories|weight|people|grass|wood|paper|fabric))",
        r"\bcut (?:again|deeper|too deep|so deep)\b|\bcutting again\b",
        r"\b(?:until|till) (?:it|i|they) (?:bleeds?|bled|bruise|bruises)\b|\bbang(?:ing)? my head (?:against|on|into) (?:the )?(?:wall|floor|door)(?:\s*$| until| till| so hard)",
        r"\b(?:stopped|stop|not|barely|refuse to|refusing to) eat(?:ing)? (?:to|so i can|until i) (?:punish|disappear|hurt|die)\b",
    ],
    HARM_TO_OTHERS: [
        r"^(?:going to|gonna|will|want to|about to|ready to) (?:kill|murder|stab|shoot|hurt|beat up|strangle|poison) " + _PERSON + r"\b",
        r"\b(?:going to|gonna|want to|will|plan to|about to) run (?:him|her|them|my \w+|that \w+) (?:over|down)\b",
        r"\b(?:i|i am|i will|i would|i have|i keep|i feel)\b[^.]{0,25}?\b(?:want\w*|going|plan\w*|urges?|thinking|thought|think|fantasi\w*|ready|tempted|feel like|will|intend\w*|about|imagining|imagine|decided|desire|need|might|may|scared|afraid|worried)(?: \w+){0,3}? (?:to |of |about )?(?P<act>kill|killing|murder|murdering|stab|stabbing|shoot|shooting|strangle|strangling|hurt|hurting|harm|harming|beat|beating|attack|attacking|poison|poisoning|choke|choking|smother|smothering|drown|drowning|punch|punching|hit|hitting|shake|shaking|run over|burn|burning|slap|slapping|kidnap|torture|torturing) (?:up )?" + _PERSON + r"\b",
        r"\bwant (?:him|her|them|my \w+|that \w+) dead\b",
        r"\bshoot (?:up )?(?:the |my |a )?(?:school|office|workplace|church|mosque|synagogue|mall|class|campus|concert|party)\b",
        r"\b(?:bring|bringing|take|taking|brought|took|carry|carrying) (?:(?:a|my|his|her|dads|mums|moms|the|loaded|a loaded) )*(?:gun|knife|weapon|rifle|bomb|pistol|shotgun|machete) to (?:school|work|class|the office|campus|his house|her house|their house)\b",
        r"\b(?:make|making) (?:them|him|her|everyone|all of them|those people) (?:all )?(?:pay|suffer|regret)\b(?! (?:for the|for dinner|for lunch|the bill))",
        r"\bi (?:just |have |still )?(?:have|got|bought|found|keep|took|stole) (?:(?:a|my|his|her|dads|mums|moms|the|my dads|loaded) )*(?:gun|knife|rifle|weapon|pistol)\b.{0,60}\b(?:him|her|them|he|she|they|lives|where|school|work|revenge|pay)\b",
        r"\b(?:i|i just|i have) (?:hurt|hit|shook|shaken|choked|strangled|stabbed|beat|beaten|kicked) (?:my |the )(?:baby|child|kid|kids|son|daughter|toddler|partner|wife|husband|girlfriend|boyfriend|mom|mum|dad)\b",
        r"\b(?:bought|got|buying|getting|have) (?:a |my )?(?:gun|knife|weapon|rifle|pistol|shotgun) to (?:deal with|sort out|take care of|get|teach|show|settle|use on|scare|threaten)\b",
        r"\b(?:urges?|thoughts|intrusive thoughts|fantasies) (?:to|of|about) (?:kill|hurt|harm|stab|shoot|drown|smother|shake|killing|hurting|harming|stabbing|shooting|drowning|smothering) (?:someone|people|my|him|her|them|the baby|others|a child)\b",
        r"\b(?:school|mass) shooting\b.{0,40}\b(?:i|my)\b(?:.{0,20})\b(?:plan|want|going|will)\b|\b(?:kill|shoot) (?:them )?all\b",
        r"\brevenge\b.{0,40}\b(?:kill|hurt|stab|shoot|pay|suffer)\b|\b(?:kill|hurt|stab|shoot|pay|suffer)\b.{0,40}\brevenge\b",
    ],
    ABUSE: [
        _ABUSER + r" (?:\w+ )?(?:hits|hit(?! me up| it off| the)|beats|beat|punches|punched|kicks|kicked|chokes|choked|slaps|slapped|strangles|strangled|burns|burned|rapes|raped|molests|molested|abuses|abused|assaults|assaulted|attacks|attacked|shoves|shoved|pushes|pushed|throws things at|threw things at|spits on|spat on|bit|bites|drags|dragged|grabbed|grabs|drugged|drugs|ties|tied|locks|locked|starves|starved|gropes|groped|whips|whipped|beats up|beat up) (?:me|us|my (?:mom|mum|sister|brother|kids?|son|daughter))\b",
        _ABUSER + r"(?: \w+){0,8}? (?:touches|touched|touching|undresses|undressed|made me touch|makes me touch|films|filmed|watches) me\b(?! (?:deeply|so much|emotionally))",
        _ABUSER + r" (?:\w+ )?(?:hurts|hurt|hurting) me\b.{0,40}\b(?:physically|bruise|bruises|marks|blood|bleed|when (?:he|she|they) (?:drink|drinks|is drunk|gets drunk|gets angry|gets mad)|every (?:night|day|time|week)|again|sexually)",
        _ABUSER + r" (?:\w+ )?(?:threatens|threatened|keeps threatening|has threatened|says (?:he|she|they) will|said (?:he|she|they) would|said (?:he|she|they) is going to) (?:to )?(?:kill|hurt|hit|beat|stab|shoot|take the kids|burn|rape) (?:me|us|my)\b",
        r"\bkill me if i (?:leave|tell|go|call|report|speak)\b",
        _ABUSER + r"(?: \w+){0,3}? (?:threw|throws|throwing) (?:a |the |his |her |their )?\w+ at (?:me|us)\b",
        r"\b(?:forced|forcing|made) (?:me )?to work\b|\b(?:took|taken|keep|kept|hold|holds|holding|confiscated) (?:my|our) (?:passport|id|documents)\b",
        _ABUSER + r" (?:\w+ )?(?:hurts|keeps hurting|is hurting) me\b(?! (?:with (?:his|her|their) words|feelings|emotionally|when (?:he|she|they) (?:says|ignores)))",
        r"\babusive (?:relationship|partner|husband|wife|boyfriend|girlfriend|marriage|home|household|parents?|dad|father|mom|mum|mother|stepdad|ex)\b|" + _ABUSER + r" (?:is|gets|can be|has been) (?:violent|abusive|physical with me)\b",
        _ABUSER + r" controls (?:everything|where|who|what|when) (?:i|i do)\b",
        r"\b(?:i was|i have been|i got|i am being|i was being|been|got) (?:\w+ )?(?:raped|sexually assaulted|sexually abused|molested|assaulted|abused|beaten up|beaten by|attacked by|groped|trafficked|strangled|drugged|stalked|battered|spiked)\b",
        r"\b(?:rape|raped|sexual assault|sexual abuse|sexually abused|molestation|molested|domestic violence|domestic abuse|incest|trafficking|being trafficked)\b",
        r"\b(?:afraid|scared|terrified|frightened) (?:of|to go|to be|to leave|to tell) (?:home|going home|what (?:he|she|they) (?:will|would|might) do|(?:him|her|them) (?:hurting|hitting|coming)|my (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|stepmother|uncle|ex|parents?|brother|carer))\b(?! (?:will be disappointed|finding out|leaving me|worrying))",
        r"\b(?:will not|does not|do not|never) let me (?:leave|go out|see my friends|see my family|have my phone|have money|have my own money|eat|sleep|call|talk to anyone)\b",
        r"\b(?:forced|forces|forcing|made|makes|pressured|pressures|pressuring) me (?:to |into )?(?:have sex|do sexual|sex|sleep with|touch|send (?:nudes|pictures)|watch porn|perform)\b",
        r"\b(?:bruises|a black eye|black eyes|marks|broken (?:rib|arm|nose)|split lip) (?:from|because of|after|that) (?:him|her|them|my \w+|he|she|they)\b|\b(?:he|she|they) (?:left|gave) me (?:bruises|a black eye|marks)\b",
        r"\b(?:do not|no longer) feel safe (?:at home|in my (?:own )?home|in my house|with (?:him|her|them|my \w+)|around (?:him|her|them|my \w+))\b|\bnot safe (?:at home|in my home|with (?:him|her|them|my \w+))\b",
        r"\b(?:takes|took|controls|control|checks|tracks|monitors) (?:all )?(?:of )?my (?:money|phone|passport|bank card|wages|location)\b.{0,40}\b(?:not let|will not|does not let|scared|afraid|hit|hurt)",
    ],
    MEDICAL_EMERGENCY: [
        r"\b(?:took|taken|swallowed|had|downed|necked|ate|just took|i took) (?:like |about |maybe |almost |over |around |at least )?(?:a lot of|lots of|a bunch of|a handful of|handfuls of|too many|too much(?: of)?|all (?:of )?(?:my|the)|the whole|a whole|an entire|the entire|a full|a bottle of|a box of|a pack of|half a bottle of|[1-9]\d+|\d+ (?:bottles|packs|boxes|packets|strips) of|twenty|thirty|forty|fifty|sixty|hundred|dozens of|loads of|way too many)\b[^.]{0,45}?" + _PILLS,
        r"\b(?:overdosed|overdosing|have overdosed|i overdose|(?:took|taken|having|had) an overdose)\b",
        r"\b(?:can not|could not|struggling to|hard to|can barely|can hardly|unable to) breathe\b",
        r"\b(?:chest (?:pain|pains|is tight|feels tight|is crushing|feels crushing|hurts)|pain in my chest)\b.{0,60}\b(?:arm|jaw|sweat\w*|breath\w*|heart attack|collaps\w*|faint\w*|dizzy|numb)\b|\bhaving a heart attack\b",
        r"\b(?:will not|would not|does not|is not|can not|could not) stop bleeding\b|\b(?:bleeding|blood) (?:a lot|heavily|everywhere|badly|so much|will not stop|is not stopping|that will not stop|through the)\b|\b(?:can not|could not) stop (?:the )?bleeding\b|\bbleeding out\b|\blost a lot of blood\b|\bcut (?:is |was )?(?:too|really|very|so) deep\b",
        r"\b(?:having|had|is having) (?:a )?(?:seizure|stroke|fit|convulsions)\b|\b(?:face|mouth) (?:is )?drooping\b|\bslurred speech\b",
        r"\b(?:is not|not|stopped) (?:responding|moving)\b|\bcollapsed\b.{0,30}\b(?:not|will not|can not|unresponsive|hit (?:her|his|my) head|blood)\b|\b(?:not breathing|stopped breathing|will not wake up|unresponsive|unconscious|passed out and (?:will not|can not|is not)|turning blue|lips are blue)\b",
        r"\b(?:drank|drunk|swallowed|ate|drinking) (?:some |a bottle of |the )?(?:bleach|antifreeze|poison|rat poison|weed killer|drain cleaner|batteries|battery|detergent|pesticide)\b|\bpoisoned myself\b",
        r"\b(?:severe|bad|serious) allergic reaction\b|\banaphyla\w*\b|\bthroat (?:is )?(?:closing|swelling)\b",
        r"\b(?:mixed|mixing|took|taking|drank) (?:\w+ ){0,3}(?:alcohol|drinks|vodka|wine|beer|booze) (?:and|with) (?:my )?(?:\w+ )?" + _PILLS + r"|" + _PILLS + r" (?:and|with) (?:a (?:bottle|lot) of )?(?:alcohol|vodka|wine|booze)\b",
        r"\b(?:vodka|alcohol|wine|beer|booze|whiskey|whisky|gin|rum|drinks|drunk)\b.{0,30}\b(?:took|taken|swallowed|popped) (?:\w+ )?(?:my |all my |some |a lot of |loads of )?" + _PILLS + r"|\b(?:took|taken|swallowed|popped) (?:\w+ )?(?:my |all my |some |a lot of )?" + _PILLS + r"\b.{0,30}\b(?:vodka|alcohol|wine|beer|booze|whiskey|whisky|gin|rum|drinking)\b",
        r"\b(?:vodka|alcohol|wine|beer|booze|whiskey|whisky|gin|rum|drinks)\b.{0,40}\b(?:handful|handfuls|bunch|lot|load|loads|whole|bottle|box|pack|too many|[1-9]\d+)(?: of)? (?:\w+ )?" + _PILLS,
        r"\bcall(?:ing)? (?:an )?(?:ambulance|911|999|112|000)\b|\bneed (?:an )?ambulance\b",
    ],
}

# Despair phrased so generally that everyday life says it too ("I can't do this anymore",
# "I'm done with everything", "I want out"). They flag unless the message ties them to
# something mundane (a course, a job, the weather): see `classifier._MUNDANE`.
_RAW_AMBIGUOUS = {
    SUICIDAL_IDEATION: [
        r"\bshould not be (?:living|alive|here|around)(?: anymore| any longer)?\s*$|\bshould not be (?:living|alive)\b",
        r"\bwant (?:it|this|everything|it all) to be over\s*$|\b(?:can not|do not|can no longer) see (?:a|any) future(?: for (?:myself|me))?\s*$",
        r"\b(?:i am going to|i will|gonna|going to) do it (?:tonight|this weekend|tomorrow|soon|today|this week|now)\b",
        r"\b(?:i am|i feel like|feel like|i have become|i will always be|being|tired of being|sick of being) (?:such |just |nothing but |only )?a (?:burden|waste of space|waste of oxygen|mistake that should not exist)\b",
        r"\b(?:no way out|no escape|no other way out)(?: for me| of this| anymore| now)?\s*$",
        r"\bwant (?:everything|it all|all of this|all of it|this all|the world) to (?:stop|end|go away)\s*$",
        r"\bcan not (?:go on|keep going|carry on|do this|do it|take (?:it|this|the pain)|handle (?:it|this|life)|live like this|cope|keep doing this|be here|bear it)(?: (?:shit|crap|pain|feeling|life|world|alone|on my own|by myself|any|like this|like that))? (?:anymore|any longer|much longer)\b",
        r"\bcan not (?:go on|keep going|carry on|live like this|do life)\s*$",
        r"\b(?:gone|better) (?:for good|forever)\s*$|\bi (?:want|need) (?:out|it to be over)\s*$",
        r"\bend(?:ing)? (?:it all|it|things|everything|this|my suffering)(?: all)?(?: (?:tonight|today|now|soon|for good|forever|once and for all|right now))?\s*$",
        r"\bwant to (?:just )?(?:disappear|vanish)\s*$",
        r"\bready to go\s*$",
        r"\b(?:done with|over) (?:it all|everything)\s*$|\bdone with (?:it all|everything)\b(?! (?:at|for|today))",
        r"\bready to catch the bus\s*$",
        r"\bwant out(?: of (?:this|my|the) ?(?:life|world|existence|everything)?)?\s*$|\bwant out of (?:this|my|the) (?:life|world|existence)\b",
    ],
}

PATTERNS = {cat: [re.compile(p) for p in pats] for cat, pats in _RAW_PATTERNS.items()}
AMBIGUOUS_PATTERNS = {cat: [re.compile(p) for p in pats] for cat, pats in _RAW_AMBIGUOUS.items()}
