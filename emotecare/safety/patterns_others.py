"""Patterns for harm to others, abuse of the writer, and medical emergencies.

Same conventions as `patterns_suicide.py`: normalised text, the risky phrase only.
"""
from __future__ import annotations

from emotecare.safety.fragments import ABUSER, PERSON, PILL_WORDS, PILLS

HARM_TO_OTHERS_PATTERNS = [
        r"\b(?:come back|coming back|show up|turn up|go back|going back|bring) (?:there |to (?:work|school|the office|class) )?with (?:a |my |his |dads )?(?:gun|knife|weapon|rifle|bomb|shotgun)\b",
        r"\buntil (?:he|she|they) (?:stops?|stop) breathing\b|\buntil (?:he|she|they) (?:is|are) dead\b|\buntil (?:he|she|they) dies?\b",
        r"\bi\b.{0,40}\b(?:he|she|they|him|her|them) (?:will not|would not|is not going to|are not going to|won't) (?:survive|live through|walk away from|wake up from)\b",
        r"^(?:going to|gonna|will|want to|about to|ready to) (?:kill|murder|stab|shoot|hurt|beat up|strangle|poison) " + PERSON + r"\b",
        r"\b(?:going to|gonna|want to|will|plan to|about to) run (?:him|her|them|my \w+|that \w+) (?:over|down)\b",
        r"\b(?:i|i am|i will|i would|i have|i keep|i feel)\b[^.]{0,25}?\b(?:want\w*|going|plan\w*|urges?|thinking|thought|think|fantasi\w*|ready|tempted|feel like|will|intend\w*|about|imagining|imagine|decided|desire|need|might|may|scared|afraid|worried|could)(?: \w+){0,3}? (?:to |of |about )?(?P<act>kill|killing|murder|murdering|stab|stabbing|shoot|shooting|strangle|strangling|hurt|hurting|harm|harming|beat|beating|attack|attacking|poison|poisoning|choke|choking|smother|smothering|drown|drowning|punch|punching|hit|hitting|shake|shaking|run over|burn|burning|slap|slapping|kidnap|torture|torturing) (?:up )?" + PERSON + r"\b",
        r"\bwant (?:him|her|them|my \w+|that \w+) dead\b",
        r"\bset (?:his|her|their|the|that|my \w+s?) (?:\w+ )?(?:house|car|flat|home|school|office|apartment|shop) on fire\b|\bburn (?:his|her|their|the) (?:house|car|home|flat|school) down\b",
        r"\bshoot (?:up )?(?:the |my |a )?(?:school|office|workplace|church|mosque|synagogue|mall|class|campus|concert|party)\b",
        r"\b(?:bring|bringing|take|taking|brought|took|carry|carrying) (?:(?:a|my|his|her|dads|mums|moms|the|loaded|a loaded|\w+s) )*(?:gun|knife|weapon|rifle|bomb|pistol|shotgun|machete) to (?:school|work|class|the office|campus|his house|her house|their house)\b",
        r"\b(?:make|making) (?:him|her|them|my \w+|that \w+) (?:bleed|hurt|scream in pain|beg)\b",
        r"\bknow where (?:he|she|they|my \w+) keeps? (?:his|her|their|the) (?:gun|rifle|pistol|knife|weapon|shotgun)\b",
        r"\b(?:make|making) (?:them|him|her|everyone|all of them|those people|my \w+|that \w+) (?:all )?(?:pay|suffer|regret)\b(?! (?:for the|for dinner|for lunch|the bill))",
        r"\bi (?:just |have |still )?(?:have|got|bought|found|keep|took|stole) (?:(?:a|my|his|her|dads|mums|moms|the|my dads|loaded) )*(?:gun|knife|rifle|weapon|pistol)\b.{0,60}\b(?:him|her|them|he|she|they|lives|where|school|work|revenge|pay)\b",
        r"\b(?:i|i just|i have) (?:hurt|hit|shook|shaken|choked|strangled|stabbed|beat|beaten|kicked) (?:my |the )(?:baby|child|kid|kids|son|daughter|toddler|partner|wife|husband|girlfriend|boyfriend|mom|mum|dad)\b",
        r"\b(?:bought|got|buying|getting|have) (?:a |my )?(?:gun|knife|weapon|rifle|pistol|shotgun) to (?:deal with|sort out|take care of|get|teach|show|settle|use on|scare|threaten)\b",
        r"\b(?:thoughts?|urges?|images?|fantasies|fantasi[sz]e|imagine|imagining|picture|picturing) (?:of |about )?(?:\w+ ){0,2}(?:putting|holding|pushing|throwing|dropping|drowning|smothering|shaking|hurting|harming|killing|suffocating|stabbing|strangling|poisoning)\b.{0,40}\b(?:baby|babys|child|kid|son|daughter|newborn|infant|toddler|wife|husband|partner|mum|mom|dad|someone|people|him|her)\b",
        r"\b(?:urges?|thoughts|intrusive thoughts|fantasies) (?:to|of|about) (?:kill|hurt|harm|stab|shoot|drown|smother|shake|killing|hurting|harming|stabbing|shooting|drowning|smothering) (?:someone|people|my|him|her|them|the baby|others|a child)\b",
        r"\b(?:school|mass) shooting\b.{0,40}\b(?:i|my)\b(?:.{0,20})\b(?:plan|want|going|will)\b|\b(?:kill|shoot) (?:them )?all\b",
        r"\brevenge\b.{0,40}\b(?:kill|hurt|stab|shoot|pay|suffer)\b|\b(?:kill|hurt|stab|shoot|pay|suffer)\b.{0,40}\brevenge\b",
        # fire or poison aimed at a person (branch safety3)
        r"\b(?:set fire to|set light to|burn down|torch|petrol through) (?:\w+ ){0,3}(?:flat|house|home|car|room|door|letterbox)\b.{0,30}\b(?:while|with) (?:he|she|they|him|her|them)(?: is| are)?(?: still)? (?:in|inside|asleep|in it|in there)\b",
        # round 41 families: a vehicle driven at people; a blunt tool bought or taken to a named
        # person; "break his head" said as what the writer will do
        r"\b(?:drive|driving|drove|plough|ploughing|plow|plowing|ram|ramming|mount|mounting) (?:the |my |a |our |this )?(?:car|van|truck|lorry|4x4|jeep|bus) (?:into|through|at) (?:the |a |that )?(?:crowd|people|pedestrians|queue|school gates?|playground|market|protesters|kids)\b",
        r"\b(?:bought|got|have|took|taken|sharpened|found|fetched|grabbed) (?:a |my |the |dads |his |an )?(?:crowbar|hammer|baseball bat|bat|machete|axe|hatchet|knife|gun|tyre iron|wrench)\b.{0,80}\b(?:going to pay for|pay for what|(?:his|her|their) address|where (?:he|she|they) lives?)\b|\b(?:got|have|found|know) (?:his|her|their) address\b.{0,60}\b(?:bought|got|have|sharpened) (?:a |my |the )?(?:crowbar|hammer|baseball bat|bat|machete|axe|hatchet|knife|gun)\b",
        r"\bi (?:will|am going to|am gonna|gonna|am about to) (?:go (?:round |over |there )?(?:with (?:a |my |the )?(?:hammer|bat|crowbar|knife|axe|machete) )?and )?(?:break|smash|bash|cave|crack|kick) (?:his|her|their|that \w+s?) (?:\w+ )?(?:head|skull|face|neck|legs|teeth)(?: in)?\b",
        r"\b(?:put|putting|slip|slipping|add|adding|mix|mixing) (?:\w+ ){0,2}(?:rat poison|poison|antifreeze|bleach|weed ?killer)\b.{0,10}\b(?:in|into) (?:his|her|their|my \w+'?s?|the \w+'?s?) (?:\w+ )?(?:coffee|tea|food|drink|dinner|water|meal|lunch)\b",
]

ABUSE_PATTERNS = [
        ABUSER + r"(?: \w+){0,2}? (?:makes|made|forces|forced|pressures|pressured|gets|got) me (?:to )?(?:send|sending) (?:him|her|them) (?:\w+ )?(?:photos|pictures|pics|nudes|videos)\b",
        r"\b(?:drink|drinks) (?:was|were|got|has been|had been) spiked\b|\b(?:someone|somebody|he|they) spiked my (?:drink|drinks)\b",
        r"\b(?:takes|took|keeps|controls) (?:all )?(?:of )?my (?:wages|salary|pension|benefits|bank card)\b",
        ABUSER + r"(?: \w+){0,2}? controls (?:everything|my life|my every move|all my|who i see|what i wear|my money)\b(?! (?:at|in) (?:work|the office|the company|the team|the project|meetings))",
        ABUSER + r"(?: \w+){0,3}? (?:comes|coming|came|gets|getting|got|climbs|climbing|crawls) (?:into|in) (?:my bed|bed with me|my bedroom at night|my room at night)\b",
        r"\bforced (?:himself|herself|themselves) (?:on|upon|onto) me\b",
        ABUSER + r"(?: \w+){0,3}? (?:gets|is|was|has been|can be|got) (?:really |so |very )?(?:rough|violent|aggressive|physical) with me\b",
        r"\b(?:watches|monitors|checks|tracks|controls) (?:everything|every move|all) (?:i do|i say|i make)\b|\b(?:checks|reads|goes through|tracks) my (?:phone|messages|location) (?:all the time|every day|constantly)\b",
        r"\b(?:i was|i got|i have been|i am being|been) (?:\w+ )?(?:attacked|mugged|assaulted|jumped|stabbed|robbed at knifepoint|grabbed|beaten)\b(?! by (?:a|the|some) (?:goose|geese|dog|cat|seagull|bird|swan|wasp|bee|mosquito|cow|horse|squirrel|team|score)| (?:at|in) (?:chess|cards|the game|tennis|football))",
        r"\b(?:scared|afraid|terrified|worried|frightened) (?:that )?(?:my \w+|he|she|they) (?:will|might|is going to|would|could) (?:kill|hurt|hit|beat|rape|strangle|choke) me\b(?! (?:when|if i|for|after))",
        ABUSER + r"(?: \w+){0,6}? (?:abusing|molesting|assaulting|raping|tortures|torturing|tortured|harasses|harassing|harassed|hits|hit(?! me up| it off| the)|hitting|beating|punching|kicking|choking|strangling|slapping|attacking|beats|beat|punches|punched|kicks|kicked|chokes|choked|slaps|slapped|strangles|strangled|burns|burned|rapes|raped|molests|molested|abuses|abused|assaults|assaulted|attacks|attacked|shoves|shoved|pushes|pushed|throws things at|threw things at|spits on|spat on|bit|bites|drags|dragged|grabbed|grabs|drugged|drugs|ties|tied|locks|locked|starves|starved|gropes|groped|whips|whipped|beats up|beat up) (?:me|us|my (?:mom|mum|sister|brother|kids?|son|daughter))\b(?! (?:at|in) (?:chess|cards|games?|\w*ball|tennis|running|races?|arguments?|everything|maths?|scrabble|pool|darts)| with (?:a |the )?(?:pillow|balloon|snowball|joke|question|news|text|message|nerf|water)| to (?:it|the))",
        ABUSER + r"(?: \w+){0,8}? (?:touches|touched|touching|undresses|undressed|made me touch|makes me touch|films|filmed|watches) me\b(?! (?:deeply|so much|emotionally))",
        ABUSER + r" (?:\w+ )?(?:hurts|hurt|hurting) me\b.{0,40}\b(?:physically|bruise|bruises|marks|blood|bleed|when (?:he|she|they) (?:drink|drinks|is drunk|gets drunk|gets angry|gets mad)|every (?:night|day|time|week)|again|sexually)",
        ABUSER + r" (?:\w+ )?(?:threatens|threatened|keeps threatening|has threatened|says (?:he|she|they) will|said (?:he|she|they) would|said (?:he|she|they) is going to) (?:to )?(?:kill|hurt|hit|beat|stab|shoot|take the kids|burn|rape) (?:me|us|my)\b",
        r"\bkill me if i (?:leave|tell|go|call|report|speak)\b",
        ABUSER + r"(?: \w+){0,2}? (?:burns|burned|burnt|hits|hit|beats|beat|cuts|cut|whips|whipped|kicks|kicked|punches|punched|scalds|scalded|twists|twisted|breaks|broke) my (?:hands?|arms?|legs?|back|face|head|fingers?|skin|body)\b(?!.{0,30}\b(?:by accident|accidentally|playing|in (?:a|the) (?:game|match)))",
        r"\b(?:makes|made|forces|forced|pressures|pressured|gets|got) me (?:to )?do (?:things|stuff|something|sexual things|sex stuff)\b.{0,40}\b(?:do not want|alone|secret|not to tell|uncomfortable|touch)\b",
        r"\bthreat\w* (?:me|us|my \w+) with (?:a |his |her |their )?(?:knife|gun|weapon|belt|bat|hammer|violence|death|a beating)\b",
        ABUSER + r"(?: \w+){0,2}? (?:takes|took|steals|stole|keeps|controls|uses) (?:all )?(?:of )?my (?:pension|money|benefits|savings|wages|bank card|salary)\b",
        r"\b(?:says|said|told me|tells me|keeps saying|texted|messaged) (?:that )?(?:he|she|they) (?:will|would|is going to|was going to|is gonna) (?:kill|hurt|hit|beat|stab|shoot|rape|find) me\b(?! (?:if i (?:am late|fail|forget|do not (?:clean|finish|call))|for (?:being|eating|breaking|forgetting|losing)|when (?:she|he|they) (?:sees|finds out|get home)))",
        ABUSER + r"(?: \w+){0,2}? (?:is |keeps |has been |been |was )?(?:stalking|harassing|following|tracking) me\b(?! (?:on (?:instagram|twitter|tiktok|social)|around the house))",
        ABUSER + r"(?: \w+){0,3}? (?:threw|throws|throwing) (?:a |the |his |her |their )?\w+ at (?:me|us)\b",
        r"\b(?:forced|forcing|made) (?:me )?to work\b|\b(?:took|taken|keep|kept|hold|holds|holding|confiscated) (?:my|our) (?:passport|id|documents)\b",
        ABUSER + r" (?:\w+ )?(?:hurts|keeps hurting|is hurting) me\b(?! (?:with (?:his|her|their) words|feelings|emotionally|when (?:he|she|they) (?:says|ignores)))",
        r"\babusive (?:relationship|partner|husband|wife|boyfriend|girlfriend|marriage|home|household|parents?|dad|father|mom|mum|mother|stepdad|ex)\b|" + ABUSER + r" (?:is|gets|can be|has been) (?:violent|abusive|physical with me)\b",
        ABUSER + r" controls (?:everything|where|who|what|when) (?:i|i do)\b",
        r"\b(?:i was|i have been|i got|i am being|i was being|been|got) (?:\w+ )?(?:raped|sexually assaulted|sexually abused|molested|assaulted|abused|beaten up|beaten by|attacked by(?! (?:a|the|some) (?:goose|geese|dog|cat|seagull|bird|swan|wasp|bee|mosquito|cow|horse|squirrel))|groped|trafficked|strangled|drugged|stalked|battered|spiked)\b",
        r"\b(?:rape|raped|sexual assault|sexual abuse|sexually abused|molestation|molested|domestic violence|domestic abuse|incest|trafficking|being trafficked)\b",
        r"\b(?:afraid|scared|terrified|frightened) (?:of|to go|to be|to leave|to tell) (?:home|going home|what (?:he|she|they) (?:will|would|might) do|(?:him|her|them) (?:hurting|hitting|coming)|my (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|stepmother|uncle|ex|parents?|brother|carer))\b(?! (?:will be disappointed|finding out|leaving me|worrying))",
        r"\b(?:will not|does not|do not|never) let me (?:leave|go out|go to work|see my friends|see my family|have my phone|have (?:any |my own )?money|eat|sleep|call|talk to anyone|work|drive|study)\b",
        r"\b(?:forced|forces|forcing|made|makes|pressured|pressures|pressuring) me (?:to |into )?(?:have sex|do sexual|sex|sleep with|touch|send (?:nudes|pictures)|watch porn|perform)\b",
        r"\b(?:bruises|a black eye|black eyes|marks|broken (?:rib|arm|nose)|split lip) (?:from|because of|after|that) (?:him|her|them|my \w+|he|she|they)\b|\b(?:he|she|they) (?:left|gave) me (?:bruises|a black eye|marks)\b",
        r"\b(?:do not|no longer) feel safe (?:at home|in my (?:own )?home|in my house|with (?:him|her|them|my \w+)|around (?:him|her|them|my \w+))\b|\bnot safe (?:at home|in my home|with (?:him|her|them|my \w+))\b",
        r"\b(?:takes|took|controls|control|checks|tracks|monitors) (?:all )?(?:of )?my (?:money|phone|passport|bank card|wages|location)\b.{0,40}\b(?:not let|will not|does not let|scared|afraid|hit|hurt)",
        # an adult who sends the writer pictures and asks for some back (round 41)
        ABUSER + r"(?: \w+){0,4}? (?:sending|sends|sent|showing|shows|showed) me (?:\w+ )?(?:pictures|photos|pics|videos|nudes)\b.{0,40}\b(?:asking|asks|asked|wants|wanted|makes|made|tells|told) me (?:to )?(?:send|sending)\b",
]

MEDICAL_EMERGENCY_PATTERNS = [
        r"\b(?:took|taken|after taking|since taking|swallowed|had|downed|necked|ate|consumed|ingested|popped|just took|i took) (?:like |about |maybe |almost |over |around |at least )?(?:a lot of|lots of|a load of|loads of|heaps of|a ton of|tons of|so many|a heap of|a bunch of|a handful of|handfuls of|too many|too much(?: of)?|all (?:of )?(?:my|the)|the whole|a whole|an entire|the entire|a full|a bottle of|a box of|a pack of|half a bottle of|[1-9]\d+(?! ?(?:mg|mcg|ml|g|milligrams?|micrograms?)\b)|\d+ (?:bottles|packs|boxes|packets|strips) of|twenty|thirty|forty|fifty|sixty|hundred|dozens of|loads of|way too many)\b[^.]{0,45}?" + PILLS,
        r"\b(?:overdosed|overdosing|have overdosed|i overdose|(?:took|taken|having|had) an overdose)\b",
        r"\b(?:can not|could not|struggling to|hard to|can barely|can hardly|unable to) breathe\b",
        r"\b(?:chest (?:pain|pains|is tight|feels tight|is crushing|feels crushing|hurts)|pain in my chest)\b.{0,60}\b(?:arm|jaw|sweat\w*|breath\w*|heart attack|collaps\w*|faint\w*|dizzy|numb)\b|\bhaving a heart attack\b",
        r"\b(?:will not|would not|does not|is not|can not|could not) stop bleeding\b|\b(?:bleeding|blood) (?:a lot|heavily|everywhere|badly|so much|will not stop|is not stopping|that will not stop|through the)\b|\b(?:can not|could not) stop (?:the )?bleeding\b|\bbleeding out\b|\b(?:pumping|spurting|pouring|gushing) (?:out )?blood\b|\bblood (?:is )?(?:pumping|spurting|pouring|gushing)\b|\blost a lot of blood\b|\bcut (?:is |was )?(?:too|really|very|so) deep\b",
        r"\b(?:having|had|is having) (?:a )?(?:seizure|stroke|fit|convulsions)\b|\b(?:face|mouth|smile) (?:is |has |just )?(?:drooping|gone droopy|went droopy|droopy|dropped|drooped|lopsided)\b|\bslurred speech\b",
        r"\b(?:is not|not|stopped|will not|can not be) (?:responding|moving|respond|woken|wake up|waking up)\b|\bcollapsed\b.{0,30}\b(?:not|will not|can not|unresponsive|hit (?:her|his|my) head|blood)\b|\b(?:not breathing|stopped breathing|will not wake up|unresponsive|unconscious|passed out and (?:will not|can not|is not)|turning blue|lips are blue)\b",
        r"\b(?:drank|drunk|swallowed|ate|drinking) (?:some |a bottle of |the )?(?:bleach|antifreeze|poison|rat poison|weed killer|drain cleaner|batteries|battery|detergent|pesticide)\b|\bpoisoned myself\b",
        r"\b(?:severe|bad|serious) allergic reaction\b|\banaphyla\w*\b|\bthroat (?:is )?(?:closing|swelling)\b",
        r"\b(?:mixed|mixing|took|taking|drank) (?:\w+ ){0,3}(?:alcohol|drinks|vodka|wine|beer|booze) (?:and|with) (?:my )?(?:\w+ )?" + PILLS + r"|" + PILLS + r" (?:and|with) (?:a (?:bottle|lot) of )?(?:alcohol|vodka|wine|booze)\b",
        r"\b(?:vodka|alcohol|wine|beer|booze|whiskey|whisky|gin|rum|drinks|drunk)\b.{0,30}\b(?:took|taken|swallowed|popped) (?:\w+ )?(?:my |all my |some |a lot of |loads of )?" + PILLS + r"|\b(?:took|taken|swallowed|popped) (?:\w+ )?(?:my |all my |some |a lot of )?" + PILLS + r"\b.{0,30}\b(?:vodka|alcohol|wine|beer|booze|whiskey|whisky|gin|rum|drinking)\b",
        r"\b(?:vodka|alcohol|wine|beer|booze|whiskey|whisky|gin|rum|drinks)\b.{0,40}\b(?:handful|handfuls|bunch|lot|load|loads|whole|bottle|box|pack|too many|[1-9]\d+)(?: of)? (?:\w+ )?" + PILLS,
        r"\b(?:vomiting|throwing up|coughing up|coughed up|vomited|threw up|puking) (?:up )?blood\b|\bblood in my (?:vomit|stool|urine)\b",
        r"\b(?:took|taken|had|injected|gave myself) (?:double|twice|triple|three times|too much|extra|way too much)(?: of)? (?:my |the )?(?:\w+ )?(?:insulin|dose|doses|medication|meds|" + PILL_WORDS[3:] + r"\b",
        r"\basthma attack\b.{0,40}\b(?:not working|can not|will not|getting worse|bad|severe)\b|\binhaler (?:is not|not|does not|is n) ?(?:working|help\w*)\b",
        r"\bbleeding\b.{0,20}\b(?:will not|would not|does not|is not|can not|won't|isn't) stop\b",
        r"\b(?:speech is slurred|slurring (?:my |his |her )?words|can not (?:speak|talk) properly|can not move (?:my |the )?(?:arm|leg|left side|right side|face))\b",
        r"\b(?:sugar|blood sugar|glucose|bg|sugars) (?:is |are |level is )?(?:really |very |dangerously |so )?(?:low|high)\b.{0,40}\b(?:pass out|faint|shaking|confused|dizzy|sweating)|\b(?:pass out|faint|passing out)\b.{0,40}\b(?:sugar|glucose|sugars) (?:is |are )?(?:really |very |so )?(?:low|high)\b",
        r"\b(?:sugar|blood sugar|glucose|sugars) (?:is|are|level is) (?:really|very|dangerously|so|super) low\b|\bhaving a (?:bad )?hypo\b",
        r"\b(?:son|daughter|child|kid|baby|toddler|boy|girl|grandson|granddaughter|little (?:brother|sister|one)|\d+ (?:year|yr|month) old)\b.{0,20}\b(?:swallowed|ate|drank|took|got into|has eaten|has drunk|has swallowed)\b.{0,25}\b(?:pills|tablets|medicine|medication|bleach|detergent|batteries|battery|poison|capsules|button battery|cleaning|cleaner|dishwasher|washing (?:up )?liquid|tide pods?|pods?|lamp oil|paraffin|kerosene|petrol|antifreeze|magnets?|rat poison|weed ?killer|drain|lighter fluid|" + PILL_WORDS[3:] + r"\b",
        r"\b(?:can not|could not|unable to) (?:rouse|wake|wake up|get a response from) (?:him|her|them|my \w+)\b|\bslumped\b.{0,40}\b(?:not|will not|can not|unresponsive|rouse)\b",
        r"\bcall(?:ing)? (?:an )?(?:ambulance|911|999|112|000)\b|\bneed (?:an )?ambulance\b",
        # a very ill baby as parents describe it: floppy, will not wake or feed, a rash that will not fade
        r"\b(?:baby|newborn|infant)\b.{0,40}\b(?:is |has gone |went )?(?:floppy|limp)\b(?!.{0,30}\b(?:lol|haha|relaxed|asleep|sleepy)\b)|\b(?:purple|dark) rash\b|\brash (?:that )?(?:will not|does not|would not) fade\b",
        # medical emergencies as people describe them (branch safety3):
        r"\bworst headache of (?:my|her|his|their) life\b|\bthunderclap headache\b",
        r"\b(?:lips|face|skin|fingers) (?:have |has |is |are )?(?:gone|going|turned|turning) (?:blue|grey|gray)\b",
        r"\bthroat (?:feels like (?:it is )?|is |keeps )?(?:closing|swelling|tightening)(?: up)?\b",
        r"\b(?:hit|banged|bumped|knocked|smashed) (?:his|her|their|my) head\b.{0,60}\b(?:being sick|vomit\w*|throwing up|threw up|confused|drowsy|very sleepy|will not wake|can not remember|unequal pupils|seizure|fitting)\b",
        r"\bseizure\b.{0,40}\b(?:five|5|six|ten|10|fifteen|\d\d) minutes\b|\b(?:will not|can not|does not) stop (?:fitting|seizing|convulsing)\b",
        r"\b(?:newborn|\d+ (?:day|week)s? old|(?:two|three|four|five|six|seven|eight) (?:day|week)s? old)\b.{0,40}\b(?:fever|high temperature|temperature of|will not feed|not feeding|grunting|breathing (?:really |very )?fast|floppy|will not wake)\b",
        # round 41 families: a low blood sugar given as a number with symptoms; a terse report
        # of a whole bottle or box taken
        r"\b(?:sugar|sugars|glucose|bg|bm|blood sugar|reading) (?:is |was |of |at |reads |reading |level is |levels are |just |only |down to )*(?:[0-2](?:\.\d)?|[2-4]\d)(?: ?mmol\w*| ?mg\w*)?\b.{0,50}\b(?:shak\w*|confused|dizzy|sweat\w*|faint\w*|pass(?:ing)? out|can not find|drowsy|slurr\w*|can not think|trembl\w*)",
        r"^(?:i )?(?:just )?(?:took|swallowed|necked|downed|taken) (?:the|a|my) (?:whole|entire) (?:bottle|box|pack|packet|strip|prescription|lot|tub)(?: of (?:them|it|pills|tablets))?(?: now| just now)?$",
]
