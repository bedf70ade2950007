"""What the demo's 2021 participants, hosts and teams wrote, from each visit's published facts.

One entry per visit: the practice in a few words, an idea to take home from it, a step a
visiting city could take, and a barrier it met. The sentences in `feedback.py` are put
together from these, so every answer names the real host and its practice; nothing here
invents figures, names or quotes of real people.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class VisitFacts:
    practice: str  # "Adopt a Monument"
    idea: str  # what a participant takes home, after "I learnt…" / "the idea of…"
    step: str  # a first step at home, as an imperative ("Map the …")
    barrier: str  # what held the step back, as a noun phrase


VISIT_FACTS = {
    "vantaa": VisitFacts(
        "the cultural environment programme",
        "co-designing one heritage programme with officials from every city service",
        "Bring planning, culture and education officials together on our heritage sites",
        "the departments' workload during the budget round",
    ),
    "kortrijk": VisitFacts(
        "participation and co-creation through heritage",
        "letting residents shape the city's stories, as with the city giant Emma",
        "Collect residents' stories of the old town for our museum",
        "finding volunteers to record the stories",
    ),
    "central-scotland": VisitFacts(
        "Rediscovering the Antonine Wall",
        "five councils working as one to help communities along a World Heritage Site",
        "Ask the neighbouring councils to share one plan for our Roman road",
        "agreeing a shared budget between councils",
    ),
    "val-grande-national-park": VisitFacts(
        "Commonlands",
        "mountain communities mapping their shared heritage together",
        "Map the common lands of our valley with the villages",
        "the distances between villages in winter",
    ),
    "tampere": VisitFacts(
        "Adopt a Monument",
        "letting schools, associations and companies adopt a site under an agreement",
        "Draft an adoption agreement for three of our heritage sites",
        "the insurance of volunteers working on a site",
    ),
    "rotterdam": VisitFacts(
        "the Rotterdam cooperation model",
        "the city archives and a grassroots lab digitising residents' memories together",
        "Hold a first digitisation day with our city archives",
        "the archives' rules on material they do not own",
    ),
    "budapest": VisitFacts(
        "Budapest100",
        "a weekend on which residents open the doors of their own houses",
        "Open ten residential buildings for one heritage weekend",
        "the owners' worries about visitors in their stairwells",
    ),
    "sibenik": VisitFacts(
        "the Fortress of Culture",
        "running two restored fortresses as a cultural venue for residents and visitors",
        "Write a programme of summer events for our castle",
        "the costs of running events in a listed building",
    ),
    "nantes": VisitFacts(
        "Nantes Patrimonia",
        "a collaborative website where residents and the city document heritage together",
        "Open a page on our website where residents add their heritage places",
        "moderating what residents publish",
    ),
    "reggio-nellemilia": VisitFacts(
        "Laboratorio Aperto at San Pietro",
        "a restored monastery run as an open lab for culture and social innovation",
        "Find a social-innovation partner for our empty convent",
        "the time a change of use takes to be approved",
    ),
}

# Lessons the team records per format: (what worked, what did not, what we would change);
# "{host}" and "{practice}" are filled in from the visit.
FORMAT_LESSONS = {
    "host-context-presentation": (
        "{host}'s team kept the presentation of {practice} to twenty minutes, with one "
        "example per slide; the questions came at once.",
        "Some figures were only on the slides and were lost for those with a weak connection.",
        "Send the slides the day before, so people can follow offline.",
    ),
    "virtual-tour": (
        "The video walk through {host} gave a sense of place that slides cannot.",
        "The live stream stalled twice; a recorded tour with live commentary would be safer.",
        "Record the tour in advance and keep the guide live for questions.",
    ),
    "problem-tree": (
        "Each group found the causes behind its own challenge, not only {host}'s.",
        "Groups of six were too large online: two people did most of the talking.",
        "Groups of four, with a shared board prepared before the session.",
    ),
    "solution-workshop": (
        "Participants turned the causes into concrete ideas inspired by {practice}.",
        "Forty-five minutes was short for ideas and feedback both.",
        "Give the workshop an hour and share the template beforehand.",
    ),
    "transfer-lab": (
        "People tested how {practice} would work in their own city and said what they would "
        "have to change.",
        "Those from small towns found the examples too urban.",
        "Add one example from a small municipality to each lab.",
    ),
    "peer-review-clinic": (
        "The host received frank, well-argued advice on {practice} from peers.",
        "Some peers repeated each other; the host could not answer everyone.",
        "Collect the questions in writing first and group them by theme.",
    ),
    "fishbowl": (
        "Rotating speakers kept the discussion lively and gave quieter people a turn.",
        "Online, people did not always notice when a seat was free.",
        "Name the next speaker in the chat before each change.",
    ),
    "action-planning": (
        "Everyone left with the first steps of a transfer action plan.",
        "Some participants had no time to finish; a few never came back to it.",
        "Keep ten minutes at the end to write the first step down together.",
    ),
}

# The methodology proposals the demo's coordinator made from these lessons:
# (format slug, title, why, the change, adopted note or "" while it is open).
PROPOSALS = [
    (
        "problem-tree",
        "Smaller groups in the problem tree online",
        "Several 2021 visits found groups of six too large online: a few people did the talking.",
        "Groups of four online, each with a board prepared before the session.",
        "The format's guidance now sets groups of four online and links a board template.",
    ),
    (
        "transfer-lab",
        "An example from a small municipality in each transfer lab",
        "Participants from small towns found the transfer lab's examples too urban.",
        "Each lab brings one example from a municipality under 20,000 inhabitants.",
        "",
    ),
]
