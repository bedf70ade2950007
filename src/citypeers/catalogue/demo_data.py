"""Demo data for the practice library: ten real practices and a generator of made-up ones.

Plain Python (standard library only) so it can be read, tested and re-used without Django.

- ``CHIA_2021_PRACTICES``: the practices behind the ten online peer-learning visits of Cultural
  Heritage in Action in 2021, written from the published facts only (no invented figures,
  names, quotes or links).
- ``generated_practices()``: a deterministic set of clearly made-up practices so the library
  feels lived-in; every summary says so in its first sentence.
"""

import datetime
import random

# The demo's themes: first the topics the Urban Agenda's Action 12 names, then the three themes
# of Cultural Heritage in Action. `citypeers.demo` creates them from this list.
THEMES = (
    "Long-term and inclusive local strategies for culture",
    "Participation in cultural activities",
    "Cities dealing with their past: difficult heritage and new dialogues",
    "Culture, urban regeneration and urban development",
    "Local partnerships between culture, social inclusion, health, migration and integration",
    "Participatory governance of cultural heritage",
    "Adaptive re-use of built heritage",
    "Quality of interventions on cultural heritage",
)
(
    STRATEGIES,
    PARTICIPATION,
    DIFFICULT_PAST,
    REGENERATION,
    INCLUSION,
    GOVERNANCE,
    RE_USE,
    QUALITY,
) = THEMES

PRACTICE_TYPES = ("policy", "project", "event", "structure")
SIZE_HINTS = ("small", "medium", "large", "metropolis")
SIZE_WEIGHTS = (35, 35, 20, 10)

DEMO_SENTENCE = "Demo data: this practice is made up for the citypeers demo."

# ---------------------------------------------------------------------------------------------
# The ten real practices of Cultural Heritage in Action 2021
# ---------------------------------------------------------------------------------------------

CHIA_2021_PRACTICES = [
    {
        "host": "Vantaa",
        "country": "FI",
        "visit_starts_on": datetime.date(2021, 3, 22),
        "visit_ends_on": datetime.date(2021, 3, 26),
        "organisation": "City of Vantaa",
        "organisation_type": "local",
        "title": "Developing a local cultural environment programme",
        "tagline": (
            "Vantaa co-designed its local cultural environment programme with over 100 city "
            "officials and about 3,000 residents."
        ),
        "type": "policy",
        "themes": [STRATEGIES, GOVERNANCE],
        "summary": (
            "The City of Vantaa drew up a local cultural environment programme: a shared, "
            "city-wide view of how the built environment, landscapes and everyday places that "
            "give Vantaa its character are valued, cared for and used. Rather than writing the "
            "programme within one department, the city co-designed it with over 100 officials "
            "from across its administration and about 3,000 residents. The programme links "
            "heritage to land-use planning, culture, education and the daily work of many city "
            "services, and gives residents a voice in deciding what matters. In March 2021 "
            "Vantaa hosted an online peer-learning visit of Cultural Heritage in Action to share "
            "how the programme was built and how it is put into practice."
        ),
        "context": (
            "The cultural environment covers far more than listed monuments: it includes "
            "neighbourhoods, landscapes and places that matter to people in their everyday "
            "lives. Responsibility for it is usually spread over many municipal services, from "
            "planning and building control to culture and education, and residents' views "
            "rarely reach those decisions. Vantaa wanted a common framework that all services "
            "could share and that reflected what residents themselves value."
        ),
        "activities": (
            "- Brought together officials from many city services to steer the work jointly.\n"
            "- Involved over 100 officials in working sessions to agree on shared goals.\n"
            "- Invited residents to say which places and stories they value; about 3,000 took "
            "part.\n"
            "- Turned the findings into a programme with objectives and actions for the services "
            "concerned.\n"
            "- Linked the programme to the city's planning and other strategies."
        ),
        "governance": (
            "The programme belongs to the city as a whole rather than to a single department. "
            "Co-designing it with officials from many services means that each of them "
            "recognises its own role in caring for the cultural environment. Residents "
            "contributed knowledge and priorities, and the process was organised so that their "
            "input could shape the objectives of the programme."
        ),
        "resources": (
            "The main resource is staff time across the city administration, combined with a "
            "participatory process that reaches a large number of residents. Co-design takes "
            "longer than drafting a document in-house, and it needs people who can facilitate "
            "discussions, collect and analyse what residents say, and report back to them."
        ),
        "results": (
            "Vantaa has a cultural environment programme shaped by over 100 officials and about "
            "3,000 residents. Because so many services took part, the programme is shared across "
            "the administration rather than sitting with heritage specialists alone. The process "
            "also drew residents' attention to the cultural environment around them and showed "
            "that their views count."
        ),
        "lessons": (
            "Broad participation inside the administration matters as much as the participation "
            "of residents: a programme only works if the services that take daily decisions feel "
            "ownership of it. Asking residents what they value brings to light places and "
            "stories that expert inventories can miss. Co-design needs clear goals, time and a "
            "commitment to report back to everyone who took part."
        ),
        "transferability": (
            "Any municipality can draw up a cultural environment programme, whatever its size. "
            "The approach transfers well where a city is ready to involve several departments "
            "and to open the process to residents. Others can re-use the combination of staff "
            "and resident participation and the link between the programme and land-use "
            "planning."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Kortrijk",
        "country": "BE",
        # The visit took place in April 2021; the exact days are an assumption.
        "visit_starts_on": datetime.date(2021, 4, 20),
        "visit_ends_on": datetime.date(2021, 4, 22),
        "organisation": "City of Kortrijk",
        "organisation_type": "local",
        "title": "Participation and co-creation through cultural heritage",
        "tagline": (
            "Kortrijk invites residents to shape its heritage, from the new city giant Emma to an "
            "identity museum built on residents' stories."
        ),
        "type": "project",
        "themes": [GOVERNANCE, PARTICIPATION, INCLUSION],
        "summary": (
            "Kortrijk uses cultural heritage as a way to bring residents together and let them "
            "shape the story of their city. Two projects show the approach. The new city giant "
            "Emma continues the tradition of processional giants in Flanders and was made "
            "through co-creation, so that she reflects the city of today. An identity museum "
            "collects and presents the stories of residents, making their memories and "
            "experiences part of how the city presents itself. Both projects treat heritage as "
            "something living that people make together, rather than something only experts "
            "select. In April 2021 Kortrijk hosted an online peer-learning visit of Cultural "
            "Heritage in Action to share its way of working on participation and co-creation."
        ),
        "context": (
            "Cities change, and many residents, including newcomers and young people, do not "
            "recognise themselves in the traditional image of their city's heritage. Kortrijk "
            "wanted its heritage to reflect the whole population and to become a shared resource "
            "that residents help to define. Living traditions such as city giants, and the "
            "personal stories of residents, offered accessible starting points."
        ),
        "activities": (
            "- Chose forms of heritage everyone can relate to: a city giant and personal "
            "stories.\n"
            "- Involved residents in creating the new city giant Emma.\n"
            "- Collected residents' stories about their lives in Kortrijk.\n"
            "- Presented these stories in an identity museum, so that visitors meet the city "
            "through its people.\n"
            "- Used festive occasions to bring Emma and the stories to a wide public."
        ),
        "governance": (
            "The city leads the projects and works with residents, associations and cultural "
            "organisations as co-creators rather than as an audience. Heritage professionals "
            "support the process with their knowledge, while residents' contributions determine "
            "much of the content. The role of the city shifts from deciding what heritage is to "
            "helping the community define it."
        ),
        "resources": (
            "Co-creation relies on staff who can reach out to residents, build trust and guide a "
            "creative process, and on makers and cultural professionals to build a giant or "
            "design an exhibition. Time is an important resource too: collecting stories and "
            "building relationships with participants cannot be rushed."
        ),
        "results": (
            "Emma gives Kortrijk a new city giant with whom residents can identify, and the "
            "identity museum gives residents' own stories a place in how the city presents "
            "itself. The projects show that traditional forms of heritage can be renewed through "
            "participation, and that residents respond when they are asked to contribute to the "
            "image of their city."
        ),
        "lessons": (
            "Familiar, festive forms of heritage lower the threshold for taking part. "
            "Co-creation works best when participants see that their input really shapes the "
            "outcome. Heritage can strengthen social cohesion when it includes the stories of "
            "all residents, not only those already told in museums."
        ),
        "transferability": (
            "Many European towns have processional giants, parades or other living traditions "
            "that could be renewed with residents in a similar way. Collecting and presenting "
            "residents' stories is possible almost anywhere and at any scale, from a small "
            "exhibition to a museum. What transfers above all is the attitude: the city "
            "facilitates, residents co-create."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Central Scotland",
        "country": "GB",
        "visit_starts_on": datetime.date(2021, 4, 26),
        "visit_ends_on": datetime.date(2021, 4, 28),
        "organisation": "The five councils along the Antonine Wall",
        "organisation_type": "local",
        "title": "Rediscovering the Antonine Wall in Central Scotland",
        "tagline": (
            "Five councils work together so that communities along the Antonine Wall, a World "
            "Heritage Site since 2008, rediscover the Roman frontier on their doorstep."
        ),
        "type": "project",
        "themes": [QUALITY, PARTICIPATION, GOVERNANCE],
        "summary": (
            "The Antonine Wall crosses Central Scotland and has been part of a World Heritage "
            "Site since 2008. Much of it runs through everyday places and is easy to overlook. "
            "Five councils along its route joined forces to help local communities rediscover "
            "the Wall and take pride in it. Their project created play parks inspired by the "
            "Roman frontier and placed replica distance slabs, copies of the carved stones with "
            "which Roman soldiers recorded their building work, in communities along the Wall, "
            "alongside activities for local people. In April 2021 the partners hosted an online "
            "peer-learning visit of Cultural Heritage in Action on how to make a World Heritage "
            "Site that stretches across a region meaningful to the people who live along it."
        ),
        "context": (
            "The Antonine Wall was for a time the north-west frontier of the Roman Empire. Today "
            "its remains are mostly earthworks that are easy to miss, and they run through the "
            "areas of several councils. Many people living near the Wall knew little about it. "
            "Because it is a single monument spread over several local authorities, no council "
            "could make it visible on its own."
        ),
        "activities": (
            "- Agreed a joint approach among the five councils along the Wall.\n"
            "- Designed play parks that bring the Roman frontier to life for children and "
            "families.\n"
            "- Made replica distance slabs and placed them in communities along the route.\n"
            "- Involved local people in activities about the Wall and its history.\n"
            "- Worked with heritage specialists so that new features respect the World Heritage "
            "Site."
        ),
        "governance": (
            "The five councils work in partnership, with shared aims for the whole length of the "
            "Wall while each council looks after the places in its own area. Heritage "
            "specialists advise on interventions so that they respect the World Heritage Site. "
            "Residents and community groups take part in activities, so the project is about "
            "people as much as about physical features."
        ),
        "resources": (
            "A project that spans five councils needs coordination, joint planning and a budget "
            "to which several partners contribute. Designing features for a World Heritage Site "
            "calls for specialist advice and careful approval procedures, while working with "
            "communities needs dedicated staff time in each council area."
        ),
        "results": (
            "Play parks and replica distance slabs make the Antonine Wall visible and tangible "
            "in places where people live and play. Residents, and children and families in "
            "particular, have new ways to discover the Roman heritage on their doorstep. The "
            "partnership shows how councils can care for a shared World Heritage Site together "
            "for the benefit of local communities."
        ),
        "lessons": (
            "A monument that crosses administrative borders needs a partnership that does the "
            "same. Playful, tangible interventions such as play parks and replicas reach people "
            "who might never visit a museum. Interventions in a World Heritage Site must be "
            "designed carefully so that they interpret the heritage without harming it."
        ),
        "transferability": (
            "The approach suits other heritage that stretches across several municipalities, "
            "such as Roman frontiers elsewhere in Europe, historic canals, railways or pilgrim "
            "routes. Play parks and replicas of objects can be adapted to many sites. The "
            "essential condition is a partnership of local authorities willing to plan and act "
            "together."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Val Grande National Park",
        "country": "IT",
        "visit_starts_on": datetime.date(2021, 5, 5),
        "visit_ends_on": datetime.date(2021, 5, 7),
        "organisation": "Val Grande National Park",
        "organisation_type": "other",
        "title": (
            "Commonlands: a rural participatory path of territorial enhancement in the Southern "
            "Alps"
        ),
        "tagline": (
            "Val Grande National Park leads Commonlands, a participatory path with ten mountain "
            "communities of the Southern Alps to enhance their shared territory."
        ),
        "type": "project",
        "themes": [GOVERNANCE, STRATEGIES],
        "summary": (
            "Commonlands is a participatory path led by Val Grande National Park with ten "
            "mountain communities in the Southern Alps. Like many mountain areas, these "
            "communities risk losing residents and the knowledge and activities that shaped "
            "their landscape. Commonlands brings residents, local administrations and the park "
            "together to recognise the heritage they share, from landscapes and paths to "
            "traditions and local knowledge, and to decide together how to care for it and use "
            "it in the future. The approach treats heritage as a common good of the whole "
            "territory rather than as a set of separate sites. In May 2021 the park hosted an "
            "online peer-learning visit of Cultural Heritage in Action to share this rural "
            "participatory path."
        ),
        "context": (
            "Mountain areas of the Southern Alps hold a rich heritage of landscapes, paths, "
            "villages and traditions, but depopulation and the decline of traditional activities "
            "put it at risk. Small communities often lack the staff and means to act alone. A "
            "national park can offer a framework for cooperation, but lasting results depend on "
            "residents taking part in deciding the future of their territory."
        ),
        "activities": (
            "- Brought ten mountain communities together in a shared participatory path.\n"
            "- Organised meetings where residents, local administrations and the park exchanged "
            "views.\n"
            "- Identified together the heritage the communities hold in common.\n"
            "- Agreed on shared priorities for enhancing the territory.\n"
            "- Started actions that the communities carry out together with the park."
        ),
        "governance": (
            "The national park acts as facilitator and coordinator, while the ten communities "
            "and their residents are partners in setting priorities. This shared governance "
            "recognises that the heritage of the area belongs to its communities, and that the "
            "park's role is to connect them, offer expertise and support joint action across "
            "municipal borders."
        ),
        "resources": (
            "A participatory path of this kind needs facilitators who know the area and its "
            "people, time for meetings in each community, and coordination by the park. Small "
            "rural municipalities contribute local knowledge and networks more than money, so "
            "the park's capacity to coordinate the work and find funding is essential."
        ),
        "results": (
            "Commonlands has created a shared space in which ten mountain communities work with "
            "the park on the future of their territory. Residents have been involved in "
            "recognising their common heritage, and the communities have developed a joint view "
            "of priorities that none of them could have reached alone."
        ),
        "lessons": (
            "In rural areas, heritage is best approached as a whole territory rather than as "
            "single sites. Participation takes time and trust, especially where communities are "
            "small and used to deciding alone. A park or another body above the municipal level "
            "can play a useful role as a neutral facilitator between communities."
        ),
        "transferability": (
            "The approach is relevant to protected areas, rural regions and groups of small "
            "municipalities facing depopulation anywhere in Europe. Others can re-use the idea "
            "of a participatory path that treats heritage as a common good, with a body above "
            "the municipal level facilitating cooperation among communities."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Tampere",
        "country": "FI",
        "visit_starts_on": datetime.date(2021, 5, 10),
        "visit_ends_on": datetime.date(2021, 5, 12),
        "organisation": "Pirkanmaa Provincial Museum",
        "organisation_type": "heritage",
        "title": "Adopt a Monument: inclusive cultural heritage for and with the people",
        "tagline": (
            "Since 2008, Pirkanmaa Provincial Museum has let local communities adopt heritage "
            "sites and care for them under an agreement and a management plan."
        ),
        "type": "project",
        "themes": [GOVERNANCE, PARTICIPATION],
        "summary": (
            "Adopt a Monument is a programme of Pirkanmaa Provincial Museum in Tampere, running "
            "since 2008, in which local communities take care of heritage sites in their area. "
            "An association, a group of neighbours or another community adopts a site and signs "
            "an agreement with the museum. Together they draw up a management plan that sets "
            "out what the adopters will do and how the museum supports them. The programme turns "
            "residents into active stewards of heritage and gives the museum partners who look "
            "after sites it could never maintain alone. In May 2021 Tampere hosted an online "
            "peer-learning visit of Cultural Heritage in Action about the programme."
        ),
        "context": (
            "Heritage authorities and museums are responsible for more sites than they can "
            "maintain, and sites without care become overgrown or forgotten. At the same time, "
            "residents and associations often feel attached to the heritage near them and are "
            "willing to help. Adopt a Monument connects these two needs and gives community "
            "involvement a clear, agreed framework."
        ),
        "activities": (
            "- A community proposes a site it wants to adopt.\n"
            "- The community and the museum sign an adoption agreement.\n"
            "- Together they prepare a management plan for the site.\n"
            "- The adopters care for the site and organise activities there, with guidance from "
            "the museum.\n"
            "- The museum stays in contact, gives advice and follows how the plan is carried "
            "out."
        ),
        "governance": (
            "The museum remains the heritage expert, while the adopting communities take on the "
            "tasks they agreed to. The agreement and the management plan make roles clear on "
            "both sides and protect the site: adopters know what they may and may not do, and "
            "the museum knows what to expect. The arrangement is a partnership, not a way of "
            "handing over duties."
        ),
        "resources": (
            "The main resource is the voluntary work of the adopting communities. The museum "
            "provides staff time for guidance and follow-up, and expertise on how to care for "
            "each kind of site. The programme depends on the museum having people who keep in "
            "regular touch with the adopters."
        ),
        "results": (
            "Since 2008, communities have adopted heritage sites and looked after them under "
            "agreements and management plans. Sites that might otherwise be neglected are cared "
            "for and used, and residents have gained knowledge of and pride in their local "
            "heritage. Hosting a peer-learning visit in 2021 let cities and heritage "
            "organisations from across Europe learn from this long experience."
        ),
        "lessons": (
            "A written agreement and a management plan give volunteers confidence and protect "
            "the heritage. Communities stay motivated when they carry real responsibility and "
            "when the museum recognises their work. A long-running programme needs continuity: "
            "a stable contact at the museum matters a great deal."
        ),
        "transferability": (
            "The model suits any heritage authority or museum that has more sites than it can "
            "care for and communities willing to help. It can be adapted to different kinds of "
            "heritage and to urban or rural settings. Others can re-use the adoption agreement, "
            "the joint management plan and the division of roles between experts and "
            "volunteers."
        ),
        "started_on": datetime.date(2008, 1, 1),
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Rotterdam",
        "country": "NL",
        "visit_starts_on": datetime.date(2021, 5, 18),
        "visit_ends_on": datetime.date(2021, 5, 20),
        "organisation": "Rotterdam City Archives",
        "organisation_type": "heritage",
        "title": "The Rotterdam cooperation model",
        "tagline": (
            "Rotterdam's city archive and the grassroots heritage lab DIG IT UP cooperate so that "
            "communities can collect, keep and share their own heritage."
        ),
        "type": "structure",
        "themes": [GOVERNANCE, INCLUSION],
        "summary": (
            "Rotterdam's heritage lives in many communities, not only in official collections. "
            "The city archive and DIG IT UP, a grassroots heritage lab, have developed a way of "
            "cooperating that brings these worlds together. DIG IT UP works close to "
            "communities, helping them to find, record and share their own stories and heritage. "
            "The city archive contributes knowledge of collecting and preservation, and a place "
            "where community heritage can be kept for the future. The cooperation model shows "
            "how an established institution and a bottom-up initiative can strengthen each other "
            "while respecting their different roles. In May 2021 Rotterdam hosted an online "
            "peer-learning visit of Cultural Heritage in Action on this model."
        ),
        "context": (
            "Official archives have long reflected the perspectives of institutions, and of some "
            "groups more than others. Many residents do not find their history in the archive "
            "and may not trust institutions to keep it. Grassroots initiatives reach these "
            "communities but often lack the means to preserve what they collect. Rotterdam "
            "looked for a way to combine the strengths of both."
        ),
        "activities": (
            "- The archive and DIG IT UP agreed on shared goals and a division of roles.\n"
            "- DIG IT UP works with communities to collect stories, images and other heritage.\n"
            "- The archive advises on describing, digitising and preserving material.\n"
            "- Together they explore how community heritage can be kept in the archive on terms "
            "the community agrees to.\n"
            "- Both partners make the results visible to the public."
        ),
        "governance": (
            "The model rests on a partnership of equals: the grassroots lab keeps its "
            "independence and its closeness to communities, and the archive keeps its "
            "professional standards and public mandate. Clear agreements about roles, ownership "
            "and access help both sides, and the communities whose heritage is at stake keep a "
            "say in how it is used."
        ),
        "resources": (
            "The archive contributes expertise, facilities for preservation and staff time. The "
            "grassroots lab contributes its networks, the trust of communities and ways of "
            "working at neighbourhood level. A cooperation like this needs some funding for the "
            "grassroots partner, so that its work does not depend on volunteers alone."
        ),
        "results": (
            "The cooperation brings heritage held by communities closer to the archive and gives "
            "the archive new ways to reach residents. For communities, it offers recognition of "
            "their history and a way to preserve it. For the city, it is an example of how "
            "institutions can share authority over heritage."
        ),
        "lessons": (
            "Institutions gain credibility with communities by working through partners those "
            "communities already trust. Cooperation takes time and openness on both sides, and "
            "it works best when roles and expectations are discussed early. Grassroots partners "
            "need recognition and resources, not just invitations to contribute."
        ),
        "transferability": (
            "Any city archive, museum or library can enter a similar partnership with grassroots "
            "heritage initiatives. The model is particularly relevant to diverse cities whose "
            "official collections miss many histories. What transfers is the division of roles, "
            "the attention to trust and ownership, and the institution's willingness to share "
            "authority."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Budapest",
        "country": "HU",
        "visit_starts_on": datetime.date(2021, 5, 25),
        "visit_ends_on": datetime.date(2021, 5, 28),
        "organisation": "Budapest100",
        "organisation_type": "civil",
        "title": "Community building and volunteering through cultural heritage preservation",
        "tagline": (
            "Budapest100 is an open-house festival in which residents and volunteers open the "
            "doors of the city's buildings and share their stories."
        ),
        "type": "event",
        "themes": [PARTICIPATION, GOVERNANCE],
        "summary": (
            "Budapest100 is an open-house festival in Budapest. During the festival, buildings "
            "that are normally closed, many of them homes, open their doors to the public, and "
            "residents and volunteers show visitors around and share the history of the "
            "building and its people. The festival depends on volunteers, who research the "
            "buildings, help residents prepare and welcome visitors. In doing so it builds "
            "community within the houses themselves, as neighbours get to know each other and "
            "their shared heritage, and it connects the wider public with the everyday "
            "architecture of the city. In May 2021 Budapest hosted an online peer-learning visit "
            "of Cultural Heritage in Action about the festival and its volunteers."
        ),
        "context": (
            "Much of a city's heritage consists of ordinary buildings whose courtyards, "
            "staircases and stories are hidden from passers-by. Residents often know little "
            "about the history of their own house or about their neighbours. Protection alone "
            "cannot keep such buildings alive; they need residents who care about them. An "
            "open-house festival gives residents, volunteers and visitors an occasion to "
            "discover this heritage together."
        ),
        "activities": (
            "- Select the buildings that take part and invite their residents.\n"
            "- Recruit and prepare volunteers to research the history of each building.\n"
            "- Support residents in preparing the opening of their house.\n"
            "- Open the buildings to the public during the festival, with residents and "
            "volunteers as hosts.\n"
            "- Share the stories gathered, so that they remain after the festival."
        ),
        "governance": (
            "The festival is run by an organising team that coordinates a large network of "
            "volunteers and residents. Residents decide whether their house takes part and how "
            "it is presented, which makes them co-hosts rather than an audience. Cooperation "
            "with heritage professionals and local partners supports the research and the "
            "programme."
        ),
        "resources": (
            "Volunteers are the festival's main resource, and caring for them is a key task: "
            "recruiting, preparing, guiding and thanking them. The festival also needs a stable "
            "core team, ways to communicate with residents and the public, and funding for "
            "coordination and materials. Much of its value comes from time that residents and "
            "volunteers give freely."
        ),
        "results": (
            "Budapest100 opens hidden parts of the city to the public and brings neighbours "
            "together. Volunteers gain knowledge and a sense of belonging, residents discover "
            "the history of their own homes, and visitors learn to see everyday buildings as "
            "heritage worth caring for."
        ),
        "lessons": (
            "Everyday buildings and the people who live in them are a powerful way into "
            "heritage. An open-house festival is a light, recurring format that can build "
            "community over the years. Volunteers stay engaged when they have meaningful tasks, "
            "good support and a community of their own."
        ),
        "transferability": (
            "Open-house festivals can be organised in cities of any size and with any kind of "
            "building. Budapest100 adds a focus on residents and volunteers that others can "
            "re-use: research by volunteers, residents as hosts, and attention to building "
            "community within each house."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Šibenik",
        "country": "HR",
        "visit_starts_on": datetime.date(2021, 5, 31),
        "visit_ends_on": datetime.date(2021, 6, 4),
        "organisation": "Fortress of Culture Šibenik",
        "organisation_type": "heritage",
        "title": "Transforming fortresses into a cultural hotspot",
        "tagline": (
            "In Šibenik, the public institution Fortress of Culture has turned three fortresses "
            "into a cultural hotspot for residents and visitors."
        ),
        "type": "structure",
        "themes": [RE_USE, REGENERATION, QUALITY],
        "summary": (
            "Šibenik has three historic fortresses that are landmarks of the city. They are "
            "managed by a public institution, Fortress of Culture, which looks after them, "
            "programmes them and opens them to the public. The fortresses host concerts, "
            "performances, exhibitions and educational activities, turning defensive structures "
            "into a cultural hotspot for residents and visitors alike. The model links the care "
            "of heritage with a varied cultural programme and visitor services, so that the "
            "fortresses are both protected and used. In May and June 2021 Šibenik hosted an "
            "online peer-learning visit of Cultural Heritage in Action on how the fortresses "
            "were transformed."
        ),
        "context": (
            "Fortresses are large, costly structures that lost their original purpose long ago. "
            "Without a new use they decay and remain closed, even when they are landmarks of a "
            "city's identity. Šibenik needed a way to restore its fortresses, keep them in use "
            "and make them relevant to residents as well as to tourists."
        ),
        "activities": (
            "- Restored the fortresses and adapted them for cultural use and visitors.\n"
            "- Entrusted their management to a dedicated public institution, Fortress of "
            "Culture.\n"
            "- Developed a cultural programme of concerts, performances and exhibitions.\n"
            "- Created educational activities for residents and schools, and services for "
            "visitors.\n"
            "- Linked programming and visitor services so that they help sustain the sites."
        ),
        "governance": (
            "A dedicated public institution manages the three fortresses, which gives them a "
            "single, professional management with a clear mandate. The institution works with "
            "heritage authorities, cultural organisations and the tourism sector. Having one "
            "body responsible for care, programming and operations avoids the fragmentation that "
            "often leaves heritage sites underused."
        ),
        "resources": (
            "Restoring fortresses requires major investment, and running them requires a "
            "permanent team with skills in heritage, culture, events and management. A model "
            "like this depends on stable public support together with income from visitors and "
            "events, and on careful planning so that use does not damage the monuments."
        ),
        "results": (
            "The three fortresses have become a cultural hotspot of Šibenik, used for events and "
            "open to visitors. Heritage built for defence now serves culture, education and "
            "tourism, and gives residents new places to meet. The example shows how a dedicated "
            "institution can turn large monuments into living parts of a city."
        ),
        "lessons": (
            "Large monuments need a clear manager with a mandate to use them. A varied cultural "
            "programme brings people back to heritage sites and builds support for their care. "
            "Balancing tourism with local use, and use with protection, needs continuous "
            "attention."
        ),
        "transferability": (
            "The model suits cities with fortresses, castles or other large monuments that have "
            "lost their use. A dedicated public institution is one option; others can re-use the "
            "principle of single, professional management combined with a cultural programme. "
            "The conditions are investment in restoration and a long-term commitment of the "
            "public owners."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Nantes",
        "country": "FR",
        "visit_starts_on": datetime.date(2021, 6, 15),
        "visit_ends_on": datetime.date(2021, 6, 17),
        "organisation": "City of Nantes",
        "organisation_type": "local",
        "title": "Citizen participation in cultural heritage",
        "tagline": (
            "Nantes involves residents in identifying and sharing heritage, notably through "
            "Nantes Patrimonia, a collaborative heritage website."
        ),
        "type": "project",
        "themes": [GOVERNANCE, PARTICIPATION],
        "summary": (
            "Nantes involves its residents in recognising and sharing the city's heritage. At "
            "the heart of this approach is Nantes Patrimonia, a collaborative website on which "
            "residents and heritage professionals document places, buildings and memories "
            "together. Residents can point to heritage that matters to them and add stories, "
            "photographs or knowledge, and their contributions sit alongside the work of "
            "experts. This widens the idea of heritage beyond listed monuments to everyday "
            "places and personal memories, and gives residents a recognised role in defining "
            "what the city values. In June 2021 Nantes hosted an online peer-learning visit of "
            "Cultural Heritage in Action on citizen participation in cultural heritage."
        ),
        "context": (
            "Official heritage inventories record what experts select, while residents often "
            "know places and stories that those inventories miss. Nantes wanted to open heritage "
            "to its inhabitants, recognise their knowledge and strengthen their attachment to a "
            "changing city. Digital tools make it possible to collect and share contributions "
            "from many people."
        ),
        "activities": (
            "- Created Nantes Patrimonia as a shared online space for the city's heritage.\n"
            "- Invited residents to suggest places and to add stories, photographs and "
            "knowledge.\n"
            "- Had heritage professionals support and complete the contributions.\n"
            "- Connected the website with participation in the places themselves.\n"
            "- Used the contributions to enrich the city's knowledge of its heritage."
        ),
        "governance": (
            "The city steers the approach and keeps Nantes Patrimonia running, while residents "
            "act as contributors and co-authors of knowledge about heritage. Heritage "
            "professionals act as guides and editors rather than as the only experts. "
            "Associations and cultural institutions can take part too, which connects the "
            "website to the wider heritage community of the city."
        ),
        "resources": (
            "A collaborative website needs a technical platform, staff to moderate and enrich "
            "contributions, and ongoing communication to keep people contributing. The work of "
            "keeping the community of contributors active is continuous and should not be "
            "underestimated, since a website without fresh contributions soon loses its "
            "readers."
        ),
        "results": (
            "Nantes Patrimonia gathers contributions from residents and professionals that "
            "together form a richer, shared picture of the city's heritage. Residents have a "
            "visible place in documenting their city, and places and memories that official "
            "records had missed come to light."
        ),
        "lessons": (
            "Residents hold knowledge that complements expert inventories. An online platform "
            "lowers the threshold for taking part, but it works best together with activities "
            "in the places themselves. Contributors need to see that their input is valued, "
            "which calls for prompt feedback and visible use of what they share."
        ),
        "transferability": (
            "Cities of many sizes can set up a collaborative heritage website and adapt it to "
            "their languages and needs. Others can re-use the principle of residents and "
            "professionals documenting heritage together, and the combination of an online "
            "platform with participation on site. Long-term moderation and care for the "
            "community of contributors are the main conditions."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
    {
        "host": "Reggio nell'Emilia",
        "country": "IT",
        "visit_starts_on": datetime.date(2021, 6, 21),
        "visit_ends_on": datetime.date(2021, 6, 24),
        "organisation": "Municipality of Reggio Emilia",
        "organisation_type": "local",
        "title": (
            "Renovation of the San Pietro Benedictine complex: cultural enhancement and social "
            "innovation"
        ),
        "tagline": (
            "Reggio Emilia renovated the San Pietro Benedictine complex and opened it as an "
            "urban lab for culture and social innovation."
        ),
        "type": "project",
        "themes": [RE_USE, REGENERATION, INCLUSION],
        "summary": (
            "In Reggio Emilia, the San Pietro complex, a Benedictine monastery with its "
            "cloisters, has been renovated and opened to the city as an open urban lab. Its "
            "spaces host cultural activities and events together with projects in social "
            "innovation, in which public bodies, organisations, companies and residents develop "
            "new ideas and services for the city. The approach treats heritage not only as "
            "something to restore but as a resource for the community and for new ways of "
            "working together. In June 2021 Reggio Emilia hosted an online peer-learning visit "
            "of Cultural Heritage in Action on the renovation and use of the complex, focusing "
            "on cultural enhancement and social innovation."
        ),
        "context": (
            "Large historic complexes such as monasteries are difficult to use and expensive to "
            "maintain once their original function has gone. Reggio Emilia wanted the San "
            "Pietro complex to become a living part of the city rather than an empty monument, "
            "and to use it to support the city's ambitions for innovation, participation and "
            "social inclusion."
        ),
        "activities": (
            "- Renovated the Benedictine complex with respect for its historic character.\n"
            "- Defined a new role for it as an open urban lab.\n"
            "- Brought cultural activities and social innovation projects into the same "
            "spaces.\n"
            "- Opened the complex to residents, organisations and companies as partners.\n"
            "- Hosted events and collaborative projects that keep the site in daily use."
        ),
        "governance": (
            "The municipality leads the renovation and sets the direction for the new use of "
            "the complex. The open urban lab works with a network of partners, including "
            "organisations, companies and residents, who use the spaces and develop projects "
            "together. Shared use spreads the responsibility for keeping the complex alive "
            "beyond the municipality."
        ),
        "resources": (
            "Renovating a large monastic complex requires substantial investment and careful "
            "conservation work. Running an open urban lab requires a team able to programme "
            "culture, support partners and manage the spaces, and a model that combines public "
            "funding with the contributions of the partners who use the complex."
        ),
        "results": (
            "The San Pietro complex has been renovated and given a new life as a place for "
            "culture and social innovation. Residents and organisations have gained a shared "
            "space in the city, and the complex shows how heritage can host new activities that "
            "serve the community."
        ),
        "lessons": (
            "Adaptive re-use works best when the new function is defined together with future "
            "users. Mixing culture with social innovation brings different people into a "
            "heritage site and keeps it in use. Quality in restoration and openness in "
            "management go hand in hand."
        ),
        "transferability": (
            "Many cities own former monasteries, convents, barracks or hospitals that need a new "
            "purpose. The idea of an open urban lab that combines culture and social innovation "
            "can be adapted to such buildings. The conditions are investment in renovation, a "
            "team to run the lab, and partners willing to use the spaces."
        ),
        "started_on": None,
        "links": "",
        "willing_to_host": True,
        "language": "en",
    },
]

# ---------------------------------------------------------------------------------------------
# Building blocks for generated (made-up) practices
# ---------------------------------------------------------------------------------------------

# What the practice is about; written to follow "the".
SUBJECTS = (
    "former textile mill",
    "Roman aqueduct",
    "wooden churches",
    "industrial harbour",
    "Jewish quarter",
    "Art Nouveau facades",
    "mining landscape",
    "medieval town walls",
    "disused railway station",
    "paper mill",
    "fishing village",
    "Baroque monastery",
    "modernist housing estate",
    "watermills along the river",
    "tobacco factory",
    "port warehouses",
    "castle ruins",
    "covered market hall",
    "shipyard cranes",
    "fortified church",
    "salt works",
    "brick kilns",
    "Cold War bunkers",
    "workers' colony",
    "spa pavilions",
    "stone bridge",
    "timber-frame houses",
    "former sugar refinery",
    "lighthouse and harbour front",
    "river harbour",
    "socialist-era cinema",
    "former village school",
    "Roman villa",
    "vineyard terraces",
    "canal locks",
    "tram depot",
    "synagogue",
    "Hanseatic merchant houses",
    "windmills",
    "former slaughterhouse",
    "village churches",
    "garden city",
)

# (approach, how it works, the type of practice it most often is); approaches read without
# an article so they fit any title template.
APPROACHES = (
    ("participatory budgeting",
     "residents decide by vote how part of the heritage budget is spent", "policy"),
    ("volunteer stewardship",
     "trained volunteers look after the site and open it to visitors", "structure"),
    ("digital storytelling",
     "residents record stories, photos and films that are shared online and on site",
     "project"),
    ("adaptive re-use",
     "empty spaces get new uses chosen together with the neighbourhood", "project"),
    ("heritage walks with newcomers",
     "newcomers and long-time residents explore the area together and swap stories", "event"),
    ("school partnerships",
     "local schools use the site for lessons and pupils help to research its history",
     "project"),
    ("co-management agreements",
     "the municipality and a residents' association share management under a written "
     "agreement", "structure"),
    ("meanwhile uses",
     "temporary uses test new activities before a lasting plan is made", "project"),
    ("crowdfunding with residents",
     "residents and local businesses fund repairs through a public campaign", "project"),
    ("craft apprenticeships",
     "young people learn traditional building crafts by working on the site", "project"),
    ("open-house weekends",
     "owners and residents open normally closed doors to the public once a year", "event"),
    ("oral history circles",
     "older residents share memories in small groups and volunteers record them", "project"),
    ("citizen science",
     "residents help survey and monitor the condition of the heritage", "project"),
    ("small grants for owners",
     "owners receive modest grants and advice for careful repairs", "policy"),
    ("artist residencies",
     "artists live and work on site and create new work with residents", "project"),
    ("a community land trust",
     "a trust owned by residents holds the property for the long term", "structure"),
    ("digital archiving with residents",
     "residents bring photos and documents to be scanned into a shared digital archive",
     "project"),
    ("tax relief for careful restoration",
     "owners who restore with traditional methods pay less local property tax", "policy"),
    ("heritage-led planning rules",
     "the local plan protects the character of the area and guides new building", "policy"),
    ("intergenerational workshops",
     "young and older residents work together on hands-on heritage activities", "event"),
    ("a neighbourhood heritage festival",
     "a yearly festival of tours, music and food celebrates the local heritage", "event"),
    ("a social enterprise operator",
     "a social enterprise runs the building and reinvests its income in the community",
     "structure"),
    ("volunteer-led guided tours",
     "volunteer guides show residents and visitors around the site", "event"),
    ("repair workshops for old houses",
     "owners learn to maintain historic houses with traditional materials", "event"),
    ("a heritage advisory council",
     "residents, owners and experts advise the city council on heritage decisions",
     "structure"),
)  # fmt: skip

SETTLEMENTS = {
    "small": ("small town", "rural municipality", "market town", "village community"),
    "medium": ("medium-sized town", "river town", "regional centre", "former industrial town"),
    "large": ("city", "university city", "port city", "regional capital"),
    "metropolis": ("metropolitan city", "capital city", "district of a capital city"),
}

# Title templates; {Approach} is the approach with a capital letter.
TITLE_TEMPLATES = (
    "{Approach} for the {subject}",
    "The {subject}: {approach} in a {settlement}",
    "Bringing the {subject} back to life with {approach}",
    "{Approach} around the {subject}",
    "Caring for the {subject} through {approach}",
    "A new future for the {subject}: {approach}",
    "From neglect to use: {approach} at the {subject}",
    "Whose heritage? {Approach} and the {subject}",
    "Living with the {subject}: {approach} in a {settlement}",
)

TAGLINE_TEMPLATES = (
    "A {settlement} uses {approach} to {goal} the {subject}.",
    "How a {settlement} and its residents {goal} the {subject} through {approach}.",
    "With {approach}, a {settlement} sets out to {goal} the {subject}.",
)

GOALS = (
    "revive",
    "open up",
    "look after",
    "give a future to",
    "rediscover",
    "share the stories of",
    "protect and use",
)

PROBLEMS = (
    "The {subject} had been neglected for years and had slowly fallen into disrepair.",
    "Few residents knew the history of the {subject}, which played little part in local life.",
    "Maintenance costs for the {subject} were rising while the municipal budget was shrinking.",
    "Protected on paper, the {subject} had long been closed to the public.",
    "Pressure for redevelopment threatened the character of the {subject} and its surroundings.",
    "The history of the {subject} touches on a difficult past that the community had long "
    "avoided discussing.",
    "Young people and newcomers felt little connection to the {subject}.",
    "Responsibility for the {subject} was split between several owners and departments.",
)

AMBITIONS = (
    "The municipality wanted residents to take part in deciding what happens next.",
    "Local associations asked the city for a say in the decisions.",
    "The aim was to find new uses without losing the character of the place.",
    "The challenge was to find a use that serves the neighbourhood as well as visitors.",
)

FIRST_STEPS = (
    "Mapped the {subject}, its owners, users and neighbours.",
    "Surveyed the condition of the {subject} with heritage specialists.",
    "Held an open meeting with residents about the future of the {subject}.",
    "Collected existing knowledge about the {subject} from archives and residents.",
)

LATER_STEPS = (
    "Trained a first group of volunteers and staff.",
    "Invited local schools to join with their pupils.",
    "Ran a pilot year and adjusted the approach with the participants.",
    "Presented the first results at a public event.",
    "Wrote down roles and responsibilities in a short agreement.",
    "Evaluated the work with the partners and planned the next steps.",
)

GOVERNANCE_LINES = (
    "The municipality leads, with a steering group of residents, owners and heritage experts "
    "that meets a few times a year.",
    "A local association runs the day-to-day work under an agreement with the municipality.",
    "The regional heritage office advises on all physical interventions.",
    "A foundation set up for the purpose owns the site; the municipality and residents sit on "
    "its board.",
    "A university partner documents the process and helps to evaluate it.",
    "Decisions are prepared in open meetings and taken jointly by the partners.",
)

RESOURCE_LINES = (
    "The annual budget is about EUR {budget}, mostly from the municipal culture budget.",
    "One staff member works on the practice part-time, supported by volunteers.",
    "Start-up costs were covered by a regional heritage grant; the partners share running costs.",
    "Much of the work is done by volunteers; the municipality pays for materials, insurance "
    "and training.",
    "A small crowdfunding campaign paid for the first repairs.",
    "Partners contribute rooms, equipment and staff time rather than money.",
)

RESULT_LINES = (
    "About {volunteers} volunteers now take part regularly.",
    "The public can visit the {subject} again at weekends and for events.",
    "Several hundred residents took part in activities in the first year.",
    "Local schools now use the site for lessons.",
    "The approach has been written into the municipal cultural strategy.",
    "Visitor numbers have grown steadily without harming the site.",
    "Participants report a stronger sense of belonging to their neighbourhood.",
    "Two neighbouring municipalities have started similar work.",
    "Stories and images collected along the way are now shared in a digital archive.",
)

LESSON_LINES = (
    "Start small and let the practice grow with the people who carry it.",
    "Volunteers stay when they have real responsibility and are thanked for their work.",
    "Involve owners early; their support decides whether anything happens.",
    "A written agreement avoids misunderstandings between the city and residents.",
    "Heritage specialists and residents learn most when they work side by side.",
    "Keep communication simple and report back on what was done with people's ideas.",
    "Digital tools help, but meeting in person at the site builds trust.",
)

TRANSFER_LINES = (
    "The approach works in any {settlement} with a similar heritage site and an active community.",
    "Others can re-use the agreement templates, the volunteer training and the pilot-year format.",
    "The main condition is a municipality willing to share decisions with residents.",
    "It transfers best where a local association or school can act as a partner.",
    "Larger cities can run the approach in several neighbourhoods at once.",
)

VOLUNTEER_COUNTS = (10, 15, 20, 30, 40, 50)
BUDGETS = ("10,000", "20,000", "30,000", "50,000", "80,000", "100,000")

# (ISO code, weight): EU members mostly, some neighbours (all in places.countries).
COUNTRY_WEIGHTS = (
    ("DE", 8), ("FR", 8), ("IT", 8), ("ES", 7), ("PL", 6), ("NL", 4), ("BE", 4), ("PT", 4),
    ("RO", 4), ("CZ", 3), ("GR", 3), ("HU", 3), ("SE", 3), ("AT", 3), ("BG", 2), ("DK", 2),
    ("FI", 2), ("SK", 2), ("IE", 2), ("HR", 2), ("LT", 2), ("SI", 2), ("LV", 1), ("EE", 1),
    ("CY", 1), ("LU", 1), ("MT", 1),
    ("GB", 4), ("NO", 2), ("UA", 2), ("MD", 1), ("RS", 1), ("AL", 1), ("TR", 1),
)  # fmt: skip

FIRST_START = datetime.date(2005, 1, 1)
LAST_START = datetime.date(2024, 12, 31)


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _picks(rng: random.Random, lines: tuple[str, ...], k: int, **words: object) -> list[str]:
    return [line.format(**words) for line in rng.sample(lines, k)]


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _title(rng: random.Random, words: dict, seen: set[str]) -> str:
    """A title not in seen; re-draws subject, approach and template until it is new."""
    for _attempt in range(200):
        template = rng.choice(TITLE_TEMPLATES)
        title = template.format(**words, Approach=_capitalised(words["approach"]))
        if title not in seen:
            seen.add(title)
            return title
        words["subject"] = rng.choice(SUBJECTS)
        words["approach"], words["how"], words["usual_type"] = rng.choice(APPROACHES)
    raise ValueError("Ran out of distinct titles; ask for fewer generated practices.")


def _words(rng: random.Random, size_hint: str) -> dict:
    approach, how, usual_type = rng.choice(APPROACHES)
    return {
        "subject": rng.choice(SUBJECTS),
        "approach": approach,
        "how": how,
        "usual_type": usual_type,
        "settlement": rng.choice(SETTLEMENTS[size_hint]),
        "goal": rng.choice(GOALS),
        "volunteers": rng.choice(VOLUNTEER_COUNTS),
        "budget": rng.choice(BUDGETS),
    }


def _texts(rng: random.Random, words: dict) -> dict:
    """The Markdown text fields of one made-up practice."""
    problems = _picks(rng, PROBLEMS, 3, **words)
    steps = [
        rng.choice(FIRST_STEPS).format(**words),
        f"Introduced {words['approach']}: {words['how']}.",
        *_picks(rng, LATER_STEPS, 2, **words),
    ]
    results = _picks(rng, RESULT_LINES, 3, **words)
    summary = (
        f"{DEMO_SENTENCE} {problems[0]} To change this, a {words['settlement']} and its local "
        f"partners turned to {words['approach']}: {words['how']}. {results[0]}"
    )
    return {
        "summary": summary,
        "context": " ".join([*problems[1:], rng.choice(AMBITIONS)]),
        "activities": _bullets(steps),
        "governance": " ".join(_picks(rng, GOVERNANCE_LINES, 2, **words)),
        "resources": " ".join(_picks(rng, RESOURCE_LINES, 2, **words)),
        "results": " ".join(results),
        "lessons": " ".join(_picks(rng, LESSON_LINES, 2, **words)),
        "transferability": " ".join(_picks(rng, TRANSFER_LINES, 2, **words)),
    }


def _size_hints(rng: random.Random, count: int) -> list[str]:
    """count size hints in the proportions of SIZE_WEIGHTS (per cent), in random order."""
    hints = [
        hint
        for hint, weight in zip(SIZE_HINTS, SIZE_WEIGHTS, strict=True)
        for _ in range(round(count * weight / 100))
    ][:count]
    hints += rng.choices(SIZE_HINTS, weights=SIZE_WEIGHTS, k=count - len(hints))
    rng.shuffle(hints)
    return hints


def _practice(rng: random.Random, seen: set[str], size_hint: str) -> dict:
    words = _words(rng, size_hint)
    title = _title(rng, words, seen)
    tagline = _capitalised(rng.choice(TAGLINE_TEMPLATES).format(**words))
    practice_type = words["usual_type"] if rng.random() < 0.5 else rng.choice(PRACTICE_TYPES)
    themes = rng.sample(THEMES, rng.choice((1, 2, 2, 3)))
    started_on = FIRST_START + datetime.timedelta(
        days=rng.randint(0, (LAST_START - FIRST_START).days)
    )
    codes, weights = zip(*COUNTRY_WEIGHTS, strict=True)
    return {
        "title": title,
        "tagline": tagline,
        "type": practice_type,
        "themes": themes,
        **_texts(rng, words),
        "started_on": started_on,
        "links": "",
        "willing_to_host": rng.random() < 0.3,
        "language": "en",
        "size_hint": size_hint,
        "country_hint": rng.choices(codes, weights=weights)[0],
    }


def generated_practices(*, count: int = 300, seed: int = 2021) -> list[dict]:
    """count made-up practices, the same ones for the same seed, with distinct titles."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    seen: set[str] = set()
    return [_practice(rng, seen, size_hint) for size_hint in _size_hints(rng, count)]
