"""The demo's closed 2021 participant call: about 300 applicants, reviews and a published
selection whose waiting lists have moved.

One seeded generator draws everything, so every load makes the same people with the same
answers and scores, whatever the date. Applications, scores and their audit entries are
written in bulk, as `application_save` and `scores_save` would have written them but without
the e-mails those send (nobody is told about 2021 today); reviewers are assigned, the
selection run and its decisions published and answered through the services themselves. Times
are those of early 2021, audit entries included.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from citypeers.calls.decisions import decision_respond, decisions_publish
from citypeers.calls.models import (
    Application,
    Call,
    Criterion,
    Outcome,
    Preference,
    Question,
    ReviewAssignment,
    Score,
    SelectionRun,
)
from citypeers.calls.review import assign_reviewers
from citypeers.calls.selection import selection_execute, selection_start
from citypeers.core.models import AuditEntry
from citypeers.people.models import Organisation, User
from citypeers.places.countries import EU_MEMBERS
from citypeers.places.models import Place
from citypeers.programmes.models import Membership, Role

CLOSED_CALL_SLUG = "heritage-in-action-2021-participants"
SEED = 2021
BRUSSELS = ZoneInfo("Europe/Brussels")
OPENS_AT = datetime.datetime(2021, 1, 11, 9, 0, tzinfo=BRUSSELS)
CLOSES_AT = datetime.datetime(2021, 2, 8, 23, 59, tzinfo=BRUSSELS)
REVIEWS_FROM = datetime.datetime(2021, 2, 9, 10, 0, tzinfo=BRUSSELS)
SELECTED_ON = datetime.datetime(2021, 2, 19, 15, 0, tzinfo=BRUSSELS)
PUBLISHED_ON = datetime.date(2021, 2, 22)
# The days people answered: most within two days, those offered a freed place a bit later.
ANSWER_DAYS = [datetime.date(2021, 2, 24), datetime.date(2021, 2, 26), datetime.date(2021, 3, 1)]
DECLINES = 10  # of the people first selected
CAPACITY, MAX_PER_COUNTRY, MIN_SMALL_MEDIUM, MIN_CIVIL_SOCIETY = 24, 3, 0.3, 0.1

DESCRIPTION = """\
Cultural Heritage in Action invites people who work with heritage in cities and regions to \
join **ten online peer-learning visits** between March and June 2021. Each visit is hosted by \
a city or region whose practice was chosen for the programme's catalogue.

A visit runs over three to five consecutive days, for at most two hours a day, so that it fits \
beside a working week. About 24 participants meet the host's team, see the practice through a \
virtual tour and work on their own questions in small groups: a peer review clinic, a world \
café, a transfer lab.

## What we ask of participants

- to attend every session of the visit they are selected for;
- to bring a challenge from their own city or region and discuss it openly with peers;
- after the visit, to write a short plan for using what they learnt, and to answer a \
follow-up survey six months later.

Taking part is free; the sessions are in English.

## How participants are chosen

Two of the programme's three reviewers read each application and score it on four criteria: \
how well the learning needs fit the visit, the experience the applicant can share, how clearly \
the local challenge is put and how likely the learning is to be used at home. Places then go \
by score and by the order of the visits chosen, with at most three participants from one \
country on each visit and at least 30% from small or medium-sized cities, so that every group \
mixes places of different sizes from across Europe. Those not selected at once may be offered \
a place freed by someone who declines.

## Timeline

- **8 February 2021, 23:59 (Brussels time)**: the call closes.
- **22 February 2021**: every applicant hears the outcome.
- Within a week: the people selected confirm their place.
"""

ELIGIBILITY = (
    "People working for local or regional authorities, national administrations, "
    "cultural-heritage organisations, civil-society organisations or universities in one of "
    "the 27 EU Member States or the United Kingdom. Several people from one organisation may "
    "apply, each for themselves."
)

QUESTIONS = [
    (
        Question.Kind.SINGLE_CHOICE,
        "Has your organisation taken part in a European city network or exchange before?",
        ["Yes, leading it", "Yes, as a partner", "No, this would be the first time"],
    ),
    (
        Question.Kind.YES_NO,
        "Can you attend every session of the visit you rank first?",
        [],
    ),
]

CRITERIA = [
    (
        "Fit with the visit",
        "The learning needs match what the host's practice can teach.",
        3,
    ),
    (
        "Experience to share",
        "The applicant brings experience other participants can learn from.",
        2,
    ),
    (
        "The local challenge",
        "The challenge is concrete and could be worked on in a peer review clinic.",
        2,
    ),
    (
        "Use at home",
        "The applicant is placed to use what they learn in their organisation.",
        3,
    ),
]

REVIEWERS = [("reviewer-2@example.org", "Marta Kowalczyk"), ("reviewer-3@example.org", "Jonas Lindqvist")]
REVIEWER_BIAS = [0.0, -0.45, 0.35]  # reviewer@ is fair; one is strict, one generous


@dataclass(frozen=True)
class Country:
    code: str
    applicants: int
    template: str  # the language of organisation names built from templates
    languages: tuple[str, ...]  # spoken, the first most often
    authority: str  # the local authority's name, "{}" being the place's local name
    places: tuple[tuple[str, str, str], ...]  # GeoNames name, local name, authority
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[tuple[str, str], ...]  # male and female forms
    regional: tuple[tuple[str, str], ...]  # name, GeoNames place
    national: tuple[tuple[str, str], ...]


def _country(code, applicants, template, languages, authority, places, women, men, surnames,
             regional="", national="") -> Country:  # fmt: skip
    """A country's row, written compactly: lists split on ";" (places) or "," (names)."""

    def place(text: str) -> tuple[str, str, str]:
        geonames, local, name = ([*text.strip().split("|"), "", ""])[:3]
        return geonames, local or geonames, name or authority.format(local or geonames)

    def surname(text: str) -> tuple[str, str]:
        male, _, female = text.strip().partition("/")
        return male, female or male

    def bodies(text: str) -> tuple[tuple[str, str], ...]:
        return tuple(tuple(item.strip().split("@")) for item in text.split(";") if item.strip())

    return Country(
        code=code,
        applicants=applicants,
        template=template,
        languages=tuple(languages.split()),
        authority=authority,
        places=tuple(place(item) for item in places.split(";")),
        women=tuple(name.strip() for name in women.split(",")),
        men=tuple(name.strip() for name in men.split(",")),
        surnames=tuple(surname(item) for item in surnames.split(",")),
        regional=bodies(regional),
        national=bodies(national),
    )


# More applicants from the larger countries and from those where the programme was best known.
COUNTRIES = [
    _country(
        "AT", 8, "de", "de", "Stadt {}",
        "Vienna|Wien; Graz; Linz; Salzburg; Innsbruck; Klagenfurt|Klagenfurt am Wörthersee; "
        "Villach; Wels; Sankt Pölten|St. Pölten; Dornbirn; Steyr; Krems an der Donau; Feldkirch; "
        "Leoben; Wolfsberg; Baden",
        "Anna, Katharina, Elisabeth, Theresa, Sabine, Verena",
        "Florian, Lukas, Markus, Stefan, Georg, Emir",
        "Gruber, Huber, Bauer, Wagner, Pichler, Steiner, Moser, Hofer, Leitner, Berger, Hodžić",
        "Land Tirol@Innsbruck; Land Salzburg@Salzburg; Land Steiermark@Graz",
        "Bundesdenkmalamt@Vienna",
    ),
    _country(
        "BE", 7, "nl", "nl fr", "Stad {}",
        "Antwerpen; Gent; Brugge; Leuven; Mechelen; Hasselt; Aalst; Ypres|Ieper; Genk; "
        "Sint-Niklaas; Turnhout; Lier; Tienen",
        "Lotte, Sofie, Els, Marieke, An, Amina",
        "Pieter, Wouter, Jeroen, Bram, Koen, Yassine",
        "Peeters, Janssens, Maes, Claes, Vandenberghe, De Smet, Willems, Goossens, Wouters, "
        "El Idrissi",
        "Provincie West-Vlaanderen@Brugge; Provincie Limburg@Hasselt; Provincie Antwerpen@Antwerpen",
        "Agentschap Onroerend Erfgoed@Brussels",
    ),
    _country(
        "BE", 5, "fr", "fr nl", "Ville de {}",
        "Brussels|Bruxelles; Liège; Charleroi; Namur; Mons; Tournai; Arlon|Arlon|Ville d'Arlon; "
        "Verviers; Seraing; La Louvière",
        "Camille, Marie, Nathalie, Julie, Sarah",
        "Julien, Olivier, Mehdi, Laurent, Thibault",
        "Dubois, Lambert, Dupont, Martin, Simon, Leclercq, Lejeune, Renard, Hermans",
        "Province de Namur@Namur; Province de Liège@Liège",
    ),
    _country(
        "BG", 8, "en", "bg", "Municipality of {}",
        "Sofia; Plovdiv; Varna; Burgas; Ruse; Stara Zagora; Veliko Tarnovo; Gabrovo; Blagoevgrad; "
        "Shumen; Smolyan; Kazanlak; Lovech; Sliven",
        "Maria, Elena, Desislava, Ivelina, Radostina, Gergana",
        "Georgi, Dimitar, Ivan, Nikolay, Stoyan, Kaloyan",
        "Ivanov/Ivanova, Petrov/Petrova, Georgiev/Georgieva, Dimitrov/Dimitrova, "
        "Stoyanov/Stoyanova, Nikolov/Nikolova, Todorov/Todorova, Angelov/Angelova",
        "Plovdiv Regional Administration@Plovdiv; Varna Regional Administration@Varna",
        "National Institute for Immovable Cultural Heritage@Sofia",
    ),
    _country(
        "CY", 5, "en", "el en", "{} Municipality",
        "Nicosia; Limassol; Larnaca; Paphos; Stróvolos|Strovolos; Aglantziá|Aglandjia",
        "Andri, Eleni, Christina, Despo, Maria",
        "Andreas, Christos, Nikos, Marios, Panayiotis",
        "Georgiou, Charalambous, Constantinou, Ioannou, Christodoulou, Nicolaou, Kyriakou",
        "",
        "Department of Antiquities@Nicosia",
    ),
    _country(
        "CZ", 8, "en", "cs", "Město {}",
        "Prague|Praha|Hlavní město Praha; Brno|Brno|Statutární město Brno; Ostrava; Plzeň; "
        "Olomouc; Liberec; České Budějovice; Hradec Králové; Jihlava; Kutná Hora; Třebíč; Tábor; "
        "Písek",
        "Jana, Lucie, Tereza, Kateřina, Petra, Veronika",
        "Jan, Tomáš, Petr, Martin, Jakub, Ondřej",
        "Novák/Nováková, Svoboda/Svobodová, Dvořák/Dvořáková, Černý/Černá, "
        "Procházka/Procházková, Kučera/Kučerová, Veselý/Veselá, Horák/Horáková",
        "Jihomoravský kraj@Brno; Olomoucký kraj@Olomouc",
        "Národní památkový ústav@Prague",
    ),
    _country(
        "DE", 23, "de", "de", "Stadt {}",
        "Berlin|Berlin|Land Berlin; Hamburg|Hamburg|Freie und Hansestadt Hamburg; "
        "Munich|München|Landeshauptstadt München; Köln; Leipzig; Dresden; Nuremberg|Nürnberg; "
        "Bremen; Hannover; Görlitz; Weimar; Quedlinburg; Regensburg; Lübeck; Erfurt; Bamberg; "
        "Halle (Saale)|Halle (Saale); Chemnitz; Freiburg|Freiburg im Breisgau; Marburg; "
        "Wismar; Goslar; Trier; Bochum; Oberhausen",
        "Katrin, Anna, Miriam, Sabine, Julia, Lena, Ayşe, Friederike",
        "Jan, Tobias, Michael, Florian, Stefan, Deniz, Matthias, Sebastian",
        "Müller, Schmidt, Schneider, Fischer, Weber, Becker, Hoffmann, Schäfer, Koch, Richter, "
        "Yılmaz, Wolf, Krause, Neumann, Zimmermann",
        "Landschaftsverband Rheinland@Köln; Bezirk Oberbayern@Munich; Regionalverband Ruhr@Essen; "
        "Landkreis Görlitz@Görlitz",
        "Deutsches Nationalkomitee für Denkmalschutz@Berlin",
    ),
    _country(
        "DK", 5, "en", "da", "{} Kommune",
        "Copenhagen|København|Københavns Kommune; Aarhus; Odense; Aalborg; Vejle; Horsens; "
        "Helsingør; Roskilde; Esbjerg",
        "Mette, Sofie, Line, Camilla, Ida",
        "Rasmus, Mads, Søren, Anders, Jens",
        "Jensen, Nielsen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen",
        "Region Midtjylland@Viborg; Region Syddanmark@Vejle",
        "Slots- og Kulturstyrelsen@Copenhagen",
    ),
    _country(
        "EE", 4, "en", "et ru", "{} linnavalitsus",
        "Tallinn|Tallinn|Tallinna Linnavalitsus; Tartu; Pärnu; Narva; Viljandi",
        "Kadri, Liis, Triin, Kersti, Maarja",
        "Andres, Tõnu, Mart, Rasmus, Priit",
        "Tamm, Saar, Sepp, Mägi, Kask, Kukk, Rebane",
        "",
        "Muinsuskaitseamet@Tallinn",
    ),
    _country(
        "ES", 30, "es", "es", "Ayuntamiento de {}",
        "Madrid; Barcelona|Barcelona|Ajuntament de Barcelona; Valencia; Sevilla; Bilbao; Málaga; "
        "Zaragoza; Granada; Córdoba; Salamanca; Cáceres; Toledo; Cuenca; Mérida; Teruel; Huesca; "
        "Girona|Girona|Ajuntament de Girona; Santiago de Compostela; Lugo; Segovia; Ávila; Jaén; "
        "Úbeda; Ronda; Logroño; Soria; Vitoria-Gasteiz; Pamplona",
        "Lucía, María, Carmen, Laura, Marta, Nerea, Ainhoa, Montserrat, Rocío",
        "Javier, Pablo, Jordi, Alejandro, Iker, Sergio, David, Xabier, Antonio",
        "García, Martínez, López, Sánchez, Fernández, Romero, Navarro, Torres, Gil, Serra, "
        "Etxeberria, Castro, Ortega, Molina, Vidal, Rubio",
        "Junta de Andalucía@Sevilla; Generalitat de Catalunya@Barcelona; "
        "Xunta de Galicia@Santiago de Compostela; Diputación Provincial de Huesca@Huesca; "
        "Junta de Castilla y León@Valladolid; Gobierno de Navarra@Pamplona",
        "Instituto del Patrimonio Cultural de España@Madrid",
    ),
    _country(
        "FI", 7, "en", "fi sv", "City of {}",
        "Helsinki; Espoo; Turku; Oulu; Jyväskylä; Lahti; Kuopio; Porvoo; Rauma; Savonlinna; "
        "Hämeenlinna; Rovaniemi",
        "Aino, Laura, Kaisa, Johanna, Elina, Maria",
        "Mikko, Juha, Antti, Jussi, Ville, Ahmed",
        "Korhonen, Virtanen, Mäkinen, Nieminen, Heikkinen, Koskinen, Laine, Lindholm",
        "Helsinki-Uusimaa Regional Council@Helsinki; Regional Council of Lapland@Rovaniemi; "
        "Regional Council of Southwest Finland@Turku",
        "Finnish Heritage Agency@Helsinki",
    ),
    _country(
        "FR", 23, "fr", "fr", "Ville de {}",
        "Paris; Marseille; Lyon; Toulouse; Lille; Bordeaux; Strasbourg; Rennes; Montpellier; "
        "Saint-Étienne; Rouen; Dijon; Besançon; Metz; Avignon; Arles; Bayonne; Chambéry; Albi; "
        "Roubaix; Angoulême; Colmar; Saint-Denis; Villeurbanne; Cahors",
        "Camille, Claire, Élodie, Nathalie, Sophie, Inès, Manon, Aurélie",
        "Julien, Nicolas, Thomas, Antoine, Karim, Mathieu, Guillaume, Yann",
        "Martin, Bernard, Dubois, Moreau, Laurent, Lefèvre, Girard, Mercier, Benali, Rousseau, "
        "Fontaine, Le Goff, Perrin, Nguyen",
        "Région Occitanie@Toulouse; Région Bretagne@Rennes; Département du Nord@Lille; "
        "Région Grand Est@Strasbourg; Département de la Gironde@Bordeaux",
        "Direction régionale des affaires culturelles Auvergne-Rhône-Alpes@Lyon",
    ),
    _country(
        "GB", 12, "en", "en", "{} City Council",
        "Glasgow; Manchester; Liverpool; Bristol; Leeds; Newcastle upon Tyne; Edinburgh; "
        "Cardiff|Cardiff|Cardiff Council; Belfast; York; Bath|Bath|Bath and North East Somerset "
        "Council; Hastings|Hastings|Hastings Borough Council; Stirling|Stirling|Stirling Council; "
        "Falkirk|Falkirk|Falkirk Council; Lancaster; Whitby|Whitby|Scarborough Borough Council",
        "Sarah, Emma, Rachel, Priya, Fiona, Gwen, Catriona",
        "James, David, Tom, Rhys, Callum, Omar, Alistair",
        "Smith, Jones, Taylor, Brown, Williams, Wilson, Evans, Patel, MacDonald, Khan, Robertson",
        "Greater Manchester Combined Authority@Manchester; "
        "West Midlands Combined Authority@Birmingham; The Highland Council@Inverness",
        "Historic Environment Scotland@Edinburgh",
    ),
    _country(
        "GR", 16, "en", "el", "Municipality of {}",
        "Athens; Thessaloníki|Thessaloniki; Pátra|Patras; Irákleion|Heraklion; Lárisa|Larissa; "
        "Volos; Ioánnina|Ioannina; Chaniá|Chania; Kavála|Kavala; Corfu; Rethymno; Náfplio|Nafplio; "
        "Xánthi|Xanthi; Kalamáta|Kalamata; Tríkala|Trikala; Drama",
        "Maria, Eleni, Katerina, Sofia, Dimitra, Georgia",
        "Giorgos, Dimitris, Kostas, Nikos, Yannis, Stavros",
        "Papadopoulos/Papadopoulou, Georgiou/Georgiou, Nikolaidis/Nikolaidou, "
        "Papadakis/Papadaki, Vlachos/Vlachou, Oikonomou/Oikonomou, Karagiannis/Karagianni, "
        "Alexiou/Alexiou",
        "Region of Crete@Irákleion; Region of Central Macedonia@Thessaloníki; "
        "Region of the Ionian Islands@Corfu",
        "Hellenic Ministry of Culture and Sports@Athens",
    ),
    _country(
        "HR", 9, "en", "hr", "Grad {}",
        "Zagreb; Split; Rijeka; Osijek; Zadar; Pula; Dubrovnik; Varaždin; Karlovac; Sisak; "
        "Vukovar",
        "Ana, Ivana, Marija, Petra, Maja",
        "Ivan, Marko, Luka, Tomislav, Josip",
        "Horvat, Kovačević, Babić, Marić, Jurić, Novak, Knežević, Perić",
        "Split-Dalmatia County@Split; Istria County@Pula; Dubrovnik-Neretva County@Dubrovnik",
        "Ministry of Culture and Media@Zagreb",
    ),
    _country(
        "HU", 9, "en", "hu", "Municipality of {}",
        "Debrecen; Szeged; Miskolc; Pécs; Győr; Eger; Sopron; Kecskemét; Veszprém; Szentendre; "
        "Székesfehérvár; Kőszeg|Kőszeg",
        "Eszter, Katalin, Zsófia, Réka, Anna",
        "Gábor, László, Péter, Balázs, Zoltán",
        "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár",
        "Baranya County Assembly@Pécs; Hajdú-Bihar County Assembly@Debrecen",
    ),
    _country(
        "IE", 8, "en", "en ga", "{} City Council",
        "Dublin; Cork; Limerick|Limerick|Limerick City and County Council; Galway; "
        "Waterford|Waterford|Waterford City and County Council; Drogheda|Drogheda|Louth County "
        "Council; Swords|Swords|Fingal County Council; Ennis|Ennis|Clare County Council; "
        "Tralee|Tralee|Kerry County Council; Navan|Navan|Meath County Council",
        "Aoife, Siobhán, Niamh, Sinéad, Mary",
        "Seán, Ciarán, Declan, Patrick, Eoin",
        "Murphy, Kelly, O'Sullivan, Walsh, Byrne, Ryan, O'Brien, Doyle",
        "Southern Regional Assembly@Waterford; Eastern and Midland Regional Assembly@Dublin",
        "Heritage Council@Kilkenny",
    ),
    _country(
        "IT", 32, "it", "it", "Comune di {}",
        "Rome|Roma|Roma Capitale; Milan|Milano; Naples|Napoli; Turin|Torino; Bologna; "
        "Florence|Firenze; Bari; Genoa|Genova; Palermo; Verona; Matera; Lecce; Mantova; Ravenna; "
        "Trento; Bergamo; Perugia; Siena; Cagliari; Ferrara; Pisa; Lucca; Cremona; Bolzano; "
        "Udine; Ascoli Piceno; Pistoia; Gubbio; Viterbo; Urbino; Brindisi; Agrigento",
        "Giulia, Francesca, Chiara, Sara, Valentina, Elena, Martina, Federica",
        "Marco, Luca, Alessandro, Andrea, Matteo, Giuseppe, Lorenzo, Davide",
        "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, "
        "Gallo, Conti, De Luca, Lombardi, Moretti",
        "Regione Emilia-Romagna@Bologna; Regione Puglia@Bari; Regione Toscana@Florence; "
        "Provincia autonoma di Trento@Trento; Regione Piemonte@Turin",
        "Ministero per i beni e le attività culturali e per il turismo@Rome",
    ),
    _country(
        "LT", 5, "en", "lt ru", "{} City Municipality",
        "Vilnius; Kaunas; Klaipėda; Šiauliai; Panevėžys; Alytus",
        "Rūta, Jurgita, Eglė, Ieva, Lina",
        "Tomas, Mindaugas, Darius, Andrius, Paulius",
        "Kazlauskas/Kazlauskienė, Jankauskas/Jankauskienė, Petrauskas/Petrauskienė, "
        "Stankevičius/Stankevičienė, Vasiliauskas/Vasiliauskienė",
        "",
        "Department of Cultural Heritage@Vilnius",
    ),
    _country(
        "LU", 3, "fr", "lb fr de", "Ville de {}",
        "Luxembourg; Esch-sur-Alzette|Esch-sur-Alzette|Ville d'Esch-sur-Alzette; Dudelange",
        "Anne, Claudine, Martine, Sandra",
        "Marc, Luc, Pol, Gilles",
        "Schmit, Muller, Weber, Hoffmann, Wagner, Thill, Reuter",
    ),
    _country(
        "LV", 4, "en", "lv ru", "{} City Council",
        "Riga; Daugavpils; Liepāja; Jelgava; Valmiera; Ventspils",
        "Ilze, Anna, Līga, Kristīne, Inese",
        "Jānis, Andris, Mārtiņš, Edgars, Raimonds",
        "Bērziņš/Bērziņa, Kalniņš/Kalniņa, Ozoliņš/Ozoliņa, Jansons/Jansone, "
        "Liepiņš/Liepiņa, Krūmiņš/Krūmiņa",
        "Vidzeme Planning Region@Valmiera",
        "National Heritage Board of Latvia@Riga",
    ),
    _country(
        "MT", 4, "en", "mt en", "{} Local Council",
        "Birkirkara; Sliema; Mosta; Qormi; Żabbar; San Pawl il-Baħar",
        "Maria, Roberta, Claire, Daniela",
        "Joseph, Mark, Kurt, Etienne",
        "Borg, Camilleri, Vella, Farrugia, Zammit, Galea",
    ),
    _country(
        "NL", 11, "nl", "nl", "Gemeente {}",
        "Amsterdam; Utrecht; The Hague|Den Haag; Eindhoven; Groningen; Leiden; Haarlem; "
        "Maastricht; Zwolle; Deventer; Dordrecht; Delft; Leeuwarden; Tilburg",
        "Anouk, Sanne, Femke, Marieke, Lisa, Naima",
        "Jeroen, Bas, Thijs, Daan, Mohamed, Joost",
        "de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, Bouali, van Dijk",
        "Provincie Noord-Brabant@'s-Hertogenbosch; Provincie Gelderland@Arnhem; "
        "Provincie Groningen@Groningen",
        "Rijksdienst voor het Cultureel Erfgoed@Amersfoort",
    ),
    _country(
        "PL", 14, "en", "pl", "Gmina Miejska {}",
        "Warsaw|Warszawa|Miasto Stołeczne Warszawa; Kraków; Wrocław; Gdańsk; Łódź; Poznań; "
        "Lublin; Katowice; Toruń; Zamość; Sandomierz; Gniezno; Tarnów; Opole; Bytom; Elbląg",
        "Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Aleksandra",
        "Piotr, Tomasz, Paweł, Michał, Krzysztof, Bartosz",
        "Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kamiński/Kamińska, "
        "Lewandowski/Lewandowska, Zieliński/Zielińska, Mazur, Krawczyk",
        "Urząd Marszałkowski Województwa Małopolskiego@Kraków; "
        "Urząd Marszałkowski Województwa Pomorskiego@Gdańsk; "
        "Urząd Marszałkowski Województwa Lubelskiego@Lublin",
        "Narodowy Instytut Dziedzictwa@Warsaw",
    ),
    _country(
        "PT", 15, "pt", "pt", "Câmara Municipal de {}",
        "Lisbon|Lisboa; Porto|Porto|Câmara Municipal do Porto; Braga; Coimbra; Évora; Guimarães; "
        "Aveiro; Viseu; Faro; Setúbal; Tomar; Funchal|Funchal|Câmara Municipal do Funchal; "
        "Ponta Delgada; Amadora; Leiria",
        "Ana, Inês, Mariana, Catarina, Joana, Rita",
        "João, Pedro, Miguel, Tiago, Rui, Nuno",
        "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Almeida",
        "Comissão de Coordenação e Desenvolvimento Regional do Norte@Porto; "
        "Comissão de Coordenação e Desenvolvimento Regional do Alentejo@Évora; "
        "Governo Regional dos Açores@Ponta Delgada",
        "Direção-Geral do Património Cultural@Lisbon",
    ),
    _country(
        "RO", 12, "en", "ro", "Primăria Municipiului {}",
        "Bucharest|București; Cluj-Napoca; Iaşi|Iași; Timişoara|Timișoara; Braşov|Brașov; Sibiu; "
        "Oradea; Constanţa|Constanța; Sighişoara|Sighișoara; Alba Iulia; Târgu Mureş|Târgu Mureș; "
        "Craiova; Suceava; Bistriţa|Bistrița",
        "Ioana, Andreea, Elena, Cristina, Mihaela, Ana",
        "Andrei, Mihai, Alexandru, Bogdan, Radu, Tudor",
        "Popescu, Ionescu, Popa, Constantin, Stan, Dumitrescu, Munteanu, Moldovan, Szabó",
        "Consiliul Județean Cluj@Cluj-Napoca; Consiliul Județean Sibiu@Sibiu; "
        "Consiliul Județean Iași@Iaşi",
        "Institutul Național al Patrimoniului@Bucharest",
    ),
    _country(
        "SE", 7, "en", "sv", "{} kommun",
        "Stockholm|Stockholm|Stockholms stad; Gothenburg|Göteborg|Göteborgs Stad; "
        "Malmö|Malmö|Malmö stad; Uppsala; Umeå; Lund|Lund|Lunds kommun; "
        "Västerås|Västerås|Västerås stad; Örebro; Falun; Kalmar; Visby|Visby|Region Gotland",
        "Anna, Maria, Elin, Karin, Sara, Amira",
        "Erik, Johan, Anders, Lars, Oskar",
        "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Lindqvist, Bergström, Sjöberg",
        "Region Västra Götaland@Gothenburg; Region Skåne@Malmö",
        "Riksantikvarieämbetet@Stockholm",
    ),
    _country(
        "SI", 6, "en", "sl", "Mestna občina {}",
        "Ljubljana; Maribor; Celje; Kranj; Koper|Koper|Mestna občina Koper; Novo Mesto|Novo mesto; "
        "Velenje; Ptuj",
        "Maja, Mojca, Nina, Petra, Tina",
        "Matej, Luka, Rok, Gregor, Jure",
        "Novak, Horvat, Krajnc, Kovačič, Zupančič, Potočnik, Kos",
        "",
        "Institute for the Protection of Cultural Heritage of Slovenia@Ljubljana",
    ),
    _country(
        "SK", 6, "en", "sk hu", "Mesto {}",
        "Bratislava|Bratislava|Hlavné mesto SR Bratislava; Košice; Prešov; Žilina; Nitra; "
        "Banská Bystrica; Trnava; Trenčín; Banská Štiavnica",
        "Zuzana, Katarína, Lucia, Martina, Jana",
        "Peter, Martin, Michal, Ján, Tomáš",
        "Horváth/Horváthová, Kováč/Kováčová, Varga/Vargová, Tóth/Tóthová, Nagy/Nagyová, "
        "Baláž/Balážová",
        "Košický samosprávny kraj@Košice; Žilinský samosprávny kraj@Žilina",
        "Pamiatkový úrad Slovenskej republiky@Bratislava",
    ),
]
