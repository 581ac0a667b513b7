//! The themes of the vocabulary: what a client talks about, in the clinical
//! word and in the everyday words, brand names and idioms clients use for it
//! ("a few pints", "the gear", "in a hole"), each with what it is not.
//!
//! Written as the other lists are (see [`super::vocabulary`]).

use super::vocabulary::Term;

pub static THEMES: &[Term] = &[
    Term::new(
        "anxiety",
        "anxiety|anxious|panic|panicky|panicking|panicked|panic attack|panic attacks|worry|\
         worrying|worried|worries|worrier|nervous|nerves|nervy|on edge|edgy|jittery|tense|\
         heart racing|pulse racing|racing heart|heart pounding|heart was pounding|\
         mind racing|racing thoughts|overthinking|overthink|can't switch off|couldn't switch off|\
         freaking out|freaked out|freak out|butterflies|tight chest|chest goes tight|\
         chest was tight|couldn't breathe|can't breathe|stressed out|stressing|\
         what if something|worst case|dreading|on tenterhooks|intrusive thoughts|\
         obsessive|obsessions|compulsions|my rituals|the rituals|ocd|germs|contaminated|\
         contamination|washing my hands|wash my hands|hand washing|\
         health anxiety|funny turn|funny turns|keel over|keeled over|going to collapse|\
         i'll collapse|going to faint|going to pass out|had to get out of there|\
         had to get out|heart going|heart was going|heart goes|go red|went red|going red|\
         bright red|blushing|blush|mind goes blank|mind went blank|went blank|gone blank|\
         cringing|watching myself|everyone staring|people staring|everyone looking at me|\
         people looking at me|social anxiety|socially anxious|having a heart attack|\
         wasn't a heart attack|like a heart attack|\
         in a state|get in a state|got in a state|fretting|can't relax|couldn't relax|\
         knot in my stomach|stomach in knots|stomach churning|sick with worry|\
         keyed up|wound up tight|can't sit still|couldn't sit still|what ifs|\
         catastrophising|catastrophizing|nervous wreck|a wreck|bag of nerves|\
         bricking it|scared stiff|petrified|frightened to death|on high alert|\
         need reassurance|needing reassurance|reassurance|\
         phobia|phobic|safety behaviour|safety behaviours|the urge to check|checking again|checked again|check it again|keep checking|\
         kept checking|germ|dirty|feel dirty|felt dirty|wash them|washed them|washes|\
         washed again|washing again|scrubbing|scrubbed|scrub|sanitiser|\
         sanitizer|hand gel|antibacterial|anti-bac|bleach|disinfect|disinfectant|\
         catch something|get ill from|make them ill|make her ill|make him ill",
    )
    // Fear of one thing, said in passing, is not anxiety as a subject; fear
    // and keeping away from what is feared are.
    .markers(
        "scared|afraid|frightened|dread|fear|terrified|shaking|shaky|sweating|\
         scares me|frightens me|terrifies me|my fears|i avoid|i avoided|i've avoided|\
         i've been avoiding|i keep avoiding|i'd avoid|avoid it|avoided it|avoiding it",
        2,
    )
    .except(
        "don't worry|no worries|not to worry|i'm worried about you|heart goes out|heart going out|\
         dirty look|dirty looks|dirty washing|dirty dishes|dirty plates|dirty nappy|\
         dirty nappies|dirty cups|dirty clothes",
    ),
    Term::new(
        "perfectionism",
        "perfectionism|perfectionist|perfectionistic|has to be perfect|have to be perfect|\
         had to be perfect|be perfect|isn't perfect|wasn't perfect|not perfect|make it perfect|\
         get it perfect|perfect or|has to be right|have to be right|get it just right|\
         high standards|my standards|own standards|impossibly high|hold myself to|\
         rewrote|rewriting|rewritten|redoing|redo it|redid|start it again|started it again|\
         all-nighter|all-nighters|never finished|never finish anything|tweaking|\
         fiddling with|fiddle with|every little detail|top mark|top marks|straight a's",
    )
    .markers("good enough", 3)
    .except("nobody's perfect|no one's perfect|nobody is perfect|i'm not perfect|perfect or not"),
    Term::new(
        "fear of failure",
        "fear of failure|fear of failing|afraid of failing|scared of failing|afraid to fail|\
         terrified of failing|frightened of failing|if i fail|i'll fail|i'd fail|i might fail|\
         going to fail|gonna fail|fail the|failed the|failing the|scared to fail|\
         dread failing|a bad mark|bad marks|a low mark|get a b|had a b|never had a b|\
         drop out|dropped out|kicked off the course|not pass|won't pass|don't pass",
    ),
    Term::new(
        "core beliefs",
        "core belief|core beliefs|deep-seated belief",
    ),
    Term::new(
        "low mood",
        "low mood|depressed|depression|feeling down|feel down|felt down|been down|so down|\
         really down|a bit down|feeling low|feel low|felt low|so low|really low|pretty low|\
         a bit low|been low|hopeless|everything's grey|everything is grey|feels grey|so grey|\
         all grey|feel nothing|don't enjoy anything|didn't get dressed|don't get dressed|\
         what's the point|no point|flat|numb|empty|miserable|can't be bothered|\
         couldn't be bothered|no energy|no motivation|stayed in bed|stay in bed|staying in bed|\
         in bed all day|couldn't get up|can't get up|can't get out of bed|\
         couldn't get out of bed|lost interest|no interest in|nothing to look forward to|\
         don't enjoy|didn't enjoy|pointless|dark place|black cloud|a fog|under a cloud|\
         drained|exhausted all the time|tired all the time|down days|low days|in a hole|\
         out of the hole|back in the hole|black dog|in a pit|rock bottom|in a rut|\
         a bad patch|a rough patch|a low patch|going through the motions|no joy|\
         lost my spark|not myself|wasn't myself|my mood|feel rubbish|feeling rubbish|\
         felt rubbish|like a ghost|\
         fed up with everything|i'm in bits|i was in bits|i'm in pieces|can't stop crying|\
         couldn't stop crying|crying all the time|cry all the time|burst into tears|\
         in tears|broke down|breaking down|i'm falling apart|i was falling apart|not coping|\
         can't cope|couldn't cope|can't face|couldn't face|shut myself away|\
         hiding away|withdrawn|given up|giving up on|heavy all the time|\
         weighed down|dragging myself|nothing matters|don't care anymore|\
         don't care about anything|lost my appetite|not eating properly|\
         dark thoughts|in a dark place|heartbroken|sadness|so sad|\
         baby blues|postnatal depression|post-natal depression|postnatal|pnd|not bonding|\
         don't feel anything for",
    )
    .markers("low|grey|tearful|crying|cried|sad|down", 3)
    .except("flat out|the flat|my flat|a flat|flat tyre|flat battery|empty bottle|empty cans|running on empty"),
    Term::new(
        "sleep",
        "sleep|sleeping|slept|sleepy|sleepless|insomnia|asleep|lie awake|nightmares|\
         can't sleep|couldn't sleep|not sleeping|don't sleep|didn't sleep|haven't slept|\
         hardly slept|not slept|wide awake|lying awake|lay awake|drop off|dropped off|nod off|\
         nodded off|wake up at|woke up at|wake at|waking at|awake till|awake until|\
         sleep through|slept through|tossing and turning|middle of the night|\
         in the night|the nights|bedtime|naps|napping|a nap|dozing|dozed off|\
         sleeping pills|sleeping tablets|zopiclone|melatonin|knackered|awake all night|\
         up all night|get back off|a proper night's|\
         shattered|good night's|in the early hours|lie there for hours|lying there for hours|get off to sleep|get to sleep|\
         go to sleep|can't settle at night|keep waking|kept waking|waking up at|\
         waking in the night|wake in the night|woke in the night|waking up in the night|\
         woke up in the night|wake up in the night|the small hours|\
         looked at the clock|look at the clock|\
         looking at the clock|clock-watching|i lie there|i just lie there|\
         lie there listening|lie there thinking|lay there thinking|\
         up and down all night|up and down in the night|tired all day|\
         night-time|dozed|doze off",
    )
    .except(
        "sleep hygiene|sleep on it|fall asleep on the sofa|fell asleep on the sofa|\
         fall asleep in front of|fell asleep in front of|sleep with|slept with|\
         sleeping with|night out|nights out",
    ),
    Term::new(
        "work stress",
        "work stress|deadline|deadlines|my boss|my manager|workload|burnout|burned out|\
         burnt out|stressed at work|stress at work|pressure at work|the rota|my shifts|\
         night shifts|night shift|double shift|overtime|twelve-hour shifts|long shifts|\
         the shifts|on shift|shift work|\
         the team leader|appraisal|performance review|disciplinary|signed off work|\
         off sick|back to work|return to work|my targets|the targets|redundancy|\
         made redundant|too much work|work's been|lose my job|losing my job|lost my job|\
         stressful job|demanding job|this job's|the job's|my job's|short-staffed|short staffed|\
         understaffed|doing the work of|my line manager|my supervisor|the new manager|\
         redundancies|head office|ofsted|the workload|answer emails|my emails|at my desk|\
         sacked|the sack|late for work|trouble at work|\
         time off work|called in sick|occupational health|occy health|\
         your manager|your boss|your workload|\
         work's doing my head in|work is doing my head in|the restructure|restructure|\
         restructuring|new supervisor|the gaffer|the foreman|my hours|hours cut|\
         extra hours|long hours|the hours|the pay|pay rise|promotion|job interview|\
         another job|other jobs|out of work|unemployed|sick note|fit note|\
         phased return|human resources|the union|a grievance|tribunal|bullied at work|\
         my caseload|caseload|an inspection|the inspection|an audit|the audit|\
         covering for|cover for|more staff|staffing|pulled in the office|\
         pulled into the office|working late|work late|on call|the commute|\
         going into work|dread going in|rotten week at work|hard at work|work's hard|\
         work is hard|work was hard|emails at|my emails|the customers|complaints|\
         work's mad|work's manic|work's been mad|work's been manic|busy at work|\
         snowed under|up to my eyes|run off my feet|rushed off my feet|no lunch break|\
         through my lunch|stayed late|stay late|working weekends|work weekends|\
         pick rates|productivity|kpis|a written warning|\
         verbal warning|final warning|improvement plan|performance plan|capability meeting|\
         my contract|contract's up|zero-hours|zero hours|agency work",
    )
    .markers("at work|my job|the office|my colleagues|a colleague|workmates|coworkers|co-workers", 3)
    .except("work is done|homework|work out|worked out|work on|i'm too much work|i'm hard work|\
         cognitive restructuring"),
    Term::new(
        "self-esteem",
        "self-esteem|self esteem|self-worth|self worth|self-confidence|worthless|self-critical|\
         not good enough|wasn't good enough|never good enough|isn't good enough|\
         i'm useless|i'm a failure|i'm rubbish|i'm stupid|i'm pathetic|i'm an idiot|\
         i'm not clever|i'm not special|not special|i'm nothing|i'm not worth|not worth it|\
         invisible|feel invisible|nobody notices|no one notices|notice me|being seen|\
         hate myself|i'm a burden|a fraud|an imposter|impostor|too needy|needy|\
         taking up space|take up space|don't deserve|didn't deserve|less than them|\
         less than everyone|not as good as|better than me|compare myself|comparing myself|\
         no confidence|my confidence|lack confidence|self-conscious|ashamed of myself|\
         disappointment to|let everyone down|beat myself up|beating myself up|\
         so hard on myself|i'm weak|i'm ugly|hate the way i look|pushover|doormat|\
         a nobody|i'm boring|i'm so boring|i'm not interesting|not interesting enough|\
         nobody likes me|no one likes me|not likeable|unlikeable|\
         being found out|get found out|found out i'm|take a compliment|\
         compliments|i'm not enough|not enough for|i'm hard work|too much work for|i'm too much work|\
         someone better|somebody better|deserve better|put myself down|putting myself down|\
         self-deprecating|i'm thick|i'm so thick|i'm dumb|i'm so stupid|such an idiot|\
         i'm a loser|a waste of space|unlovable|not lovable|i'm not important|i don't matter|\
         what's wrong with me|something wrong with me|inner critic|critical voice|\
         people pleaser|people-pleaser|people pleasing|people-pleasing|can't say no|\
         like a failure|such a failure|a let-down|never measure up|don't measure up|measure up|i'm not worthy|\
         i'm nothing|he's nothing|she's nothing|think i'm nothing|i'm worthless|\
         not cut out for|rubbish at my job|useless at my job|bad at my job|\
         i'm no good|no good at anything|not good at anything|good for nothing|\
         spare part|surplus to requirements|no use to anyone|no use to anybody|\
         nobody needs me|no one needs me|the real me|felt like me|feel like me again|\
         felt like myself|don't know who i am|lost my identity|lost myself|sense of who i am",
    ),
    Term::new(
        "relationships",
        "relationship|relationships|breakup|break-up|marriage|divorce|we argue|we argued|\
         we row|we rowed|our arguments|arguing|rowing|split up|splitting up|separated|\
         separation|couples|married|a row|had a row|we fight|we fought|date night|broke up|\
         my ex|ex-husband|ex-wife|ex-partner|the divorce|falling out|fell out|moved out|\
         moving out|cheated|cheating|affair|trust him|trust her|our sex life|intimacy|\
         we don't talk|we never talk|don't talk anymore|we bicker|bickering|\
         like flatmates|taken for granted|resentment|resent him|resent her|nagging|\
         leave him|leave her|left him|left her|leaving him|leaving her|\
         as a couple|been together|been married|get back together|got back together|\
         he'd leave me|she'd leave me|he'll leave me|she'll leave me|might leave me|\
         going to leave me|would leave me|you'll leave me|leave me for|\
         walked out on me|the row|that row|big row|proper row|\
         our marriage|the marriage|my marriage|your marriage|your relationship|\
         your partner|your wife|your husband|make friends|making friends|no friends|\
         any friends|real friends|left out|don't fit in|didn't fit in|never fit in|\
         lying to her|lying to him|lied to her|lied to him|\
         behind my back|she found out|he found out|doesn't trust me|don't trust him|\
         don't trust her|trust me again|trust him again|trust her again|silent treatment|\
         not speaking to me|isn't speaking to me|not talking to me|isn't talking to me|\
         walking on eggshells|in the spare room|on the sofa bed|fed up with me|sick of me|\
         dumped me|finished with me|ended it with|we're not close|not close anymore|\
         we've drifted|drifted apart|no time for us|time for us|just the two of us|\
         lonely|loneliness|nobody to talk to|no one to talk to|\
         isolated|cut myself off|no mates|\
         seeing someone else|with someone else|living with someone|seeing someone new|\
         someone new|he's moved on|she's moved on|get over him|get over her|\
         got over him|got over her|still love him|still love her|still in love|\
         jealous|jealousy|the other woman|the other man|a child together|kids together|\
         ding-dong|a barney|blazing row|slanging match|shouting match|screaming match|a tiff|\
         we haven't talked|we used to talk|we barely talk|we barely speak|barely speaking to me|\
         barely talking to me|she's talking to me|he's talking to me|she's not leaving|\
         he's not leaving|threatened to leave|packed her bags|packed his bags|\
         she thinks i'm|he thinks i'm|she doesn't know|he doesn't know",
    )
    .markers(
        "my partner|my wife|my husband|my boyfriend|my girlfriend|a row with|argument with|\
         my other half|the other half|the missus|my missus|the wife|the husband|hubby|\
         my fella|my bloke|my fiance|my fiancee|my fiancé|my fiancée|my mates|my friends|\
         my best friend|my best mate",
        3,
    )
    .except(
        "relationship with alcohol|relationship with drinking|relationship with food|\
         relationship with money|relationship with gambling|lost my wife|lost my husband|\
         lost my partner|relationship with my son|relationship with my daughter",
    ),
    Term::new(
        "alcohol use",
        "alcohol|drinking|drink|drinks|drank|booze|beer|beers|wine|vodka|whisky|whiskey|gin|\
         rum|pint|pints|hangover|hungover|binge drinking|units a week|sober|sobriety|a drinker|\
         lager|cider|a few cans|couple of cans|can of lager|cans of lager|tinnies|\
         four-pack|four-packs|slab of cans|the pub|down the pub|bottle of wine|glass of wine|\
         wine o'clock|shandy|stella|carling|guinness|smirnoff|prosecco|shots|spirits|\
         drunk|tipsy|pissed|sloshed|hammered|steaming|blackout|blacked out|the shakes|\
         drink-driving|drink driving|drink-drive|over the limit|alcohol-free|dry january|\
         the offy|off-licence|a bevvy|bevvies|units",
    )
    .except(
        "drink of water|drink water|drink more water|soft drink|soft drinks|energy drink|\
         energy drinks|fizzy drinks|fizzy drink|drink of tea|drinking water|drinking tea|\
         drinking coffee|he'd been drinking|she'd been drinking|he was drinking|\
         she was drinking|he drinks|she drinks|he was drunk|she was drunk|drunk woman|\
         drunk man|a drunk|drunk driver|drink of|drink ... coke|drinks ... coke|\
         drinking ... coke|drink ... tea|drink ... coffee|drink ... juice|drink ... pop|\
         drink ... squash|drink ... milk|drink ... water|drinks ... water",
    ),
    Term::new(
        "drug use",
        "drugs|drug use|using drugs|cannabis|weed|marijuana|cocaine|heroin|ecstasy|mdma|\
         ketamine|amphetamine|amphetamines|meth|methamphetamine|spliff|getting high|get high|\
         got high|my dealer|using again|stoned|a zoot|an eighth|the gear|some gear|doing lines|\
         benzos|valium|off my face|off his face|off my head|the comedown|comedown|ket|pingers|\
         methadone|subutex|edibles|thc|a bong|my using|tenner bag|used to score|using together|\
         on the gear|year clean|months clean|weeks clean|days clean|narcotics anonymous|\
         na meeting|naloxone|needle exchange|methadone script|on a script|drug service|\
         drugs worker|a couple of lines|a few lines|couple of lines|another line|a line or two|\
         had a line|racked up|rack up|snorting|snorted|a baggie|had gear|got gear|bought gear|\
         off the gear|no gear|on coke|doing coke|did coke|bit of coke|line of coke|lines of coke|\
         bag of coke|gram of coke|coke's|k-hole|mephedrone|nitrous|laughing gas|poppers|\
         magic mushrooms|shrooms|lsd|acid trip|dropped a pill|necking pills|gurning|a joint|\
         mashed|a gram|a bag of|get a bag|gets a bag|one bag|had a bag|got a bag|with a bag|\
         bought a bag|buy a bag|a bag's|a line|a line of|lines in the|charlie|mandy|to score|\
         a bump|a wrap",
    )
    // Slang that is also everyday English ("a crack in the ceiling", "alright, bud",
    // "joints" that ache, "to be blunt") counts only beside a word for drugs, or
    // where three of them are said.
    .markers(
        "coke|pills|gear|using|high|joints|bud|baked|grams|crack|spice|smack|hash|blunt|sniffing|\
         been clean|stay clean|staying clean|clean for|scoring|come down|bumps|baggies|the dealer|\
         skunk",
        3,
    )
    .except(
        "diet coke|coke zero|can of coke|cans of coke|bottle of coke|glass of coke|\
         drink ... coke|drinks ... coke|drinking ... coke|the coke wakes|\
         high blood|high reading|high sugar|sugars are high|levels are high|so high|\
         too high|high in|high up|high school|high street|pain pills|sleeping pills|\
         water pills|blood pressure pills",
    ),
    Term::new(
        "smoking and vaping",
        "smoking|smoke|smokes|smoked|smoker|cigarette|cigarettes|cigs|cig|ciggie|ciggies|\
         fags|roll-ups|vaping|vape|vapes|nicotine|tobacco|fag|a rollie|rollies|baccy|\
         roll-up|roll my own|elf bar|elf bars|marlboro|puffs|nicotine patches|quit date|\
         e-cig|e-cigarette|the patches|nicotine gum|champix|a pack of|twenty a day|\
         ten a day|menthol|lighter",
    )
    .except(
        "smoke alarm|smoking weed|smoke weed|smoked weed|smoke a joint|smoking a joint|\
         smoking cannabis|smoke cannabis|smoking crack|smoke and mirrors",
    ),
    Term::new(
        "gambling",
        "gambling|gamble|gambled|gambler|betting|bets|placed a bet|bookies|bookmaker|casino|\
         slot machines|slots|fruit machines|poker|scratch cards|scratchcards|roulette|\
         betting app|chasing losses|chasing my losses|bingo|free spins|spins|a spin|jackpot|\
         accumulator|acca|accas|in-play|bet365|paddy power|gamstop|a flutter|a bet|\
         the odds|odds on|the bookie|online casino|the machines|my losses|won big|\
         lost it all|skybet|william hill|ladbrokes|coral|betfred|the horses|the dogs",
    ),
    Term::new(
        "diet and weight",
        "diet|dieting|my weight|weight loss|lose weight|losing weight|put on weight|\
         gained weight|overweight|obese|obesity|binge eating|overeating|comfort eating|\
         emotional eating|eating habits|eating healthier|eat healthier|healthy eating|\
         junk food|takeaways|takeaway|calories|snacking|portion sizes|carbs|sugary|two stone|\
         three stone|four stone|half a stone|stone and a half|comfort eat|portions|portion|\
         snacks|biscuits|crisps|chocolate|sweets|fast food|fried food|full fat|\
         fizzy drinks|diet coke|the scales|weigh myself|weighed|slimming world|\
         weight watchers|calorie|bmi|my belly|two sugars|three sugars|what i eat|my eating|\
         binged on|bingeing on|binging on|binge on|binge eat|a food binge|purging|made myself sick|starving myself|\
         skipping meals|skip meals|skipped meals|eating in secret|secret eating|\
         eat in secret|grazing|picking all day|the chippy|greggs|mcdonald's|kfc|\
         a family bag|multipack|sausage roll|second helpings|clean my plate|midnight snack|\
         the weight|weight on|a stone|stone on|\
         stone off|five stone|six stone|twelve stone|thirteen stone|fourteen stone|\
         fifteen stone|sixteen stone|seventeen stone|eighteen stone|nineteen stone|\
         twenty stone|hungry all the time|always hungry|starving all the time|\
         my appetite|clothes don't fit|clothes fit|dress size|my size|the biscuit tin|\
         cabbage soup|meal replacement|slices of toast|eats like a horse|\
         eat like a horse",
    )
    .except(
        "binged on netflix|binge on netflix|the weight of|weight off|stone's throw|\
         a stone in|lost my appetite",
    ),
    Term::new(
        "exercise",
        "exercise|exercising|workout|workouts|the gym|physical activity|jogging|\
         go for a run|went for a run|swimming|cycling|fitness|more active|a walk|\
         go for a walk|went for a walk|going for a walk|go for walks|going for walks|\
         walking more|more walking|walk more|walk every day|walking every day|daily walk|\
         short walk|long walk|long walks|brisk walk|the walking|walking programme|parkrun|couch to 5k|zumba|pilates|\
         treadmill|steps a day|thousand steps|my steps|five-a-side|aqua aerobics|\
         cardiac rehab|walking club|a run|my bike|on the bike|yoga|a swim|\
         the pool|get fit|getting fit|keep fit|unfit|out of breath|exercise class|\
         a stroll|spin class|the weights|lifting weights|\
         a jog|go jogging|went jogging|a 5k|a 10k|personal trainer|\
         badminton|tennis|dance class|my fitbit|pedometer|step count|took the stairs|\
         take the stairs|taking the stairs|stretches|get moving|moving more|\
         sitting down all day|sit down all day|sedentary|couch potato|rehab class|\
         the rehab classes|the class at the gym",
    )
    .except(
        "breathing exercise|grounding exercise|this exercise|that exercise|the exercise|\
         an exercise|writing exercise|exercise book|walking distance|walking stick|\
         walk me through|walk away|walked away|walk off|walked off|the swimming pool",
    ),
    Term::new(
        "medication adherence",
        "medication|medications|meds|tablets|pills|prescription|prescribed|insulin|inhaler|\
         dose|doses|missed a dose|side effects|antidepressants|antidepressant|statins|\
         metformin|pill organiser|repeat prescription|my jab|the jab|depot injection|injection|\
         injections|lithium|sertraline|citalopram|fluoxetine|olanzapine|quetiapine|\
         amitriptyline|tramadol|naproxen|blister pack|dosette|the chemist|pharmacy|\
         the pharmacist|stopped taking|forget to take|forgot to take|\
         missed doses|mirtazapine|venlafaxine|aripiprazole|clozapine|risperidone|\
         propranolol|gabapentin|pregabalin|co-codamol|painkillers|my dosage",
    )
    .except("take all my pills|took all my pills|took all the pills|sleeping pills"),
    Term::new(
        "long-term illness",
        "diabetes|diabetic|blood sugar|blood sugars|hba1c|chronic pain|chronic illness|\
         long-term condition|long term condition|arthritis|asthma|copd|heart disease|\
         heart condition|heart attack|high blood pressure|hypertension|cancer|\
         multiple sclerosis|epilepsy|fibromyalgia|hiv|kidney disease|my condition|\
         my diagnosis|crohn's|ibs|chronic fatigue|my sugars|the sugar|sugar levels|\
         my levels|my readings|finger prick|hypo|hypos|type 2|type two|pre-diabetes|\
         prediabetes|emphysema|gout|blood pressure|a stent|had a stroke|\
         flare-up|flare-ups|insulin|glucose|the diagnosis|diagnosed|blood test|blood tests|\
         the nurse|practice nurse|diabetes nurse|the consultant|my consultant|\
         a high reading|the reading|the readings|eye screening|\
         my kidneys|the pain|my pain|in pain|the pain clinic|back pain|my back pain|\
         nerve pain|my joints|my knees|my hip|sciatica|my illness|my symptoms|\
         fibro|migraines|long covid|the physio|physiotherapy|a flare|my lungs|\
         my health|the ms|my ms|with ms|ms nurse|relapsing-remitting|the neuro|my neuro|\
         neurologist|neurology|the fatigue|my fatigue|my mobility|my balance|my legs|\
         tinnitus|ringing in my ears|ears ringing|ears are ringing|the ringing's|\
         the ringing is|the ringing was|the ringing gets|the ringing got|the ringing comes|\
         with the ringing|the hissing|the buzzing in|my ears|my ear|my hearing|hearing loss|\
         losing my hearing|lost my hearing|hard of hearing|going deaf|gone deaf|deaf in|\
         hearing aid|hearing aids|audiologist|audiology|ent clinic|vertigo|meniere's|\
         my eyesight|my sight|losing my sight|lost my sight|sight loss|glaucoma|\
         macular|cataracts|cataract|going blind|heart bypass|bypass surgery|\
         triple bypass|bypass operation",
    )
    .except(
        "pain in the neck|pain in the arse|the pain of losing|having a heart attack|\
         wasn't a heart attack|like a heart attack|music to my ears|up to my ears|\
         all ears|my ears burning|ears were burning",
    ),
    Term::new(
        "offending",
        "offending|reoffending|re-offending|probation|probation officer|prison|jail|in custody|\
         arrested|conviction|convicted|court|the police|criminal record|charged with|\
         my offence|offence|offense|shoplifting|stealing|community order|electronic tag|\
         youth offending|when i was inside|while i was inside|on licence|my licence|\
         recalled|a caution|community service|magistrate|magistrates|locked up|banged up|\
         my sentence|sentenced|my cell|visits hall|got nicked|nicking|nicked stuff|\
         robbing|referral order|reparation|got done for|banned for|the feds|the old bill|\
         my tag|curfew|breach|breached|my solicitor|the solicitor|burglary|\
         assault charge|back inside|go back inside|going back inside|since i got out|\
         when i got out|since i came out|since you came out|since you got out|\
         when you came out|did time|done time|doing time|serving time|\
         served time|my time inside|your licence|licence conditions|my conditions|\
         your conditions|recall me|recall you|recalled to prison|young offenders|\
         a young offender|the sentencing|sentencing|suspended sentence|the judge|\
         the barrister|crown court|pleaded guilty|plead guilty|pleaded not guilty|\
         on remand|on bail|bail conditions|my release|release date|\
         gbh|abh|grievous bodily harm|actual bodily harm|my victim|\
         victim awareness|unpaid work|community payback|accredited programme|\
         offending behaviour|criminal|my crime|the charges|got charged|been charged|\
         got arrested|in the nick|approved premises",
    )
    .except(
        "food court|tennis court|driving licence|licence to|nick of time|got out of|came out of",
    ),
    Term::new(
        "grief",
        "grief|grieving|bereavement|bereaved|passed away|passed on|died|death|funeral|\
         mourning|lost my mum|lost my dad|lost my mother|lost my father|lost my husband|\
         lost my wife|lost my son|lost my daughter|lost my brother|lost my sister|\
         lost my baby|lost my partner|lost my friend|since she died|since he died|\
         her death|his death|the grave|anniversary of|she passed|he passed|the cemetery|\
         the hospice|without her|without him|miss her|miss him|missing her|missing him|\
         her ashes|his ashes|the ashes|headstone|the crematorium|widow|widower|\
         the loss|losing him|losing her|lost him|lost her|she's gone|he's gone|\
         her things|his things|her clothes|his clothes|her side of the bed|\
         his side of the bed|late husband|late wife|the inquest|\
         since we lost|since i lost|when we lost|we lost him|we lost her|lost our son|\
         lost our daughter|lost our baby|he'd have been|she'd have been|would have been his|\
         would have been her|his grave|her grave|the grave|the anniversary|his anniversary|\
         her anniversary|first christmas without|first birthday without|his urn|her urn|\
         the wake|the coroner|the undertaker|chapel of rest|his headstone|her headstone|\
         never got to say goodbye|didn't get to say goodbye|say goodbye to him|\
         say goodbye to her|still talk to him|still talk to her|his photo|her photo|\
         his room is|her room is|his last days|her last days|at the end he|at the end she|\
         the day he died|the day she died|miscarriage|miscarried|stillborn|stillbirth|\
         widowed|if she were here|if he were here|if she was still here|if he was still here|\
         if she was still alive|if he was still alive|she'd have loved|he'd have loved|\
         she would have loved|he would have loved|his empty chair|her empty chair|\
         since mum passed|since dad passed|since we buried|buried him|buried her|\
         the bereavement|the hospice rang|his last words|her last words",
    )
    .except(
        "could have died|nearly died|almost died|scared to death|bored to death|death of me|\
         phone died|battery died|her own funeral|his own funeral",
    ),
    Term::new(
        "trauma",
        "trauma|traumatic|traumatised|traumatized|ptsd|flashback|flashbacks|nightmares|\
         the accident|the attack|assaulted|intrusive memories|hypervigilant|triggered|\
         the crash|what happened to me|attacked|mugged|the collision|crashed|the assault|\
         the fire|the explosion|the incident|the robbery|bad dreams|dream about it|\
         dreamt about it|reliving|relive|relived|back there|keeps coming back|\
         kept coming back|since it happened|before it happened|when it happened|\
         after it happened|the day it happened|the night it happened|the memory|\
         the memories|reminder|reminders|on guard|jumpy|startle|startled|survived|\
         i survived|could have died|nearly died|going to die|thought i'd die|\
         i'm safe|not safe|feel safe|the ambulance|sirens|the bang|the other driver|\
         the blast|roadside bomb|a bomb|the bomb|on tour|combat|the dreams|\
         lost mates|what happened to my mates|war film|could smell it",
    ),
    Term::new(
        "anger",
        "anger|angry|rage|furious|lose my temper|lost my temper|losing my temper|temper|\
         snapped at|snap at|snapped|snapping|irritable|lashed out|lash out|shouted|shouting|\
         yelled|yelling|so mad|mad at|blew up|fuming|screamed at|scream at|saw red|see red|\
         lose it|lost it with|flew off the handle|fly off the handle|short fuse|\
         wound me up|winds me up|pissed off|hacked off|kicked off|kick off|punched the wall|\
         punch the wall|smashed|slammed|raised my voice|aggressive|aggression|road rage|\
         lost the plot|went mental|went off on one|go off on one|red mist|lose my rag|\
         lost my rag|blew my top|went ballistic|livid|seething|a scrap|squared up|\
         swung for|headbutted|punched him|thumped him|glassed him|got into a fight|\
         in a fight|boiling over",
    ),
    Term::new(
        "parenting",
        "parenting|as a parent|tantrum|tantrums|school run|co-parenting|being a mum|being a dad|\
         good mum|good dad|bad mum|bad dad|good mother|good father|bad mother|bad father|\
         the babysitter|childcare|nursery|bath time|bedtime story|pick up the kids|\
         pick the kids up|the kids' bedtime|parents' evening|screen time|naughty step|\
         grounded him|grounded her|his teacher|her teacher|as a mum|as a dad|toddler|\
         rubbish mum|rubbish dad|useless mum|useless dad|terrible mum|terrible dad|\
         crap mum|crap dad|bedtime routine|his bedtime|her bedtime|put him to bed|\
         put her to bed|get him to sleep|get her to sleep|the school gates|his school|her school|\
         won't go to school|refusing school|school refusal|off school|the school rang|\
         the school phoned|teenager|teenagers|teenage|head of year|pastoral|\
         at her age|at his age|when she was little|when he was little|when she were little|\
         when he were little|pocket money|her homework|his homework|her bedroom|his bedroom|\
         answering back|answers back|backchat|back-chat|slammed her door|slammed his door|\
         get her up for school|get him up for school|getting her up|getting him up|\
         school uniform|detention|excluded from school|exclusion|\
         his xbox|the xbox|the playstation|nappies|nappy|night feeds|the feeds|\
         breastfeeding|bottle-feeding|formula|weaning|teething|colic|the pram|\
         pushchair|health visitor|potty training|terrible twos|meltdown|meltdowns|\
         my eldest|my youngest|the eldest|the youngest|our eldest|our youngest|\
         as his mum|as her mum|\
         as his dad|as her dad|his dad and me|her dad and me|his mum and me|her mum and me",
    )
    .markers(
        "my kids|the kids|my children|the children|my son|my daughter|my teenager|my toddler|\
         my little girl|my little boy|our kids|our son|our daughter|the baby",
        2,
    )
    .except("lost my son|lost my daughter"),
    Term::new(
        "self-harm",
        "self-harm|self harm|self-harming|self harming|cutting myself|cut myself|\
         hurt myself|hurting myself|harm myself|harming myself|burn myself|burning myself|\
         overdose|overdosed|the blade|a blade|blades|steri-strips|my scars|the scars|\
         my cuts|the cuts|cutting again|started cutting|stopped cutting|urge to cut|\
         urges to cut|wanted to cut|want to cut|hit myself|hitting myself|scratching myself|\
         sharpener blade|razor blade|the sharpener|acted on the urge|steri strips",
    )
    // How a client speaks of it without naming it.
    .markers(
        "did it again|my arm|my arms|my wrist|my wrists|my thighs|the marks|the urge|\
         cover them up|long sleeves",
        2,
    ),
];
