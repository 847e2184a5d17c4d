"""Patterns for self-harm: cutting, burning, hitting oneself, urges and relapse.

Same conventions as `patterns_suicide.py`: normalised text, the risky phrase only.
"""
from __future__ import annotations

from emotecare.safety.fragments import BODY, SELF

SELF_HARM_PATTERNS = [
        r"\bfeel (?:the|my) (?:blade|razor|cuts?|sting of the blade|burn of the lighter)(?: again| on my skin)?\b",
        r"\b(?:feel|feeling|felt) like (?:cutting|hurting myself|selfharm\w*|burning myself|punishing myself|bleeding)\b(?! (?:my (?:hair|fringe|nails|losses)|off|out|back|down|class|ties|the|some|a|it|them)\b)",
        r"(?<!accidentally )\b(?:scald|scalding|scalded|cut|cutting|cuts|burn|burning|burnt|burned|hurt|hurting|harm|harming|hit|hitting|punch|punching|scratch|scratching|scratched|starve|starving|punish|punishing|bruise|bruising|stab|stabbing|stabbed|carve|carving|carved|choke|choking|strangle|strangling) " + SELF + r"\b(?! (?:of (?:sleep|fun|joy|attention|company)|on (?:the|a|my|some)|while|by accident|accidentally|cooking|shaving|ironing|at the gym|at work|playing|lifting|running|falling|in the kitchen|with (?:the|a) (?:kettle|iron|oven|pan|stove|tray)))",
        r"\bselfharm\w*\b|\bself (?:harm|injur\w*|mutilat\w*)\b",
        r"\b(?:scald\w*|cut|cuts|burn|burns|burned|burnt|hurt|hit|scratch\w*|bruis\w*|stab\w*|punch\w*|bit|bite|hurting|cutting|burning)\b(?! (?:him|her|them|someone|people|my (?:\w+ )?(?:brother|sister|son|daughter|husband|wife|partner|kids?|baby)))\b.{0,40}\b(?:deliberately|on purpose|intentionally|purposely|to punish myself|to feel something|to feel pain)\b",
        r"\b(?:going to|gonna|will|about to|want to|need to) (?:cut|sh|selfharm)(?: (?:again|tonight|today|later|soon|now|myself|deeper))?\s*$",
        r"\b(?:punch|punched|punching|hit|hitting|bang|banged|banging) (?:the |a )?walls?\b.{0,40}\b(?:deserve\w*|bleed\w*|broke|until)\b|\b(?:because|since|as) i deserved? (?:it|the pain|to hurt|to suffer)\b",
        r"\b(?:cutting|burning myself|hurting myself|selfharm\w*|sh|the pain|bleeding) (?:helps|is the only|makes me feel|calms|releases|relieves|gives me|is how i cope|is my way)\b",
        r"\b(?:relapsed?|relapsing|urges?|urge|craving|clean|cutting|do|did|doing|resisted|resist|fight|fighting|stop|quit|stopped) (?:on |from |for |with |into |to )?sh\b|\bsh (?:again|urges?|relapse|scars?|wounds?)\b",
        r"\b(?:urges?|temptation|tempted|itching|desperate|craving|want|wanting|need|needing) to (?:cut|sh|burn|bleed|hurt myself|harm myself|scratch myself|punish myself)\b(?! (?:down|back|out|off|ties|costs|carbs|sugar|the|my hair|hair|it|things|corners|class|school|people|loose|in|through|across|up|some|a|that|them|him|her|calories|spending|caffeine|alcohol|meat)\b)(?! my (?!(?:arms?|wrists?|thighs?|legs?|skin|stomach|body)\b))",
        r"\b(?:urges?|cravings?) (?:to cut |to self ?harm )?(?:are|is|keep|have been|came|come|coming)? ?(?:back|returning|strong|stronger|worse|so bad)\b",
        r"\b(?:razor|blade|blades|sharpener|lighter|scissors|knife|glass) (?:to|on|against|into|across) my " + BODY + r"\b",
        r"\b(?:cuts?|scars?|burns?|marks|wounds?|scratches) (?:on|all over|up and down|into) my " + BODY + r"\b(?! from (?:the|my|a|an|our) (?:cat|dog|kitten|puppy|bush|brambles|roses|garden|gardening|surgery|operation|accident|fall|bike|work))",
        r"\b(?:cut|carved|carving|burned|burnt|scratched|cutting|burning|scratching|slice|slicing|sliced|slash|slashing|slashed|slit) (?:open )?(?:my|into my) " + BODY + r"\b(?! (?:on (?:the|a|some)|while|chopping|cooking|shaving|by accident|at work|playing|in the|opening|with (?:a|the) (?:knife|can|tin|glass)|(?:making|baking|cooking|ironing|frying|boiling|grabbing|taking|getting) ))(?<!accidentally)",
        r"\b(?:keep|kept|hide|hid|hidden|hiding|stash\w*|saving|bought) (?:a |my |some |the |new )?(?:razor |spare |sharpener )?(?:blades?|razors?)\b(?! for shaving)",
        r"\b(?:covered in|full of|lots of|fresh|new|deep) (?:cuts|scars|burns|wounds|scratches) (?:on|all over|from)\b|\b(?:my )?" + BODY + r" (?:is|are) (?:covered in|full of) (?:cuts|scars|burns|wounds|scratches)\b",
        r"\b(?:carved|carve|carving|cut|cutting|etched|scratched|wrote) (?:\w+ ){0,3}into my " + BODY + r"\b",
        r"\b(?:burn|burns|burning|cut|cuts|cutting|scratch|scratches|scratching|slice|slices|hit|hits|hitting|bite|bites|biting|bit|punch|punches|punching) my (?:own )?" + BODY + r"\b(?=.{0,30}\b(?:lighter|blade|razor|cigarette|until|till|on purpose|deserve|bleed|black and blue|bruis\w*))",
        r"\b(?:needle|pin|blade|knife|lighter|razor|glass|compass|scissors|arms?|wrists?|legs?|thighs?|skin)\b.{0,40}\bto (?:feel something|feel anything|feel pain|feel real|punish myself|stop feeling)\b",
        r"\b(?:purposely|deliberately|intentionally|on purpose) (?:broke|break|cut|burned|burnt|hurt|hit|scratched|bruised|stabbed|starved|injured) (?:my|myself)\b",
        r"\b(?:craving|crave|missing|miss|long for|itching for|need|want) (?:the |my )?(?:blade|razor|razors|blades|cutting|the pain of cutting)\b",
        r"\b(?:make|made|making) myself (?:throw up|vomit|sick|bleed|purge)\b|\b(?:throw up|purge|purging) (?:after|every)\b",
        r"\b(?:deserve|need|want|wanted) to (?:hurt|feel pain|suffer|bleed|be punished|be hurt|feel something physical)\b(?! (?:his|her|their|your|him|them|you|someone|people|anyone|the|a|that|this|others|everyone|somebody|my (?!self))\b)",
        r"\b(?:hide|hiding|cover|covering|hid) (?:up )?(?:the |my |these )?(?:cuts|scars|marks|burns|bruises|wounds)\b",
        r"\b(?:been|started|start|keep|kept|back to|went back to|began|ended up|end up|caved and|relapsed and|gave in and) (?:cutting|burning myself|hurting myself|sh)(?=\s*$| again| myself| my (?:arms?|wrists?|legs?|thighs?|skin|stomach|body)| in (?:the bathroom|my room|secret)| at night| for (?:years|months|weeks)| to cope| when| since| every| more| deeper| last night| recently| lately| and| but| after| because| so| to feel| on| again)",
        r"\bcut (?:again|deeper|too deep|so deep)\b|\bcutting again\b",
        r"\b(?:until|till) (?:it|i|they) (?:bleeds?|bled|bruise|bruises)\b|\bbang(?:ing)? my head (?:against|on|into) (?:the )?(?:wall|floor|door)(?:\s*$| until| till| so hard)",
        r"\b(?:stopped|stop|not|barely|refuse to|refusing to) eat(?:ing)? (?:to|so i can|until i) (?:punish|disappear|hurt|die)\b",
]
