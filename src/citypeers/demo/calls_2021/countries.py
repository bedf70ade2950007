"""The countries of the demo's 2021 applicants, with their places, people's names and bodies.

Only data, in the compact text format described below; `applicants` reads it.
"""

# One block a country: a first line "code applicants template | languages spoken | authority",
# then "key: value" lines (a value may go on, indented, on the next lines). The template is the
# language of organisation names built from the pools below; the first language spoken is the
# most common; the authority is the local authority's name, "{}" being the place's local name.
# Places are "GeoNames name|local name|authority", the later parts only when they differ from
# the GeoNames name and the pattern; surnames "male/female" when they differ; regional and
# national bodies and universities "name@GeoNames place".
#
# More applicants from the larger countries and from those where the programme was best known.
COUNTRY_BLOCKS = [
    """
        AT 8 de | de | Stadt {}
        places: Vienna|Wien; Graz; Linz; Salzburg; Innsbruck; Klagenfurt am Wörthersee; Villach;
            Wels; Sankt Pölten|St. Pölten; Dornbirn; Steyr; Feldkirch; Bregenz; Wolfsberg; Baden
        women: Anna, Katharina, Elisabeth, Theresa, Sabine, Verena
        men: Florian, Lukas, Markus, Stefan, Georg, Emir
        surnames: Gruber, Huber, Bauer, Wagner, Pichler, Steiner, Moser, Hofer, Leitner, Berger,
            Hodžić
        regional: Land Tirol@Innsbruck; Land Salzburg@Salzburg; Land Steiermark@Graz
        national: Bundesdenkmalamt@Vienna
        universities: Universität Wien@Vienna; Universität Graz@Graz; Universität
            Innsbruck@Innsbruck; Universität Salzburg@Salzburg
    """,
    """
        BE 7 nl | nl fr | Stad {}
        places: Antwerp|Antwerpen; Gent; Brugge; Leuven; Mechelen; Hasselt; Aalst; Ieper; Genk;
            Sint-Niklaas; Turnhout; Lier; Tienen
        women: Lotte, Sofie, Els, Marieke, An, Amina
        men: Pieter, Wouter, Jeroen, Bram, Koen, Yassine
        surnames: Peeters, Janssens, Maes, Claes, Vandenberghe, De Smet, Willems, Goossens,
            Wouters, El Idrissi
        regional: Provincie West-Vlaanderen@Brugge; Provincie Limburg@Hasselt; Provincie
            Antwerpen@Antwerp
        national: Agentschap Onroerend Erfgoed@Brussels
        universities: Universiteit Gent@Gent; KU Leuven@Leuven; Universiteit Antwerpen@Antwerp;
            Universiteit Hasselt@Hasselt
    """,
    """
        BE 5 fr | fr nl | Ville de {}
        places: Brussels|Bruxelles; Liège; Charleroi; Namur; Mons; Tournai; Arlon||Ville d'Arlon;
            Verviers; Seraing; La Louvière
        women: Camille, Marie, Nathalie, Julie, Sarah
        men: Julien, Olivier, Mehdi, Laurent, Thibault
        surnames: Dubois, Lambert, Dupont, Martin, Simon, Leclercq, Lejeune, Renard, Hermans
        regional: Province de Namur@Namur; Province de Liège@Liège
        universities: Université de Liège@Liège; Université libre de Bruxelles@Brussels;
            Université de Namur@Namur; Université de Mons@Mons
    """,
    """
        BG 8 en | bg | Municipality of {}
        places: Sofia; Plovdiv; Varna; Burgas; Ruse; Stara Zagora; Veliko Tŭrnovo|Veliko Tarnovo;
            Gabrovo; Blagoevgrad; Shumen; Smolyan; Kazanlak; Lovech; Sliven
        women: Maria, Elena, Desislava, Ivelina, Radostina, Gergana
        men: Georgi, Dimitar, Ivan, Nikolay, Stoyan, Kaloyan
        surnames: Ivanov/Ivanova, Petrov/Petrova, Georgiev/Georgieva, Dimitrov/Dimitrova,
            Stoyanov/Stoyanova, Nikolov/Nikolova, Todorov/Todorova, Angelov/Angelova
        regional: Plovdiv Regional Administration@Plovdiv; Varna Regional Administration@Varna
        national: National Institute for Immovable Cultural Heritage@Sofia
        universities: Sofia University St. Kliment Ohridski@Sofia; University of Plovdiv Paisii
            Hilendarski@Plovdiv
    """,
    """
        CY 5 en | el en | {} Municipality
        places: Nicosia; Limassol; Larnaca; Paphos; Stróvolos|Strovolos; Aglantziá|Aglandjia
        women: Andri, Eleni, Christina, Despo, Maria
        men: Andreas, Christos, Nikos, Marios, Panayiotis
        surnames: Georgiou, Charalambous, Constantinou, Ioannou, Christodoulou, Nicolaou, Kyriakou
        national: Department of Antiquities@Nicosia
        universities: University of Cyprus@Nicosia; Cyprus University of Technology@Limassol
    """,
    """
        CZ 8 en | cs | Město {}
        places: Prague|Praha|Hlavní město Praha; Brno||Statutární město Brno; Ostrava;
            Pilsen|Plzeň; Olomouc; Liberec; České Budějovice; Hradec Králové; Jihlava; Kutná Hora;
            Třebíč; Tábor; Písek
        women: Jana, Lucie, Tereza, Kateřina, Petra, Veronika
        men: Jan, Tomáš, Petr, Martin, Jakub, Ondřej
        surnames: Novák/Nováková, Svoboda/Svobodová, Dvořák/Dvořáková, Černý/Černá,
            Procházka/Procházková, Kučera/Kučerová, Veselý/Veselá, Horák/Horáková
        regional: Jihomoravský kraj@Brno; Olomoucký kraj@Olomouc
        national: Národní památkový ústav@Prague
        universities: Univerzita Karlova@Prague; Masarykova univerzita@Brno; Univerzita Palackého
            v Olomouci@Olomouc
    """,
    """
        DE 23 de | de | Stadt {}
        places: Berlin||Land Berlin; Hamburg||Freie und Hansestadt Hamburg;
            Munich|München|Landeshauptstadt München; Köln; Leipzig; Dresden; Nuremberg|Nürnberg;
            Bremen; Hannover; Görlitz; Weimar; Quedlinburg; Regensburg; Lübeck; Erfurt; Bamberg;
            Halle (Saale); Chemnitz; Freiburg|Freiburg im Breisgau; Marburg an der Lahn|Marburg;
            Wismar; Goslar; Trier; Bochum; Oberhausen
        women: Katrin, Anna, Miriam, Sabine, Julia, Lena, Ayşe, Friederike
        men: Jan, Tobias, Michael, Florian, Stefan, Deniz, Matthias, Sebastian
        surnames: Müller, Schmidt, Schneider, Fischer, Weber, Becker, Hoffmann, Schäfer, Koch,
            Richter, Öztürk, Wolf, Krause, Neumann, Zimmermann
        regional: Landschaftsverband Rheinland@Köln; Bezirk Oberbayern@Munich; Regionalverband
            Ruhr@Essen; Landkreis Görlitz@Görlitz
        national: Deutsches Nationalkomitee für Denkmalschutz@Berlin
        universities: Humboldt-Universität zu Berlin@Berlin; Universität Hamburg@Hamburg;
            Bauhaus-Universität Weimar@Weimar; Otto-Friedrich-Universität Bamberg@Bamberg;
            Technische Universität Dresden@Dresden; Universität Leipzig@Leipzig; Brandenburgische
            Technische Universität Cottbus-Senftenberg@Cottbus
    """,
    """
        DK 5 en | da | {} Kommune
        places: Copenhagen|København|Københavns Kommune; Århus|Aarhus; Odense; Aalborg; Vejle;
            Horsens; Helsingør; Roskilde; Esbjerg
        women: Mette, Sofie, Line, Camilla, Ida
        men: Rasmus, Mads, Søren, Anders, Jens
        surnames: Jensen, Nielsen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen
        regional: Region Midtjylland@Viborg; Region Syddanmark@Vejle
        national: Slots- og Kulturstyrelsen@Copenhagen
        universities: Københavns Universitet@Copenhagen; Aarhus Universitet@Århus; Aalborg
            Universitet@Aalborg
    """,
    """
        EE 4 en | et ru | {} linnavalitsus
        places: Tallinn||Tallinna Linnavalitsus; Tartu; Pärnu; Narva; Viljandi
        women: Kadri, Liis, Triin, Kersti, Maarja
        men: Andres, Tõnu, Mart, Rasmus, Priit
        surnames: Tamm, Saar, Sepp, Mägi, Kask, Kukk, Rebane
        national: Muinsuskaitseamet@Tallinn
        universities: University of Tartu@Tartu; Tallinn University@Tallinn
    """,
    """
        ES 30 es | es | Ayuntamiento de {}
        places: Madrid; Barcelona||Ajuntament de Barcelona; Valencia; Sevilla; Bilbao; Málaga;
            Zaragoza; Granada; Córdoba; Salamanca; Cáceres; Toledo; Cuenca; Mérida; Teruel;
            Huesca; Girona||Ajuntament de Girona; Santiago de Compostela; Lugo; Segovia; Ávila;
            Jaén; Úbeda; Ronda; Logroño; Soria; Gasteiz / Vitoria|Vitoria-Gasteiz; Pamplona
        women: Lucía, María, Carmen, Laura, Marta, Nerea, Ainhoa, Montserrat, Rocío
        men: Javier, Pablo, Jordi, Alejandro, Iker, Sergio, David, Xabier, Antonio
        surnames: García, Martínez, López, Sánchez, Fernández, Romero, Navarro, Torres, Gil,
            Serra, Etxeberria, Castro, Ortega, Molina, Vidal, Rubio
        regional: Junta de Andalucía@Sevilla; Generalitat de Catalunya@Barcelona; Xunta de
            Galicia@Santiago de Compostela; Diputación Provincial de Huesca@Huesca; Junta de
            Castilla y León@Valladolid; Gobierno de Navarra@Pamplona
        national: Instituto del Patrimonio Cultural de España@Madrid
        universities: Universidad de Granada@Granada; Universidad de Salamanca@Salamanca;
            Universitat de Barcelona@Barcelona; Universidad de Sevilla@Sevilla; Universidade de
            Santiago de Compostela@Santiago de Compostela; Universitat Politècnica de
            València@Valencia
    """,
    """
        FI 7 en | fi sv | City of {}
        places: Helsinki; Espoo; Turku; Oulu; Jyväskylä; Lahti; Kuopio; Porvoo; Rauma; Savonlinna;
            Hämeenlinna; Rovaniemi
        women: Aino, Laura, Kaisa, Johanna, Elina, Maria
        men: Mikko, Juha, Antti, Jussi, Ville, Ahmed
        surnames: Korhonen, Virtanen, Mäkinen, Nieminen, Heikkinen, Koskinen, Laine, Lindholm
        regional: Helsinki-Uusimaa Regional Council@Helsinki; Regional Council of
            Lapland@Rovaniemi; Regional Council of Southwest Finland@Turku
        national: Finnish Heritage Agency@Helsinki
        universities: University of Helsinki@Helsinki; Aalto University@Espoo; University of
            Turku@Turku; University of Jyväskylä@Jyväskylä
    """,
    """
        FR 23 fr | fr | Ville de {}
        places: Paris; Marseille; Lyon; Toulouse; Lille; Bordeaux; Strasbourg; Rennes;
            Montpellier; Saint-Étienne; Rouen; Dijon; Besançon; Metz; Avignon; Arles; Bayonne;
            Chambéry; Albi; Roubaix; Angoulême; Colmar; Saint-Denis; Villeurbanne; Cahors
        women: Camille, Claire, Élodie, Nathalie, Sophie, Inès, Manon, Aurélie
        men: Julien, Nicolas, Thomas, Antoine, Karim, Mathieu, Guillaume, Yann
        surnames: Martin, Bernard, Dubois, Moreau, Laurent, Lefèvre, Girard, Mercier, Benali,
            Rousseau, Fontaine, Le Goff, Perrin, Nguyen
        regional: Région Occitanie@Toulouse; Région Bretagne@Rennes; Département du Nord@Lille;
            Région Grand Est@Strasbourg; Département de la Gironde@Bordeaux
        national: Direction régionale des affaires culturelles Auvergne-Rhône-Alpes@Lyon
        universities: Université Lumière Lyon 2@Lyon; Université de Bordeaux@Bordeaux; Université
            Rennes 2@Rennes; Université de Strasbourg@Strasbourg; Aix-Marseille
            Université@Marseille; Université de Lille@Lille
    """,
    """
        GB 12 en | en | {} City Council
        places: Glasgow; Manchester; Liverpool; Bristol; Leeds; Newcastle upon Tyne; Edinburgh;
            Cardiff||Cardiff Council; Belfast; York; Bath||Bath and North East Somerset Council;
            Hastings||Hastings Borough Council; Stirling||Stirling Council; Falkirk||Falkirk
            Council; Lancaster; Whitehaven||Copeland Borough Council
        women: Sarah, Emma, Rachel, Priya, Fiona, Gwen, Catriona
        men: James, David, Tom, Rhys, Callum, Omar, Alistair
        surnames: Smith, Jones, Taylor, Brown, Williams, Wilson, Evans, Patel, MacDonald, Khan,
            Robertson
        regional: Greater Manchester Combined Authority@Manchester; West Midlands Combined
            Authority@Birmingham; The Highland Council@Inverness
        national: Historic Environment Scotland@Edinburgh
        universities: University of Glasgow@Glasgow; University of Stirling@Stirling; University
            of Leeds@Leeds; Newcastle University@Newcastle upon Tyne; University of York@York;
            Cardiff University@Cardiff
    """,
    """
        GR 16 en | el | Municipality of {}
        places: Athens; Thessaloníki|Thessaloniki; Pátra|Patras; Irákleion|Heraklion;
            Lárisa|Larissa; Volos; Ioánnina|Ioannina; Chaniá|Chania; Kavála|Kavala; Corfu;
            Rethymno; Xánthi|Xanthi; Kalamata; Tríkala|Trikala; Dráma|Drama
        women: Maria, Eleni, Katerina, Sofia, Dimitra, Georgia
        men: Giorgos, Dimitris, Kostas, Nikos, Yannis, Stavros
        surnames: Papadopoulos/Papadopoulou, Georgiou, Nikolaidis/Nikolaidou, Papadakis/Papadaki,
            Vlachos/Vlachou, Oikonomou, Karagiannis/Karagianni, Alexiou
        regional: Region of Crete@Irákleion; Region of Central Macedonia@Thessaloníki; Region of
            the Ionian Islands@Corfu
        national: Hellenic Ministry of Culture and Sports@Athens
        universities: Aristotle University of Thessaloniki@Thessaloníki; National Technical
            University of Athens@Athens; University of Patras@Pátra; University of Crete@Rethymno;
            University of Thessaly@Volos
    """,
    """
        HR 9 en | hr | Grad {}
        places: Zagreb; Split; Rijeka; Osijek; Zadar; Pula; Dubrovnik; Varaždin; Karlovac; Sisak;
            Vukovar
        women: Ana, Ivana, Marija, Petra, Maja
        men: Ivan, Marko, Luka, Tomislav, Josip
        surnames: Horvat, Kovačević, Babić, Marić, Jurić, Novak, Knežević, Perić
        regional: Split-Dalmatia County@Split; Istria County@Pula; Dubrovnik-Neretva
            County@Dubrovnik
        national: Ministry of Culture and Media@Zagreb
        universities: University of Zagreb@Zagreb; University of Split@Split; University of
            Zadar@Zadar
    """,
    """
        HU 9 en | hu | Municipality of {}
        places: Debrecen; Szeged; Miskolc; Pécs; Győr; Eger; Sopron; Kecskemét; Veszprém;
            Szentendre; Székesfehérvár; Esztergom; Gödöllő
        women: Eszter, Katalin, Zsófia, Réka, Anna
        men: Gábor, László, Péter, Balázs, Zoltán
        surnames: Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár
        regional: Baranya County Assembly@Pécs; Hajdú-Bihar County Assembly@Debrecen
        universities: Eötvös Loránd University@Budapest; University of Pécs@Pécs; University of
            Debrecen@Debrecen; University of Szeged@Szeged
    """,
    """
        IE 8 en | en ga | {} City Council
        places: Dublin; Cork; Limerick||Limerick City and County Council; Galway;
            Waterford||Waterford City and County Council; Drogheda||Louth County Council;
            Swords||Fingal County Council; Ennis||Clare County Council; Tralee||Kerry County
            Council; Navan||Meath County Council
        women: Aoife, Siobhán, Niamh, Sinéad, Mary
        men: Seán, Ciarán, Declan, Patrick, Eoin
        surnames: Murphy, Kelly, O'Sullivan, Walsh, Byrne, Ryan, O'Brien, Doyle
        regional: Southern Regional Assembly@Waterford; Eastern and Midland Regional
            Assembly@Dublin
        national: Heritage Council@Kilkenny
        universities: Trinity College Dublin@Dublin; University College Cork@Cork; National
            University of Ireland, Galway@Galway; University of Limerick@Limerick
    """,
    """
        IT 32 it | it | Comune di {}
        places: Rome|Roma|Roma Capitale; Milan|Milano; Naples|Napoli; Turin|Torino; Bologna;
            Florence|Firenze; Bari; Genoa|Genova; Palermo; Verona; Matera; Lecce; Mantua|Mantova;
            Ravenna; Trento; Bergamo; Perugia; Siena; Cagliari; Ferrara; Pisa; Lucca; Cremona;
            Bolzano; Udine; Ascoli Piceno; Pistoia; Spoleto; Viterbo; Sulmona; Brindisi;
            Agrigento; Noto; Alba
        women: Giulia, Francesca, Chiara, Sara, Valentina, Elena, Martina, Federica
        men: Marco, Luca, Alessandro, Andrea, Matteo, Giuseppe, Lorenzo, Davide
        surnames: Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco,
            Bruno, Gallo, Conti, De Luca, Lombardi, Moretti
        regional: Regione Emilia-Romagna@Bologna; Regione Puglia@Bari; Regione Toscana@Florence;
            Provincia autonoma di Trento@Trento; Regione Piemonte@Turin
        national: Ministero per i beni e le attività culturali e per il turismo@Rome
        universities: Università di Bologna@Bologna; Politecnico di Milano@Milan; Università degli
            Studi di Napoli Federico II@Naples; Politecnico di Torino@Turin; Università degli
            Studi di Firenze@Florence; Università Ca' Foscari Venezia@Venice; Università degli
            Studi di Padova@Padua; Università del Salento@Lecce; Università di Pisa@Pisa
    """,
    """
        LT 5 en | lt ru | {} City Municipality
        places: Vilnius; Kaunas; Klaipėda; Šiauliai; Panevėžys; Alytus
        women: Rūta, Jurgita, Eglė, Ieva, Lina
        men: Tomas, Mindaugas, Darius, Andrius, Paulius
        surnames: Kazlauskas/Kazlauskienė, Jankauskas/Jankauskienė, Petrauskas/Petrauskienė,
            Stankevičius/Stankevičienė, Vasiliauskas/Vasiliauskienė
        national: Department of Cultural Heritage@Vilnius
        universities: Vilnius University@Vilnius; Kaunas University of Technology@Kaunas; Klaipėda
            University@Klaipėda
    """,
    """
        LU 3 fr | lb fr de | Ville de {}
        places: Luxembourg; Esch-sur-Alzette||Ville d'Esch-sur-Alzette; Dudelange
        women: Anne, Claudine, Martine, Sandra
        men: Marc, Luc, Pol, Gilles
        surnames: Schmit, Muller, Weber, Hoffmann, Wagner, Thill, Reuter
        universities: Université du Luxembourg@Esch-sur-Alzette
    """,
    """
        LV 4 en | lv ru | {} City Council
        places: Riga; Daugavpils; Liepāja; Jelgava; Valmiera; Ventspils
        women: Ilze, Anna, Līga, Kristīne, Inese
        men: Jānis, Andris, Mārtiņš, Edgars, Raimonds
        surnames: Bērziņš/Bērziņa, Kalniņš/Kalniņa, Ozoliņš/Ozoliņa, Jansons/Jansone,
            Liepiņš/Liepiņa, Krūmiņš/Krūmiņa
        regional: Vidzeme Planning Region@Valmiera
        national: National Heritage Board of Latvia@Riga
        universities: University of Latvia@Riga; Riga Technical University@Riga
    """,
    """
        MT 4 en | mt en | {} Local Council
        places: Birkirkara; Sliema; Mosta; Qormi; Żabbar; San Pawl il-Baħar
        women: Maria, Roberta, Claire, Daniela
        men: Joseph, Mark, Kurt, Etienne
        surnames: Borg, Camilleri, Vella, Farrugia, Zammit, Galea
    """,
    """
        NL 11 nl | nl | Gemeente {}
        places: Amsterdam; Utrecht; The Hague|Den Haag; Eindhoven; Groningen; Leiden; Haarlem;
            Maastricht; Zwolle; Deventer; Dordrecht; Delft; Leeuwarden; Tilburg; Kampen; Zutphen
        women: Anouk, Sanne, Femke, Marieke, Lisa, Naima
        men: Jeroen, Bas, Thijs, Daan, Mohamed, Joost
        surnames: de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, Bouali,
            van Dijk
        regional: Provincie Noord-Brabant@'s-Hertogenbosch; Provincie Gelderland@Arnhem; Provincie
            Groningen@Groningen
        national: Rijksdienst voor het Cultureel Erfgoed@Amersfoort
        universities: Universiteit Leiden@Leiden; Universiteit Utrecht@Utrecht; Rijksuniversiteit
            Groningen@Groningen; Technische Universiteit Delft@Delft; Maastricht
            University@Maastricht; Vrije Universiteit Amsterdam@Amsterdam
    """,
    """
        PL 14 en | pl | Gmina Miejska {}
        places: Warsaw|Warszawa|Miasto Stołeczne Warszawa; Kraków; Wrocław; Gdańsk; Łódź; Poznań;
            Lublin; Katowice; Toruń; Zamość; Sandomierz; Gniezno; Tarnów; Opole; Bytom; Elbląg;
            Cieszyn; Chełmno; Przemyśl
        women: Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Aleksandra
        men: Piotr, Tomasz, Paweł, Michał, Krzysztof, Bartosz
        surnames: Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kamiński/Kamińska,
            Lewandowski/Lewandowska, Zieliński/Zielińska, Mazur, Krawczyk
        regional: Urząd Marszałkowski Województwa Małopolskiego@Kraków; Urząd Marszałkowski
            Województwa Pomorskiego@Gdańsk; Urząd Marszałkowski Województwa Lubelskiego@Lublin
        national: Narodowy Instytut Dziedzictwa@Warsaw
        universities: Uniwersytet Jagielloński@Kraków; Uniwersytet Warszawski@Warsaw; Uniwersytet
            Mikołaja Kopernika w Toruniu@Toruń; Politechnika Gdańska@Gdańsk; Uniwersytet
            Wrocławski@Wrocław
    """,
    """
        PT 15 pt | pt | Câmara Municipal de {}
        places: Lisbon|Lisboa; Porto||Câmara Municipal do Porto; Braga; Coimbra; Évora; Guimarães;
            Aveiro; Viseu; Faro; Setúbal; Tomar; Funchal||Câmara Municipal do Funchal; Ponta
            Delgada; Amadora; Leiria
        women: Ana, Inês, Mariana, Catarina, Joana, Rita
        men: João, Pedro, Miguel, Tiago, Rui, Nuno
        surnames: Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa,
            Almeida
        regional: Comissão de Coordenação e Desenvolvimento Regional do Norte@Porto; Comissão de
            Coordenação e Desenvolvimento Regional do Alentejo@Évora; Governo Regional dos
            Açores@Ponta Delgada
        national: Direção-Geral do Património Cultural@Lisbon
        universities: Universidade de Coimbra@Coimbra; Universidade do Porto@Porto; Universidade
            de Lisboa@Lisbon; Universidade do Minho@Braga; Universidade de Évora@Évora
    """,
    """
        RO 12 en | ro | Primăria Municipiului {}
        places: Bucharest|București; Cluj-Napoca; Iaşi|Iași; Timişoara|Timișoara; Braşov|Brașov;
            Sibiu; Oradea; Constanţa|Constanța; Sighișoara; Mediaş|Mediaș; Alba Iulia; Târgu
            Mureş|Târgu Mureș; Craiova; Suceava; Bistriţa|Bistrița
        women: Ioana, Andreea, Elena, Cristina, Mihaela, Ana
        men: Andrei, Mihai, Alexandru, Bogdan, Radu, Tudor
        surnames: Popescu, Ionescu, Popa, Constantin, Stan, Dumitrescu, Munteanu, Moldovan, Szabó
        regional: Consiliul Județean Cluj@Cluj-Napoca; Consiliul Județean Sibiu@Sibiu; Consiliul
            Județean Iași@Iaşi
        national: Institutul Național al Patrimoniului@Bucharest
        universities: Universitatea Babeș-Bolyai@Cluj-Napoca; Universitatea de Arhitectură și
            Urbanism Ion Mincu@Bucharest; Universitatea Alexandru Ioan Cuza@Iaşi; Universitatea
            Lucian Blaga@Sibiu
    """,
    """
        SE 7 en | sv | {} kommun
        places: Stockholm||Stockholms stad; Gothenburg|Göteborg|Göteborgs Stad; Malmö||Malmö stad;
            Uppsala; Umeå; Lund||Lunds kommun; Västerås||Västerås stad; Örebro; Falun; Kalmar;
            Visby||Region Gotland
        women: Anna, Maria, Elin, Karin, Sara, Amira
        men: Erik, Johan, Anders, Lars, Oskar
        surnames: Andersson, Johansson, Karlsson, Nilsson, Eriksson, Lindqvist, Bergström, Sjöberg
        regional: Region Västra Götaland@Gothenburg; Region Skåne@Malmö
        national: Riksantikvarieämbetet@Stockholm
        universities: Uppsala universitet@Uppsala; Lunds universitet@Lund; Göteborgs
            universitet@Gothenburg; Umeå universitet@Umeå; Stockholms universitet@Stockholm
    """,
    """
        SI 6 en | sl | Mestna občina {}
        places: Ljubljana; Maribor; Celje; Kranj; Koper; Novo Mesto|Novo mesto; Velenje; Ptuj
        women: Maja, Mojca, Nina, Petra, Tina
        men: Matej, Luka, Rok, Gregor, Jure
        surnames: Novak, Horvat, Krajnc, Kovačič, Zupančič, Potočnik, Kos
        national: Institute for the Protection of Cultural Heritage of Slovenia@Ljubljana
        universities: Univerza v Ljubljani@Ljubljana; Univerza v Mariboru@Maribor; Univerza na
            Primorskem@Koper
    """,
    """
        SK 6 en | sk hu | Mesto {}
        places: Bratislava||Hlavné mesto SR Bratislava; Košice; Prešov; Žilina; Nitra; Banská
            Bystrica; Trnava; Trenčín; Bardejov; Kežmarok
        women: Zuzana, Katarína, Lucia, Martina, Jana
        men: Peter, Martin, Michal, Ján, Tomáš
        surnames: Horváth/Horváthová, Kováč/Kováčová, Varga/Vargová, Tóth/Tóthová, Nagy/Nagyová,
            Baláž/Balážová
        regional: Košický samosprávny kraj@Košice; Žilinský samosprávny kraj@Žilina
        national: Pamiatkový úrad Slovenskej republiky@Bratislava
        universities: Univerzita Komenského v Bratislave@Bratislava; Slovenská technická
            univerzita v Bratislave@Bratislava; Univerzita Mateja Bela@Banská Bystrica
    """,
]
