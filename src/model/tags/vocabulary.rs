//! The vocabulary as data: every intervention and kind of possible risk
//! with the words that, said in a session, are evidence of it; the themes
//! are in [`super::themes`], written the same way.
//!
//! Phrases are lower-case, separated by `|`, and matched on word boundaries
//! with curly apostrophes and dashes folded. `a ... b` means `a`, then `b`
//! later in the same sentence ("scale ... important"). Phrases are kept in
//! one string per list so the table stays small in the app's download.

/// A vocabulary entry and the phrases that are evidence of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub name: &'static str,
    /// Synonyms and phrases that are evidence on their own.
    pub keywords: &'static str,
    /// Weaker phrases (idioms like "at work", reflections typical of a
    /// style): evidence only beside a keyword, or `needs` different ones.
    pub markers: &'static str,
    /// How many different markers make evidence without a keyword.
    pub needs: u8,
    /// Phrases in which a keyword or marker says nothing about the term
    /// ("breathing exercise" for exercise, "lost my husband" for relationships).
    pub except: &'static str,
}

impl Term {
    pub(super) const fn new(name: &'static str, keywords: &'static str) -> Self {
        Term {
            name,
            keywords,
            markers: "",
            needs: 2,
            except: "",
        }
    }

    pub(super) const fn markers(self, markers: &'static str, needs: u8) -> Self {
        Term {
            markers,
            needs,
            ..self
        }
    }

    pub(super) const fn except(self, except: &'static str) -> Self {
        Term { except, ..self }
    }

    /// The phrases of one of the lists of a term.
    pub fn phrases(list: &'static str) -> impl Iterator<Item = &'static str> {
        list.split('|').filter(|p| !p.is_empty())
    }
}

pub static INTERVENTIONS: &[Term] = &[
    Term::new(
        "cognitive restructuring",
        "cognitive restructuring|challenge that belief|challenge that thought|challenge the thought|\
         evidence that contradicts|evidence for and against|thought record|thought records|\
         cognitive distortion|cognitive distortions|reframe|reframing|balanced thought|\
         alternative thought|thinking trap|thinking traps|more helpful thought|more balanced way|\
         fairer thought|fairer version|fairer way of looking|more realistic thought",
    ),
    Term::new(
        "mindfulness",
        "mindfulness|mindful|body scan|present moment",
    )
    // The M of DBT's DEAR MAN: keeping to one's request.
    .except("mindful ... appear confident|m is for mindful|mindful is")
    // A practice guided in the room: attention let go to the breath or the
    // sounds, brought back when it wanders, met as if new.
    .markers(
        "notice your breath|notice the breath|notice your breathing|let your attention|\
         bring your attention|your attention back|back to the breath|back to your breath|\
         back to the sounds|as if you'd never|as if for the first time|without judging|\
         without judgement|without judgment|when your mind wanders|if your mind wanders",
        3,
    ),
    Term::new(
        "grounding exercise (5-4-3-2-1)",
        "grounding|three things you can see|five things you can see|5-4-3-2-1|54321",
    )
    // The senses counted down, and the here and now, however worded.
    .markers(
        "things you can see|things you can hear|things you can touch|things you can feel|\
         things you can smell|thing you can taste|things you can taste|feet on the floor|\
         feel the chair|today's date|the date today|where you are right now|where you are now",
        2,
    ),
    Term::new(
        "breathing exercise",
        "breathing exercise|breathing exercises|deep breath|deep breaths|breathe in|box breathing|\
         diaphragmatic breathing|paced breathing|breathing technique|slow your breathing|\
         slow breathing|the out-breath|belly breathing|7-11 breathing|in for four",
    )
    // Smoke breathed in, as advice on smoking explains it.
    .except(
        "breathe in other people's|breathing in other people's|breathe in second-hand|\
         breathing in second-hand|breathe in the smoke|breathing in the smoke|breathe in smoke|\
         breathing in smoke",
    ),
    Term::new(
        "sleep hygiene",
        "sleep hygiene|bedtime routine|consistent bedtime|screens before bed|sleep schedule|\
         sleep restriction|sleep scheduling|stimulus control|wind down|wind-down|\
         no caffeine|caffeine after|bed is only for sleep|only go to bed when|\
         same time every day|same time every morning|clock out of the bedroom|\
         caffeine stays in your system|caffeine in your system|regular time you get up|\
         same time you get up|knows when night is|energy drinks after",
    )
    // Stimulus control and a sleep window told in everyday words.
    .markers(
        "bed is for sleeping|bed is for sleep|bed equals|get out of bed|somewhere dim|no nap|\
         no naps|a nap|napping|fixed time for going to bed|fixed time for getting up|caffeine|\
         checking the clock|clock-watching|watching the clock",
        3,
    ),
    Term::new(
        "psychoeducation",
        "psychoeducation|fight or flight|fight-or-flight|how anxiety works|anxiety cycle|\
         vicious cycle|vicious circle|window of tolerance|stress response|alarm system|\
         how grief works|\
         is a normal reaction|is a common reaction|are a normal reaction|common reaction to|\
         how alcohol affects|what happens in the brain|it may help to know|it helps to know|\
         it can help to know|what happens when|flooding|gets flooded|get flooded|\
         can i explain how|the reason it helps|what happens after",
    ),
    Term::new(
        "behavioural activation",
        "behavioural activation|behavioral activation|activity scheduling|activity diary|\
         pleasant activities|schedule some activities|activity schedule|activity log|\
         mastery and pleasure|pleasure and mastery|sense of achievement or enjoyment|\
         plan some activities|activities that give you|from the outside in|\
         action before motivation|motivation follows action|do it first and the feeling|\
         until you feel like it|wait to feel like it|if i feel like it|\
         put them in the diary|put it in the diary|what it does to the mood|\
         what it does to your mood",
    )
    // Doing more to lift the mood, however the clinician words it.
    .markers(
        "doing less|do less|used to enjoy|the diary|your diary|what you did",
        3,
    ),
    Term::new(
        "exposure",
        "exposure|exposure hierarchy|fear ladder|face the fear|response prevention|\
         stay in the situation|until the anxiety comes down|let the anxiety come down|\
         rung of the ladder|next step on the ladder|without doing the ritual|\
         safety behaviours|safety behaviour|build the ladder|top of the ladder|\
         bottom of the ladder|step-by-step list|until the feeling peaks|\
         stay until it starts to come down|until it comes down on its own|\
         come down by itself|comes down by itself",
    )
    // How the clinician talks through an exposure, naming it or not.
    .markers(
        "what's your anxiety|what's your distress|what is your anxiety|what is your distress|\
         what's the anxiety|what's the distress|rate your anxiety|rate your distress|\
         rating your anxiety|rating your distress|nought to a hundred|zero to a hundred|\
         out of a hundred|out of 100|stay with it|stay with the feeling|sit with the feeling|\
         sit with the anxiety|ride it out|anxiety comes down|anxiety came down|\
         distress comes down|the avoidance|on the ladder|your ladder|at the peak|\
         the worst point|without washing|without checking|act on it|act on the urge|\
         read the account|the account|present tense|the hotspot|with repetition|\
         stay long enough|anxiety to come down|fear to come down|reliving|habituation|\
         habituate|hierarchy|in vivo|imaginal|stay put|until it peaks|the anxiety peaks|\
         anxiety peaked|drop the safety|dropping the safety",
        3,
    ),
    Term::new(
        "problem solving",
        "problem solving|problem-solving|brainstorm solutions|pros and cons|possible solutions|\
         brainstorm some options|list the options|weigh up the options|which option|\
         brainstorm|as a problem|more in your hands|in your hands|weigh them up",
    )
    // Options drawn out and weighed, a few picked and their next steps
    // planned, however the clinician words it.
    .markers(
        "the options|a few options|some options|one option|another option|other options|\
         both options|two options|your options|how do you want to handle|how could you handle|\
         try first|what could you do about|what can you do about|what might work|\
         come up with some|come up with a few|which of those|which of these|\
         get round that|get around that|plan b|a backup plan|good and bad about each|\
         which of them|what are the options|as many ideas|throw ideas out|throw out ideas|\
         just ideas|don't judge them|things to try|what could you try|what will you try|\
         what would you try|what might you try|the next step|next small step|think practically|\
         pick a few|workable|solve|solving|is there anything ... do about",
        3,
    )
    .except("pros and cons of drinking|pros and cons of smoking|pros and cons of using"),
    Term::new(
        "relaxation",
        "relaxation|progressive muscle relaxation|relax your muscles",
    ),
    Term::new(
        "motivational interviewing",
        "motivational interviewing|readiness to change|importance ruler|confidence ruler|\
         readiness ruler|how important is it to you|scale ... important|scale ... confident|\
         scale ... ready|important ... scale|confident ... scale|decisional balance|\
         why not a lower number|and not a zero|rather than a zero|and not a one|change talk|\
         pros and cons of drinking|pros and cons of smoking|pros and cons of using",
    )
    .markers(
        "sounds like you|it sounds like|what i'm hearing|you're saying|part of you|\
         on the one hand|on the other hand|you're not sure|tell me more|what concerns you|\
         what worries you about|what would be different|good things about|less good things|\
         not so good things|what would it take|looking back|looking ahead|looking forward|\
         where does that leave you|what do you make of|how would your life be different|\
         mixed feelings|ambivalent|your reasons for|reasons to cut|reasons to stop|\
         reasons to quit|what might you|it's up to you|your choice|your decision",
        3,
    ),
    Term::new(
        "person-centred",
        "person-centred|person centred|person-centered|client-centred|client-centered|\
         non-directive|unconditional positive regard",
    ),
    Term::new(
        "DBT skills",
        "dbt|distress tolerance|emotion regulation|interpersonal effectiveness|wise mind|\
         opposite action|radical acceptance|dear man|check the facts|chain analysis|diary card|\
         self-soothe|self soothe|tipp|cold water on your face|paced breathing skill",
    ),
    Term::new(
        "defusion (ACT)",
        "defusion|i'm having the thought that|i am having the thought that|leaves on a stream|\
         thank your mind|unhook|unhooking|hooked by|passengers on the bus|just a thought|\
         notice the thought|noticing the thought|acceptance and commitment|\
         i notice i'm having|i'm noticing i'm having|i'm noticing that i'm having",
    )
    // Stepping back from a thought, however the clinician words it: the
    // mind as a voice that talks, the thought as a story, a sound or a leaf.
    .markers(
        "your mind is telling you|your mind's telling you|your mind says|what your mind does|\
         name the story|naming the story|that story|hold it lightly|holding it lightly|\
         silly voice|funny voice|leaves on|clouds passing|words on a screen|\
         step back from the thought|let it be there|letting it be there",
        3,
    ),
    Term::new(
        "values (ACT)",
        "your values|values work|values clarification|valued direction|committed action|\
         towards move|towards moves|away move|away moves|what matters most to you|\
         the kind of person you want to be|the kind of parent you want to be|values card",
    )
    // What the client wants to stand for, drawn out without the word values.
    .markers(
        "what matters|really matters|what kind of ... do you want to be|\
         what sort of ... do you want to be|the kind of ... you want to be|\
         the sort of ... you want to be|want to stand for|what you stand for|those values|\
         move towards|moving towards|what you care about|something you care about|\
         direction you care about|you want your life to be about|want these years to be about",
        3,
    ),
    Term::new(
        "relapse prevention",
        "relapse prevention|relapse|lapse|high-risk situation|high-risk situations|\
         high risk situation|high risk situations|early warning signs|\
         staying well plan|setback plan|if you slip|a slip|blueprint",
    )
    // Urges and triggers are as much the words of DBT's diary card or of urge
    // surfing: with warning signs or cravings they plan for a relapse.
    .markers("warning signs|triggers|cravings|urges", 3),
    Term::new(
        "safety planning",
        "safety plan|safety planning|crisis plan|crisis line|crisis number|\
         ring the crisis team|call the crisis team|phone the crisis team|\
         contact the crisis team|the crisis team's number|crisis team number|\
         reasons for living|reasons to live|reasons to stay alive|samaritans|emergency services|\
         who could you call|who could you ring|who would you call|who would you ring|\
         999 or|or 999|ring 999|call 999|dial 999|nhs 111|ring 111|call 111|mental health option|\
         text shout|85258|means safe|keep them out of reach|put them out of reach",
    )
    // Said of a prescription or of safety behaviours too, and the crisis
    // team of a past crisis as often as of a plan, so not enough alone.
    .markers("keep yourself safe|keep you safe|crisis team", 2)
    // Someone who had to call the team in a past crisis.
    .except(
        "had to ring the crisis team|having to ring the crisis team|had to call the crisis team|\
         having to call the crisis team|had to phone the crisis team|having to phone the crisis team",
    ),
];

/// What the client may say that the clinician must see: the preview shows
/// it as "Possible risk: review", and never sets a risk level by itself.
pub static RISKS: &[Term] = &[
    Term::new(
        "suicide",
        "suicide|suicidal|kill myself|killing myself|end my life|end it all|ending it all|\
         take my own life|better off dead|better off without me|want to die|wanted to die|\
         wish i was dead|wish i were dead|wish i wasn't here|don't want to be alive|\
         don't want to be here anymore|don't want to wake up|no reason to live|\
         not worth living|take all my pills|took all my pills|took all the pills|\
         jump off a bridge|jump off the bridge|jump off a building|jump off the roof|\
         jump off a cliff|jump in front of|step in front of|hang myself|overdose|overdosed|\
         wouldn't wake up|if i didn't wake up|if i just didn't wake up|not to wake up|\
         never wake up|and not wake up|wouldn't mind not waking|\
         wouldn't bother me ... wake up|wouldn't mind ... wake up|wouldn't care ... wake up|\
         would not mind ... wake up|would not care ... wake up|wouldn't mind if i never woke|\
         would not mind if i never woke|wouldn't mind if i died|wouldn't care if i died|\
         wouldn't bother me if i died|thoughts of ending it|thought about ending it|\
         thinking about ending it|thoughts of ending things|thinking of ending it|\
         better off with the life insurance|don't see the point in going on|\
         don't see the point of going on|no point in going on|can't go on without|\
         rather not wake up|rather not be alive|rather be dead|not be here anymore|\
         wouldn't be here anymore|don't want to be around|tired of living|tired of being alive|\
         sick of being alive|no point living|no point in living|no point in being alive|\
         life isn't worth living|life's not worth living|thoughts of suicide|\
         go to sleep and never|sleep forever|better off if i wasn't here|\
         better off if i was gone|better off if i wasn't around|throw myself off|throw myself in front of|\
         walk into the sea|drive into a wall|drive off a bridge|slit my wrists|cut my wrists|\
         saving up my tablets|saving up tablets|saved up my tablets|stockpiling my tablets|\
         stockpiling pills|suicide note|nobody would notice if i|no one would notice if i|\
         nobody would miss me|no one would miss me|nobody would care if i died|\
         no one would care if i died",
    )
    .except(
        "dying to|to die for|die of embarrassment|died of embarrassment|die of shame|\
         kill myself laughing|killing myself laughing|killed myself laughing|social suicide|\
         career suicide|suicide mission|suicide squad|suicide prevention|suicide awareness|\
         overdose on caffeine|overdosed on caffeine|overdose on coffee|overdosed on coffee|\
         overdosed on sugar|overdosed on chocolate",
    ),
    Term::new(
        "self-harm",
        "self-harm|self harm|self-harming|self harming|cutting myself|cut myself|\
         hurt myself|hurting myself|harm myself|harming myself|burn myself|burning myself|\
         hit myself|hitting myself|cutting again|started cutting|the blade|a blade|blades|\
         scratch myself|scratching myself|scratched myself|burned myself|burnt myself|\
         hurt myself on purpose|cut my arms|\
         cut my legs|cutting my arms|cutting my legs|sharpener blade|razor blade|\
         the sharpener",
    )
    .except(
        "shoulder blade|shoulder blades|blade of grass|blades of grass|roller blades|\
         fell and hurt myself|hurt myself playing|hurt myself at the gym|hurt myself lifting|\
         hurt myself running|burned myself cooking|burnt myself cooking|burned myself on|\
         burnt myself on|scratched myself on",
    ),
    Term::new(
        "harm to others",
        "hurt him|hurt her|hurt them|hurt someone|hurt somebody|hurt the baby|kill him|\
         kill her|kill them|kill someone|hit him|hit her|hit them|harm him|harm her|\
         harm someone|harm the kids|strangle|stab him|stab her|smash his face|\
         punch him|punched him|punch her|punched her|glassed|get a knife|beat him up|\
         beat her up|make him pay|make her pay|don't know what i'd do to him|\
         don't know what i'd do to her|batter him|battered him|\
         don't know what i'd have done to him|don't know what i'd have done to her|\
         if ... don't know what i'd have done|if ... don't know what i would have done",
    )
    .except(
        "hit her head|hit him hard emotionally|hurt her feelings|hurt his feelings|hit him up|\
         hit her up|hit them up|kill them with kindness|\
         don't know what i'd have done without|don't know what i would have done without|\
         don't know what i'd have done if|don't know what i would have done if|\
         don't know what i'd have done otherwise|don't know what i would have done otherwise|\
         don't know what i'd have done differently|don't know what i would have done differently|\
         don't know what i'd have done with|don't know what i would have done with",
    ),
    Term::new(
        "harm from others",
        "hit me|hits me|hitting me|beat me|beats me|beating me|hurt me|hurts me|hurting me|\
         kicked me|pushed me|shoved me|choked me|strangled me|slapped me|punched me|\
         threatened me|threatens me|threatened to kill|raped|rape|sexually assaulted|\
         abused me|abusing me|domestic abuse|emotional abuse|sexual abuse|physical abuse|\
         was abused|been abused|abusive relationship|he's abusive|he was abusive|\
         she's abusive|she was abusive|afraid of him|scared of him|afraid of her|scared of her|\
         won't let me leave|locks me in|takes my money|grabbed me|grabs me|held me down|\
         pinned me|threw something at me|threw a plate at me|spat at me|chokes me|choking me|\
         made me have sex|controls my money|checks my phone",
    )
    .except(
        "it hurt me|that hurt me|hurts me to|it hit me|it grabbed me|that grabbed me|\
         really grabbed me|hit me that|hits me that|kicked me off|\
         kicked me out|beats me why|beats me how|beats me what|it beats me|beat me to|beat me at|beats me at|beat me in|hit me up|\
         pushed me to|pushed me into|pushed me over the edge|pushed me too far|hurts me to see|\
         hurt me to see|hurts me to think|oilseed rape",
    ),
];
