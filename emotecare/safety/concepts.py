"""A small synonym map of crisis concepts, so the trained model can carry what it learnt about
one word to its neighbours ("took 30 paracetamol" -> "took NUM PILLS" also covers codeine).

`features.py` adds, beside the word n-grams, the n-grams of the message with these words
replaced by their concept (only the n-grams that hold a concept). Words are as
`normalise_text` leaves them (lower case, contractions spelt out). Kept deliberately small and
general: each group is a family of words an independent writer would swap for one another.
"""
from __future__ import annotations

_GROUPS = {
    "PILLS": "pills pill tablets tablet paracetamol acetaminophen tylenol ibuprofen aspirin codeine morphine "
             "oxycodone oxy fentanyl heroin insulin xanax valium diazepam benzos sertraline prozac fluoxetine "
             "citalopram lithium quetiapine antidepressants antidepressant meds medication medications medicine "
             "painkillers painkiller capsules sleepers opioids methadone tramadol zopiclone amitriptyline "
             "dose doses",
    "POISON": "bleach antifreeze pesticide poison weedkiller detergent cleaner dishwasher chemicals chemical "
              "battery batteries magnets lighter fluid paraffin kerosene petrol gasoline pod pods rat fertiliser "
              "fertilizer",
    "WEAPON": "gun guns knife knives blade blades razor razors rifle pistol shotgun machete bat hammer scissors "
              "firearm weapon weapons bullet bullets",
    "ROPE": "rope noose cord ligature belt cable",
    "HEIGHT": "bridge roof rooftop cliff cliffs ledge balcony edge tower platform tracks railway overpass "
              "flyover parapet motorway quarry gorge dam multistorey pier breakwater viaduct",
    "WATER": "river lake sea lough loch ocean reservoir canal tide waves water harbour estuary",
    "FUMES": "exhaust hose charcoal barbecue bbq coals generator helium fumes monoxide",
    "DEATH": "die died dying dead death suicide suicidal kill killing killed unalive gone",
    "ENDING": "final last ending forever permanently permanent",
    "FAREWELL": "goodbye goodbyes farewell letters note notes will affairs forgive sorry eulogy funeral hymns "
                "passwords",
    "GIVE": "gave given giving give rehomed rehome donated bequeathed",
    "INGEST": "took take taking taken swallowed swallow swallowing drank drink drinking ate eaten overdosed "
              "overdose injected inject snorted necked downed",
    "PARTNER": "husband wife boyfriend girlfriend partner ex fiance fiancee spouse",
    "ELDER": "dad father mum mom mother stepdad stepfather stepmum stepmom stepmother uncle aunt aunty auntie "
             "grandad grandpa grandma nan granny carer coach teacher pastor priest cousin brother sister "
             "landlord boss employer",
    "CHILD": "baby toddler son daughter kid kids child children newborn infant little girl boy",
    "HIT": "hits hit hitting beats beat beating beaten punches punched punching kicks kicked kicking slaps "
           "slapped slapping chokes choked choking strangles strangled strangling pushed shoves shoved "
           "whips whipped drags dragged grabbed",
    "SEXUAL": "touches touched touching raped rape rapes molested molests groped forced",
    "SOON": "tonight today now tomorrow weekend soon morning friday saturday sunday monday",
    "BODY": "arm arms wrist wrists thigh thighs leg legs skin stomach hand hands neck throat chest face",
    "CUT": "cut cuts cutting slashed slash sliced carved scratched scratching burned",
    "BREATH": "breathe breathing breath breathless",
    "UNRESPONSIVE": "unconscious unresponsive collapsed fitting seizure seizures blue limp",
}
CONCEPT_OF: dict[str, str] = {word: concept for concept, words in _GROUPS.items() for word in words.split()}
