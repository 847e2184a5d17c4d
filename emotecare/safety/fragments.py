"""Risk categories and the regex fragments the pattern modules share."""
from __future__ import annotations

SUICIDAL_IDEATION = "suicidal_ideation"
SELF_HARM = "self_harm"
HARM_TO_OTHERS = "harm_to_others"
ABUSE = "abuse"
MEDICAL_EMERGENCY = "medical_emergency"
# When one message matches several, the reply leads with the most urgent.
CATEGORY_PRIORITY = (MEDICAL_EMERGENCY, SUICIDAL_IDEATION, SELF_HARM, HARM_TO_OTHERS, ABUSE)

SELF = r"(?:myself|my self)"
BODY = r"(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?|body|hands?|ankles?)"
PILL_WORDS = (r"(?:pills|tablets|meds|medication|medicine|paracetamol|tylenol|acetaminophen|"
          r"ibuprofen|aspirin|sleeping pills|xanax|insulin|painkillers|pain killers|"
          r"antidepressants|oxy\w*|opioids|benzos|prescription|"
          # medicines named by name, as people who take them do ("I took 50 of my sertraline")
          r"codeine|morphine|tramadol|sertraline|citalopram|fluoxetine|prozac|lithium|amitriptyline|"
          r"diazepam|valium|zopiclone|quetiapine|mirtazapine|propranolol|gabapentin|pregabalin|"
          r"co-?codamol|fentanyl|methadone|sleeping tablets|iron tablets|heart (?:pills|tablets|medication))")
PILLS = PILL_WORDS
PERSON = (r"(?:him|her|them|you|someone|somebody|people|everyone|everybody|anyone|"
           r"(?:my|that|this|the|his|her) (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|"
           r"boss|dad|father|mom|mum|mother|brother|sister|son|daughter|baby|babies|kids?|"
           r"child|children|roommate|flatmate|neighbou?r|teacher|ex|coworker|co-worker|"
           r"colleague|manager|family|friend|classmates?|stepdad|stepfather|stepmother|stepmum|stepmom|stepmom|uncle|aunt|"
           r"guy|man|woman|girl|bitch|bastard|person|people|students?|class|school|newborn|infant|toddler|"
           r"twins|stepson|stepdaughter|grandchild|dog|cat|puppy|kitten|pet)s?)")
ABUSER = (r"(?:he|she|they|someone|somebody|(?:my|our|her|his|a|this) (?:\w+ ){0,2}(?:in laws|mother in law|father in law|sister in law|brother in law|husband|son|daughter|grandson|"
           r"granddaughter|nephew|niece|children|kids|nurse|staff|"
           r"wife|partner|boyfriend|girlfriend|bf|gf|dad|father|mom|mum|mother|stepdad|"
           r"stepfather|stepmom|stepmother|uncle|aunt|brother|sister|cousin|grandpa|"
           r"grandfather|teacher|coach|boss|ex|parents?|family|man|guy|neighbou?r|carer|"
           r"caregiver|priest|pastor|landlord))")
