"""Demo news of the programme: press releases, announcements and progress reports from 2017 to the present.

Facts (names, partners, reported dates and figures) follow public reports about "herzlich digital"; the wording is
ours, and every detail beyond those reports is a demo value. Each body ends with a note saying which.

A publication date is either a `datetime.date` or an int: that many days from `today` (negative for the past), so the
demo always has fresh reports, one scheduled item and one draft whenever it is loaded.
"""

import datetime

from django.db import transaction
from django.utils import translation

from news.models import NewsItem
from projects.models import Project

from .programme import BERLIN, REFERAT_DIGITAL

PROGRESS_REPORT = NewsItem.Kind.PROGRESS_REPORT
PRESS_RELEASE = NewsItem.Kind.PRESS_RELEASE
ANNOUNCEMENT = NewsItem.Kind.ANNOUNCEMENT

PRESS_OFFICE = "Pressestelle der Stadt Kaiserslautern"
KL_DIGITAL = "KL.digital GmbH"

NOTES = {
    # The item retells publicly reported facts only.
    "reported": (
        "*Demo-Inhalt: Beispielmeldung auf Grundlage öffentlicher Berichte, keine amtliche Mitteilung der Stadt.*",
        "*Demo content: a sample news item based on public reports, not an official statement by the city.*",
    ),
    # The item adds figures, dates or details of its own.
    "sample": (
        "*Demo-Inhalt: Zahlen, Termine und Einzelheiten dieser Meldung sind Beispielwerte, keine amtlichen Angaben.*",
        "*Demo content: figures, dates and details in this item are sample values, not official figures.*",
    ),
}

NEWS = [
    {
        "slug": "wettbewerb-digitale-stadt-finale",
        "kind": PRESS_RELEASE,
        "published": datetime.date(2017, 6, 12),
        "time": datetime.time(15, 0),
        "author": PRESS_OFFICE,
        "projects": [],
        "note": "reported",
        "title_de": "Wettbewerb „Digitale Stadt“: Kaiserslautern unter den letzten fünf",
        "title_en": "“Digital City” Competition: Kaiserslautern Makes the Final Five",
        "teaser_de": (
            "Darmstadt gewinnt den Wettbewerb von Bitkom und Deutschem Städte- und Gemeindebund. Kaiserslautern hat "
            "es mit dem Konzept „herzlich-digitale Stadt“ unter 14 Bewerbern bis ins Finale geschafft und will seine "
            "Ideen nun aus eigener Kraft umsetzen."
        ),
        "teaser_en": (
            "Darmstadt has won the competition run by Bitkom and the German Association of Towns and Municipalities. "
            "Kaiserslautern's “herzlich-digitale Stadt” concept made the final five out of 14 applicants, and the "
            "city plans to move ahead with its ideas on its own."
        ),
        "body_de": (
            "Der Digitalverband Bitkom und der Deutsche Städte- und Gemeindebund hatten Städte mit 100.000 bis "
            "150.000 Einwohnerinnen und Einwohnern aufgerufen, sich als „Digitale Stadt“ zu bewerben. 14 Städte "
            "reichten ein Konzept ein. Kaiserslautern kam zusammen mit Darmstadt, Heidelberg, Paderborn und Wolfsburg "
            "in die Endrunde und stellte seine Pläne am 31. Mai in Berlin vor. Den Zuschlag hat Darmstadt erhalten; "
            "eine Rangfolge der übrigen Finalisten gibt es nicht.\n\n"
            "## Wie es weitergeht\n"
            "Das Konzept „herzlich-digitale Stadt“ stellt die Menschen in den Mittelpunkt: Digitale Technik soll das "
            "Leben in Kaiserslautern für alle Generationen leichter machen und ist kein Selbstzweck. Die Stadt will "
            "die Ideen aus der Bewerbung deshalb auch ohne den Wettbewerbssieg weiterverfolgen. Ein Chief Digital "
            "Officer soll die Arbeit künftig bündeln."
        ),
        "body_en": (
            "The digital industry association Bitkom and the German Association of Towns and Municipalities invited "
            "cities with 100,000 to 150,000 residents to compete for the title of Germany's “Digital City.” Fourteen "
            "cities applied. Kaiserslautern reached the final round along with Darmstadt, Heidelberg, Paderborn and "
            "Wolfsburg and pitched its plans in Berlin on May 31. Darmstadt has now been named the winner; the other "
            "finalists were not ranked.\n\n"
            "## What's next\n"
            "The “herzlich-digitale Stadt” concept (roughly, “the digital city with heart”) puts people first: "
            "technology should make life in Kaiserslautern easier for every generation, not be an end in itself. "
            "That's why the city intends to pursue the ideas from its bid even without the win. A chief digital "
            "officer is to pull the work together."
        ),
    },
    {
        "slug": "cdo-und-cuo-nehmen-arbeit-auf",
        "kind": PRESS_RELEASE,
        "published": datetime.date(2017, 11, 7),
        "author": PRESS_OFFICE,
        "projects": [],
        "note": "reported",
        "title_de": "Chief Digital Officer und Chief Urban Officer haben ihre Arbeit aufgenommen",
        "title_en": "Chief Digital Officer and Chief Urban Officer Get to Work",
        "teaser_de": (
            "Seit dem 1. November arbeiten Prof. Dieter Rombach als Chief Digital Officer und Prof. Gerhard Steinebach "
            "als Chief Urban Officer daran, die „herzlich-digitale Stadt“ Wirklichkeit werden zu lassen."
        ),
        "teaser_en": (
            "Since November 1, Prof. Dieter Rombach as chief digital officer and Prof. Gerhard Steinebach as chief "
            "urban officer have been working to turn the “herzlich-digitale Stadt” into reality."
        ),
        "body_de": (
            "Zum Monatsbeginn hat Kaiserslautern zwei Stellen besetzt, die es in der Stadt bisher nicht gab. Prof. "
            "Dieter Rombach verantwortet als Chief Digital Officer (CDO) die digitale Entwicklung der Stadt. Prof. "
            "Gerhard Steinebach bringt als Chief Urban Officer (CUO) den Blick der Stadtplanung ein, damit digitale "
            "Vorhaben und Stadtentwicklung zusammenpassen.\n\n"
            "## Die Aufgabe\n"
            "Beide sollen aus den Ideen der Wettbewerbsbewerbung konkrete Projekte machen, Partner aus Forschung und "
            "Wirtschaft gewinnen und die Bürgerinnen und Bürger von Anfang an einbeziehen. Dabei kann Kaiserslautern "
            "auf starke Partner vor Ort zählen: die Technische Universität, das Deutsche Forschungszentrum für "
            "Künstliche Intelligenz (DFKI) und die Fraunhofer-Institute IESE und ITWM."
        ),
        "body_en": (
            "As of this month, Kaiserslautern has filled two roles the city never had before. Prof. Dieter Rombach, "
            "the new chief digital officer (CDO), is responsible for the city's digital development. Prof. Gerhard "
            "Steinebach, the chief urban officer (CUO), brings an urban planning perspective so that digital "
            "projects and city development go hand in hand.\n\n"
            "## The job\n"
            "Together, they're tasked with turning the ideas from the competition bid into concrete projects, "
            "bringing in partners from research and business, and involving residents from day one. Kaiserslautern "
            "can count on strong partners right here in town: the technical university, the German Research Center "
            "for Artificial Intelligence (DFKI) and the Fraunhofer institutes IESE and ITWM."
        ),
    },
    {
        "slug": "kl-digital-gegruendet",
        "kind": ANNOUNCEMENT,
        "published": datetime.date(2017, 12, 19),
        "author": PRESS_OFFICE,
        "projects": ["handyparken", "mogli-rainbow"],
        "note": "sample",
        "title_de": "Stadt gründet die KL.digital GmbH",
        "title_en": "City Launches KL.digital to Run Its Digital Projects",
        "teaser_de": (
            "Kaiserslautern hat eine eigene Gesellschaft für seine Digitalprojekte. Die KL.digital GmbH unter "
            "Geschäftsführer Dr. Martin Verlage soll Pilotvorhaben planen, umsetzen und in den Alltag bringen."
        ),
        "teaser_en": (
            "Kaiserslautern now has its own company for digital projects. Led by managing director Dr. Martin "
            "Verlage, KL.digital GmbH will plan pilot projects, carry them out and bring them into everyday use."
        ),
        "body_de": (
            "Zum Jahresende hat die Stadt die KL.digital GmbH gegründet, unterstützt vom Innenministerium des Landes "
            "Rheinland-Pfalz. Die Gesellschaft gehört der Stadt und arbeitet eng mit dem Chief Digital Officer und "
            "der Verwaltung zusammen. Geschäftsführer ist Dr. Martin Verlage.\n\n"
            "## Erste Vorhaben\n"
            "Schon in den kommenden Monaten sollen erste Ergebnisse sichtbar werden: Parkgebühren sollen sich per "
            "Handy bezahlen lassen, und für Großveranstaltungen wird ein mobiles Glasfasernetz vorbereitet, das "
            "Polizei und Ordnungsdienst eine stabile Verbindung gibt.\n\n"
            "## Was sich bewährt, bleibt\n"
            "Pilotprojekte, die sich bewähren, sollen in den Dauerbetrieb übergehen. Erfahrungen und fertige Lösungen "
            "will Kaiserslautern mit anderen Kommunen in Rheinland-Pfalz teilen."
        ),
        "body_en": (
            "At the end of the year, the city founded KL.digital GmbH with support from the Rhineland-Palatinate "
            "Ministry of the Interior. The company is owned by the city and works closely with the chief digital "
            "officer and city departments. Dr. Martin Verlage is its managing director.\n\n"
            "## First projects\n"
            "The first results should be visible within months: paying for parking by phone is in the works, and a "
            "mobile fiber network is being prepared for big events to give police and city enforcement a reliable "
            "connection.\n\n"
            "## What works is here to stay\n"
            "Pilot projects that prove themselves are meant to go into permanent service. Kaiserslautern also plans "
            "to share what it learns, and the solutions it builds, with other towns in Rhineland-Palatinate."
        ),
    },
    {
        "slug": "leitbild-herzlich-digitale-stadt",
        "kind": PRESS_RELEASE,
        "published": datetime.date(2018, 2, 26),
        "time": datetime.time(19, 30),
        "author": PRESS_OFFICE,
        "projects": [],
        "note": "reported",
        "title_de": "Stadtrat beschließt Leitbild „herzlich digitale Stadt“",
        "title_en": "City Council Adopts “herzlich digitale Stadt” Mission Statement",
        "teaser_de": (
            "Der Mensch steht im Mittelpunkt, die Technik ist Mittel zum Zweck: Der Stadtrat hat das Leitbild "
            "beschlossen, an dem sich alle Digitalprojekte Kaiserslauterns ausrichten."
        ),
        "teaser_en": (
            "People come first, and technology is a tool, not the goal: the city council has adopted the mission "
            "statement that will guide all of Kaiserslautern's digital projects."
        ),
        "body_de": (
            "In seiner heutigen Sitzung hat der Stadtrat das Leitbild „herzlich digitale Stadt“ beschlossen. Es "
            "beschreibt, wofür Kaiserslautern die Digitalisierung nutzen will und woran sich jedes Projekt messen "
            "lassen muss.\n\n"
            "## Die Grundsätze\n"
            "- Der Mensch steht im Mittelpunkt; Technik ist kein Selbstzweck.\n"
            "- Digitale Angebote sollen die Lebensqualität aller Generationen verbessern.\n"
            "- Pilotprojekte, die sich bewähren, gehen in den Dauerbetrieb über.\n"
            "- Was in Kaiserslautern funktioniert, wird mit anderen Kommunen geteilt.\n\n"
            "Das Leitbild ist damit der Maßstab für den Chief Digital Officer, die KL.digital GmbH und die "
            "Verwaltung."
        ),
        "body_en": (
            "At its meeting tonight, the city council adopted the “herzlich digitale Stadt” mission statement. It "
            "lays out what Kaiserslautern wants to achieve with digital technology and the standard every project "
            "has to meet.\n\n"
            "## Core principles\n"
            "- People come first; technology is never an end in itself.\n"
            "- Digital services should improve quality of life for every generation.\n"
            "- Pilot projects that prove themselves move into permanent service.\n"
            "- What works in Kaiserslautern gets shared with other towns.\n\n"
            "From now on, the mission statement sets the course for the chief digital officer, KL.digital GmbH and "
            "city departments alike."
        ),
    },
    {
        "slug": "maikerwe-mobiles-glasfasernetz",
        "kind": PROGRESS_REPORT,
        "published": datetime.date(2018, 5, 7),
        "author": KL_DIGITAL,
        "projects": ["mogli-rainbow"],
        "note": "sample",
        "title_de": "Maikerwe: Mobiles Glasfasernetz besteht ersten Einsatz",
        "title_en": "Maikerwe Fair: Mobile Fiber Network Passes Its First Test",
        "teaser_de": (
            "Zur Maikerwe wurde erstmals das mobile Glasfasernetz MoGlI verlegt. Polizei und Ordnungsdienst hatten "
            "damit auch im größten Gedränge eine stabile Verbindung zur Einsatzzentrale."
        ),
        "teaser_en": (
            "The mobile fiber network MoGlI made its debut at this year's Maikerwe fair, giving police and city "
            "enforcement a reliable link to the command center even in the thickest crowds."
        ),
        "body_de": (
            "Wenn Tausende Menschen gemeinsam feiern, ist das Mobilfunknetz schnell überlastet. Für die Maikerwe "
            "wurde deshalb zum ersten Mal MoGlI verlegt, ein mobiles Glasfasernetz, das nur für die Dauer einer "
            "Veranstaltung aufgebaut wird.\n\n"
            "## Was der Einsatz gezeigt hat\n"
            "Über das Netz liefen die Bilder der Kameras direkt in die Einsatzzentrale. Das Polizeipräsidium "
            "Westpfalz, das Ordnungsamt, die SWK Stadtwerke Kaiserslautern und K-Net haben Aufbau und Betrieb "
            "gemeinsam gestemmt. Die Verbindung blieb während der ganzen Kerwe stabil.\n\n"
            "## Nächste Schritte\n"
            "Als Nächstes soll ein geschlossenes WLAN nur für die Einsatzkräfte hinzukommen, damit sich auch Geräte "
            "ohne Kabel mit dem Netz verbinden können."
        ),
        "body_en": (
            "When thousands of people are out celebrating, cell networks get overloaded fast. So for the Maikerwe, "
            "the city's spring fair, crews laid out MoGlI for the first time: a mobile fiber network that's set up "
            "just for the duration of an event.\n\n"
            "## What we learned\n"
            "Camera feeds ran over the network straight to the command center. The Westpfalz Police Headquarters, "
            "the city's public order office, the local utility SWK and the provider K-Net set up and ran the network "
            "together. The connection held up for the entire fair.\n\n"
            "## Next steps\n"
            "Next up is a closed Wi-Fi network reserved for emergency crews, so devices without a cable can connect "
            "as well."
        ),
    },
    {
        "slug": "modellprojekt-smart-cities",
        "kind": PRESS_RELEASE,
        "published": datetime.date(2019, 7, 10),
        "time": datetime.time(14, 0),
        "author": PRESS_OFFICE,
        "projects": ["5g-modellregion"],
        "note": "reported",
        "title_de": "Kaiserslautern wird Modellprojekt Smart Cities",
        "title_en": "Kaiserslautern Selected as a Federal Smart City Model Project",
        "teaser_de": (
            "Der Bund hat Kaiserslautern unter rund 100 Bewerbern als eines der ersten 13 Modellprojekte Smart Cities "
            "ausgewählt. In den kommenden fünf Jahren fließen rund 15 Millionen Euro Fördergeld in die "
            "Digitalisierung der Stadt."
        ),
        "teaser_en": (
            "Out of about 100 applicants, the federal government has picked Kaiserslautern as one of its first 13 "
            "smart city model projects. About 15 million euros in funding will go into the city's digital "
            "transformation over the next five years."
        ),
        "body_de": (
            "Kaiserslautern gehört zu den ersten 13 „Modellprojekten Smart Cities“ des Bundesinnenministeriums. "
            "Beworben hatten sich rund 100 Städte, Kreise und Gemeinden. Über die KfW erhält die Stadt in den "
            "nächsten fünf Jahren rund 15 Millionen Euro; etwa 1,5 Millionen Euro Eigenmittel kommen hinzu.\n\n"
            "## Erst die Strategie, dann die Projekte\n"
            "Im ersten Schritt entsteht eine integrierte Digitalstrategie für die ganze Stadt. Ab Januar 2020 sollen "
            "daraus konkrete Projekte werden, ausgerichtet am Leitbild „herzlich digitale Stadt“.\n\n"
            "## Zweiter Erfolg in kurzer Zeit\n"
            "Erst im Juni war Kaiserslautern als eine von sechs 5G-Modellregionen ausgewählt worden. Beide "
            "Förderungen ergänzen sich: Das schnelle Mobilfunknetz schafft die Grundlage für viele "
            "Smart-City-Anwendungen."
        ),
        "body_en": (
            "Kaiserslautern is one of the first 13 smart city model projects (Modellprojekte Smart Cities) chosen by "
            "the Federal Ministry of the Interior. About 100 cities, counties and towns had applied. Over the next "
            "five years, the city will receive about 15 million euros through the KfW development bank and add about "
            "1.5 million euros of its own.\n\n"
            "## Strategy first, then projects\n"
            "The first step is an integrated digital strategy for the whole city. Starting in January 2020, that "
            "strategy will be turned into concrete projects, all guided by the “herzlich digitale Stadt” mission "
            "statement.\n\n"
            "## A second win in a short time\n"
            "Just last month, Kaiserslautern was named one of six 5G model regions. The two programs complement each "
            "other: the fast mobile network lays the groundwork for many smart city applications."
        ),
    },
    {
        "slug": "fauthweg-licht-nach-bedarf",
        "kind": PROGRESS_REPORT,
        "published": datetime.date(2019, 8, 12),
        "time": datetime.time(17, 0),
        "author": KL_DIGITAL,
        "projects": ["licht-am-fauthweg"],
        "note": "sample",
        "title_de": "Fauthweg: Das Licht geht an, wenn jemand kommt",
        "title_en": "Fauthweg Path: The Lights Come Up When You Do",
        "teaser_de": (
            "Auf dem Fauthweg zwischen Hauptbahnhof und Lämmchesberg leuchten seit heute zehn intelligente "
            "LED-Leuchten. Sie werden heller, sobald jemand unterwegs ist, und auf Knopfdruck auch sofort."
        ),
        "teaser_en": (
            "As of today, ten smart LED lights line the Fauthweg path between the main train station and "
            "Lämmchesberg. They brighten as soon as someone comes along, or right away at the push of a button."
        ),
        "body_de": (
            "Der Fauthweg ist die kurze Verbindung vom Hauptbahnhof hinauf zum Lämmchesberg. Auf seinen 300 Metern "
            "stehen seit heute zehn LED-Leuchten, die ihr Licht nach Bedarf regeln: Ist niemand unterwegs, leuchten "
            "sie gedimmt. Kommt jemand, erkennen Bewegungsmelder das und regeln das Licht hoch.\n\n"
            "## Licht auf Knopfdruck\n"
            "Wem es trotzdem zu dunkel ist, drückt den Taster an einem der Masten, und der Weg wird sofort heller.\n\n"
            "## Warnung vor Glatteis\n"
            "Sensoren messen am Weg Temperatur und Luftfeuchtigkeit. Droht Glätte, projiziert ein Strahler einen "
            "Warnhinweis auf den Boden; diese Funktion geht zum Winter in Betrieb. Das Land Rheinland-Pfalz fördert "
            "den Test, Technikpartner ist die ICE Gateway GmbH."
        ),
        "body_en": (
            "The Fauthweg is the shortcut from the main train station up to the Lämmchesberg neighborhood. As of "
            "today, ten LED lights along its 300 meters (about 1,000 feet) adjust to demand: when nobody's around, "
            "they stay dimmed. When someone comes along, motion sensors pick it up and turn the light up.\n\n"
            "## Light at the push of a button\n"
            "Still too dark for you? Press the button on any light pole, and the path gets brighter right away.\n\n"
            "## Black ice warnings\n"
            "Sensors along the path measure temperature and humidity. When black ice is likely, a projector shines a "
            "warning onto the ground; this feature goes live in time for winter. The pilot is funded by the state of "
            "Rhineland-Palatinate, with ICE Gateway GmbH as the technology partner."
        ),
    },
    {
        "slug": "inet-funknetz-fuer-sensoren",
        "kind": PROGRESS_REPORT,
        "published": datetime.date(2020, 11, 16),
        "author": KL_DIGITAL,
        "projects": ["lorawan"],
        "note": "sample",
        "title_de": "iNet: Kaiserslautern hat ein Funknetz für Sensoren",
        "title_en": "iNet: Kaiserslautern Now Has a Wireless Network for Sensors",
        "teaser_de": (
            "Die SWK Stadtwerke Kaiserslautern haben ihr LoRaWAN-Netz iNet in Betrieb genommen. Es verbindet "
            "Sensoren, die nur wenige Daten senden, über große Entfernungen und mit sehr wenig Strom."
        ),
        "teaser_en": (
            "The local utility SWK has launched iNet, its LoRaWAN network. It connects sensors that send only small "
            "amounts of data over long distances while using very little power."
        ),
        "body_de": (
            "Viele Messgeräte in einer Stadt senden nur ab und zu kleine Datenmengen, etwa einen Pegelstand oder eine "
            "Temperatur. Dafür braucht es kein schnelles Mobilfunknetz, sondern eines mit großer Reichweite und "
            "geringem Stromverbrauch. Genau das bietet LoRaWAN. Die SWK Stadtwerke Kaiserslautern haben ihr Netz "
            "jetzt unter dem Namen iNet in Betrieb genommen.\n\n"
            "## Wofür es gut ist\n"
            "- Sensoren kommen jahrelang mit einer Batterie aus.\n"
            "- Wenige Antennen an erhöhten Standorten decken große Teile des Stadtgebiets ab.\n"
            "- Stadt, Stadtwerke, Schulen und Forschung können eigene Messprojekte schnell anbinden.\n\n"
            "## Schulen machen mit\n"
            "Als eines der ersten Projekte wollen Schülerinnen und Schüler einen Sensor bauen, der die "
            "Wassertemperatur im Schwimmbad misst und über iNet meldet."
        ),
        "body_en": (
            "Many measuring devices around a city only send a little data now and then, such as a water level or a "
            "temperature. They don't need a fast cell network; they need one with long range and low power use. "
            "That's exactly what LoRaWAN offers, and the local utility SWK Stadtwerke Kaiserslautern has now "
            "launched its network under the name iNet.\n\n"
            "## What it's good for\n"
            "- Sensors can run for years on a single battery.\n"
            "- A few antennas in high places cover large parts of the city.\n"
            "- The city, the utility, schools and researchers can hook up their own sensor projects quickly.\n\n"
            "## Students get involved\n"
            "One of the first projects comes from local students, who plan to build a sensor that measures the water "
            "temperature at the swimming pool and reports it over iNet."
        ),
    },
    {
        "slug": "drei-jahre-handyparken",
        "kind": PROGRESS_REPORT,
        "published": datetime.date(2021, 4, 12),
        "author": KL_DIGITAL,
        "projects": ["handyparken"],
        "note": "reported",
        "title_de": "Drei Jahre Handyparken: Mehr als jeder achte Parkschein kommt vom Handy",
        "title_en": "Three Years of Pay-by-Phone: More Than One in Eight Parking Payments Go Mobile",
        "teaser_de": (
            "Seit April 2018 lässt sich in Kaiserslautern per App, SMS oder Anruf parken. Bis Ende März 2021 liefen "
            "13,5 Prozent aller bezahlten Parkvorgänge über das Handy."
        ),
        "teaser_en": (
            "Since April 2018, drivers in Kaiserslautern have been able to pay for parking with an app, a text or a "
            "call. By the end of March 2021, 13.5 percent of all paid parking sessions went through a phone."
        ),
        "body_de": (
            "Vor drei Jahren startete in Kaiserslautern das Handyparken. Seitdem können Autofahrerinnen und "
            "Autofahrer ihr Parkticket per App, SMS oder Anruf lösen und zahlen nur für die Minuten, die sie "
            "tatsächlich parken.\n\n"
            "## Die Bilanz\n"
            "Bis Ende März 2021 wurden 13,5 Prozent aller bezahlten Parkvorgänge per Handy abgerechnet, also mehr "
            "als jeder achte. Das Angebot hat sich damit als feste Ergänzung zum Parkscheinautomaten etabliert.\n\n"
            "## Wie es weitergeht\n"
            "Mit dieser Auswertung ist das Projekt abgeschlossen. Handyparken bleibt als Dauerangebot bestehen, und "
            "die Automaten bleiben es auch: Wer lieber mit Münzen zahlt, kann das weiterhin tun."
        ),
        "body_en": (
            "Pay-by-phone parking launched in Kaiserslautern three years ago. Since then, drivers have been able to "
            "pay with an app, by text or with a call, and they only pay for the minutes they actually park.\n\n"
            "## The numbers\n"
            "By the end of March 2021, 13.5 percent of all paid parking sessions were paid by phone, or more than one "
            "in eight. Paying by phone has become a firm fixture next to the pay stations.\n\n"
            "## What's next\n"
            "With this review, the project is complete. Pay-by-phone is here to stay, and so are the pay stations: if "
            "you'd rather pay with coins, you still can."
        ),
    },
    {
        "slug": "stadt-raum-wir-liegestuehle",
        "kind": PROGRESS_REPORT,
        "published": datetime.date(2021, 6, 15),
        "author": KL_DIGITAL,
        "projects": ["stadt-raum-wir"],
        "note": "sample",
        "title_de": "Stadt.Raum.Wir.: Die Liegestühle sind da",
        "title_en": "Stadt.Raum.Wir.: The Deckchairs Are Here",
        "teaser_de": (
            "Die Lautrerinnen und Lautrer haben online abgestimmt, jetzt ist es so weit: Auf Plätzen in der "
            "Innenstadt stehen Liegestühle bereit, in denen alle eine Pause einlegen können."
        ),
        "teaser_en": (
            "Residents voted online, and now it's happening: deckchairs are out on squares downtown, free for anyone "
            "who wants to take a break."
        ),
        "body_de": (
            "Im Frühjahr konnten die Lautrerinnen und Lautrer online darüber abstimmen, wie öffentliche Plätze in der "
            "Innenstadt belebt werden sollen. Die Liegestühle haben das Rennen gemacht. Ab heute stehen sie bereit, "
            "und alle dürfen sie nutzen.\n\n"
            "## Warum GPS?\n"
            "Die Stühle sind mit GPS-Ortung ausgestattet. So wissen wir, wo sie gerade stehen, und finden sie wieder, "
            "falls einer einmal auf Wanderschaft geht. Wer wann wo sitzt, wird dabei nicht erfasst.\n\n"
            "## Wie es weitergeht\n"
            "Stadt.Raum.Wir. ist auf mehrere Runden angelegt. Die nächste Abstimmung über Ideen für öffentliche "
            "Plätze folgt."
        ),
        "body_en": (
            "This spring, residents voted online on how to bring public squares downtown to life. The deckchairs won, "
            "and starting today they're out for everyone to use.\n\n"
            "## Why GPS?\n"
            "Each chair has a GPS tracker. That way we know where the chairs are and can track one down if it goes "
            "for a walk. The trackers don't record who sits where, or when.\n\n"
            "## What's next\n"
            "Stadt.Raum.Wir. (roughly, “City. Space. Us.”) is planned in several rounds. The next vote on ideas for "
            "public spaces is coming up."
        ),
    },
    {
        "slug": "klmitwirkung-ist-online",
        "kind": ANNOUNCEMENT,
        "published": datetime.date(2022, 3, 15),
        "author": KL_DIGITAL,
        "projects": ["klmitwirkung", "lautrer-stadtdialog"],
        "note": "sample",
        "title_de": "KLmitWirkung: Mitreden geht jetzt auch online",
        "title_en": "KLmitWirkung: Have Your Say Online",
        "teaser_de": (
            "Umfragen, Ideensammlungen und Informationen zu städtischen Projekten gibt es ab sofort an einem Ort: auf "
            "der neuen Beteiligungsplattform KLmitWirkung."
        ),
        "teaser_en": (
            "Polls, idea collections and updates on city projects are now all in one place: the new online "
            "participation platform KLmitWirkung."
        ),
        "body_de": (
            "Nicht alle haben Zeit, abends zu einer Bürgerversammlung zu gehen. Mit KLmitWirkung kann man sich jetzt "
            "auch von zu Hause oder unterwegs einbringen: an Umfragen teilnehmen, Ideen vorschlagen und nachlesen, "
            "was aus den Vorschlägen geworden ist.\n\n"
            "## Zum Start\n"
            "Die ersten Umfragen und Projektseiten sind freigeschaltet. Die Plattform ergänzt den Lautrer "
            "Stadtdialog, der weiterhin auch vor Ort stattfindet.\n\n"
            "## So machen Sie mit\n"
            "Für Umfragen genügt ein kurzer Besuch. Wer Ideen einbringen oder kommentieren möchte, legt ein "
            "kostenloses Konto an."
        ),
        "body_en": (
            "Not everyone has time for an evening town hall meeting. With KLmitWirkung (a play on the German for "
            "“taking part”), you can now get involved from home or on the go: answer polls, suggest ideas and follow "
            "what becomes of them.\n\n"
            "## At launch\n"
            "The first polls and project pages are live. The platform adds to the Lautrer Stadtdialog, the city's "
            "public dialogue, which will keep meeting in person too.\n\n"
            "## How to take part\n"
            "Polls only take a quick visit. If you'd like to share ideas or comment, just create a free account."
        ),
    },
    {
        "slug": "suedwest-cluster-startet",
        "kind": PROGRESS_REPORT,
        "published": datetime.date(2023, 10, 2),
        "author": KL_DIGITAL,
        "projects": ["suedwest-cluster"],
        "note": "sample",
        "title_de": "Südwest-Cluster: Sechs Partner bauen eine gemeinsame Datenplattform",
        "title_en": "Southwest Cluster: Six Partners Build a Shared Data Platform",
        "teaser_de": (
            "Kaiserslautern, Kusel, Mayen-Koblenz, Bitburg-Prüm, Linz am Rhein und St. Wendel entwickeln gemeinsam "
            "eine Plattform für Sensor- und Stadtdaten. Der Bund fördert das Vorhaben mit 1,33 Millionen Euro."
        ),
        "teaser_en": (
            "Kaiserslautern, Kusel, Mayen-Koblenz, Bitburg-Prüm, Linz am Rhein and St. Wendel are building a shared "
            "platform for sensor and city data, backed by 1.33 million euros in federal funding."
        ),
        "body_de": (
            "Sensoren messen Temperaturen, Pegelstände oder freie Parkplätze. Eine eigene Plattform für diese Daten "
            "aufzubauen, ist für eine einzelne Kommune aber teuer und aufwendig. Im Südwest-Cluster tun sich deshalb "
            "sechs Partner zusammen: Kaiserslautern, Kusel, Mayen-Koblenz, Bitburg-Prüm, Linz am Rhein und "
            "St. Wendel.\n\n"
            "## Das Ziel\n"
            "Eine gemeinsame Plattform soll Daten aus dem Internet der Dinge sammeln, aufbereiten und für Planung und "
            "Dienste nutzbar machen. Jeder Partner behält dabei die Hoheit über seine eigenen Daten.\n\n"
            "## Der Auftakt\n"
            "Ende September haben sich die Partner zum gemeinsamen Start getroffen. Als Nächstes wählen sie die "
            "Technik für die Plattform aus. Der Bund fördert das Vorhaben mit 1,33 Millionen Euro."
        ),
        "body_en": (
            "Sensors measure temperatures, water levels and open parking spaces. But building a platform for all "
            "that data is expensive and complicated for any one town on its own. That's why six partners are joining "
            "forces in the Southwest Cluster: Kaiserslautern, Kusel, Mayen-Koblenz, Bitburg-Prüm, Linz am Rhein and "
            "St. Wendel.\n\n"
            "## The goal\n"
            "A shared platform will collect and process data from the Internet of Things and make it useful for "
            "planning and public services. Each partner stays in control of its own data.\n\n"
            "## Kickoff\n"
            "The partners met for their joint kickoff at the end of September. Next, they'll choose the technology "
            "for the platform. The federal government is funding the project with 1.33 million euros."
        ),
    },
    {
        "slug": "kl-navi-oeffentlicher-test",
        "kind": ANNOUNCEMENT,
        "published": datetime.date(2024, 9, 2),
        "author": KL_DIGITAL,
        "projects": ["kl-navi"],
        "note": "sample",
        "title_de": "KL Navi testen: Wege nach dem eigenen Bedarf planen",
        "title_en": "Try KL Navi: Plan Routes Around Your Own Needs",
        "teaser_de": (
            "Im September kann jede und jeder KL Navi ausprobieren. Der digitale Lotse plant Wege etwa für Menschen "
            "im Rollstuhl, mit eingeschränktem Sehvermögen oder mit Allergien. Wir freuen uns über jede Rückmeldung."
        ),
        "teaser_en": (
            "All through September, anyone can try out KL Navi. The digital guide plans routes for people who use a "
            "wheelchair, have low vision or live with allergies, among others, and we'd love to hear what you think."
        ),
        "body_de": (
            "Stufen, hohe Bordsteine, fehlende Leitlinien für den Langstock oder ein blühender Baum: Was für die einen "
            "kein Thema ist, macht für andere einen Weg unpassierbar. KL Navi berechnet Routen, die genau die "
            "Hindernisse umgehen, die man selbst angibt.\n\n"
            "## So machen Sie mit\n"
            "- KL Navi im Browser des Smartphones öffnen, ganz ohne Installation.\n"
            "- Eigene Bedürfnisse einstellen und eine Strecke durch die Innenstadt planen.\n"
            "- Im Formular am Ende der Route sagen, was gut lief und was nicht.\n\n"
            "## Warum Ihre Rückmeldung zählt\n"
            "Der Test zeigt, wo die Wegedaten noch Lücken haben, und die Ergebnisse fließen in die weitere "
            "Entwicklung ein. Das Bundesverkehrsministerium fördert KL Navi mit 323.896 Euro."
        ),
        "body_en": (
            "Steps, high curbs, missing tactile paving or a tree in full bloom: what's no big deal for one person can "
            "make a route impossible for another. KL Navi calculates routes that avoid exactly the obstacles you tell "
            "it about.\n\n"
            "## How to take part\n"
            "- Open KL Navi in your phone's browser; there's nothing to install.\n"
            "- Set your personal needs and plan a route through downtown.\n"
            "- Use the form at the end of your route to tell us what worked and what didn't.\n\n"
            "## Why your feedback matters\n"
            "The test shows where the route data still has gaps, and the results will shape the next round of "
            "development. The federal transportation ministry is funding KL Navi with 323,896 euros."
        ),
    },
    {
        "slug": "temes-altstadtfest",
        "kind": PROGRESS_REPORT,
        "published": datetime.date(2025, 7, 14),
        "author": KL_DIGITAL,
        "projects": ["temes"],
        "note": "sample",
        "title_de": "Altstadtfest: Teleskopmasten im ersten großen Einsatz",
        "title_en": "Old Town Festival: Telescopic Masts See Their First Big Event",
        "teaser_de": (
            "Beim Altstadtfest standen die vier mobilen Masten des Projekts TEMES in der Innenstadt. Sie brachten "
            "Kameras, Licht und Funktechnik dorthin, wo feste Technik fehlt."
        ),
        "teaser_en": (
            "The four mobile masts of the TEMES project were set up downtown for the Old Town Festival, bringing "
            "cameras, lighting and radio links to places without permanent equipment."
        ),
        "body_de": (
            "Zum Altstadtfest kamen wieder viele Tausend Besucherinnen und Besucher in die Innenstadt. Damit die "
            "Einsatzkräfte den Überblick behalten, waren erstmals die vier mobilen Teleskopmasten von TEMES dabei. "
            "Sie fahren auf bis zu sechs Meter aus und lassen sich schnell dort aufstellen, wo sie gebraucht werden."
            "\n\n"
            "## Was die Masten trugen\n"
            "- Kameras, deren Bilder in die Einsatzleitung übertragen wurden\n"
            "- Scheinwerfer für dunkle Ecken abseits der Bühnen\n"
            "- Richtfunk, um die Technik ohne Kabel anzubinden\n\n"
            "## Wie es weitergeht\n"
            "Die beteiligten Stellen werten die Erfahrungen jetzt gemeinsam aus. Daraus soll ein Plan entstehen, bei "
            "welchen Veranstaltungen die Masten künftig stehen."
        ),
        "body_en": (
            "Once again, many thousands of visitors came downtown for the Altstadtfest, the Old Town Festival. To "
            "help emergency crews keep track of it all, the four mobile telescopic masts from the TEMES project were "
            "deployed for the first time. They extend up to six meters (about 20 feet) and can be set up quickly "
            "wherever they're needed.\n\n"
            "## What the masts carried\n"
            "- cameras streaming to the command post\n"
            "- floodlights for dark corners away from the stages\n"
            "- radio relays to connect the equipment without cables\n\n"
            "## What's next\n"
            "Everyone involved is now reviewing how it went. The goal is a plan for which events the masts will "
            "support in the future."
        ),
    },
    {
        "slug": "stadtrat-beschliesst-abwicklung-kl-digital",
        "kind": PRESS_RELEASE,
        "published": datetime.date(2025, 11, 10),
        "time": datetime.time(19, 0),
        "author": PRESS_OFFICE,
        "projects": [],
        "note": "sample",
        "title_de": "Stadtrat: Digitalprojekte gehen in die Stadtverwaltung über",
        "title_en": "City Council Votes to Bring Digital Projects In-House",
        "teaser_de": (
            "Der Stadtrat hat beschlossen, die KL.digital GmbH bis zum 30. Juni 2026 abzuwickeln, wenn die "
            "Förderung des Bundes endet. Die mehr als 50 Projekte übernimmt das Referat Digitalisierung und "
            "Innovation."
        ),
        "teaser_en": (
            "The city council has voted to wind down KL.digital GmbH by June 30, 2026, when federal funding runs out. "
            "The city's Department for Digitalisation and Innovation will take over its more than 50 projects."
        ),
        "body_de": (
            "In seiner heutigen Sitzung hat der Stadtrat über die Zukunft der KL.digital GmbH entschieden. Weil die "
            "Förderung des Bundes ausläuft, wird die städtische Gesellschaft bis zum 30. Juni 2026 abgewickelt.\n\n"
            "## Die Projekte bleiben\n"
            "KL.digital hat seit 2017 mehr als 50 Projekte angestoßen und begleitet, vom Handyparken über das mobile "
            "Glasfasernetz für Großveranstaltungen bis zur Beteiligungsplattform KLmitWirkung. Diese Arbeit endet "
            "nicht: Das Referat Digitalisierung und Innovation der Stadtverwaltung übernimmt die Projekte und führt "
            "sie weiter.\n\n"
            "## Was das für Sie bedeutet\n"
            "Bestehende Angebote laufen weiter. Bis zum Übergang bleiben die bisherigen Ansprechpartner erreichbar."
        ),
        "body_en": (
            "At its meeting tonight, the city council decided the future of KL.digital GmbH. Because federal funding "
            "is running out, the city-owned company will be wound down by June 30, 2026.\n\n"
            "## The projects carry on\n"
            "Since 2017, KL.digital has launched and supported more than 50 projects, from pay-by-phone parking and "
            "the mobile fiber network for big events to the KLmitWirkung participation platform. That work isn't "
            "ending: the city's Department for Digitalisation and Innovation (Referat Digitalisierung und "
            "Innovation) will take the projects over and keep them going.\n\n"
            "## What this means for you\n"
            "Existing services will keep running. Until the handover, you can reach the same contacts as before."
        ),
    },
    {
        "slug": "referat-uebernimmt-digitalprojekte",
        "kind": ANNOUNCEMENT,
        "published": datetime.date(2026, 7, 1),
        "time": datetime.time(9, 0),
        "author": REFERAT_DIGITAL,
        "projects": ["klmitwirkung", "open-data-portal", "kl-navi"],
        "note": "sample",
        "title_de": "Gleiche Projekte, neues Zuhause: Das Referat Digitalisierung und Innovation übernimmt",
        "title_en": "Same Projects, New Home: The Department for Digitalisation and Innovation Takes Over",
        "teaser_de": (
            "Die KL.digital GmbH ist abgewickelt, ihre Projekte laufen weiter. Seit dem 1. Juli ist das Referat "
            "Digitalisierung und Innovation Ihr Ansprechpartner für alles rund um die „herzlich digitale Stadt“."
        ),
        "teaser_en": (
            "KL.digital GmbH has closed its doors, but its projects carry on. Since July 1, the city's Department for "
            "Digitalisation and Innovation has been your contact for everything about the “herzlich digitale Stadt.”"
        ),
        "body_de": (
            "Rund achteinhalb Jahre nach ihrer Gründung hat die KL.digital GmbH ihre Arbeit zum 30. Juni "
            "abgeschlossen, wie es der Stadtrat im November 2025 beschlossen hatte. Die Projekte bleiben der Stadt "
            "erhalten: Das Referat Digitalisierung und Innovation hat sie übernommen.\n\n"
            "## Was Sie wissen sollten\n"
            "- KLmitWirkung, das Open-Data-Portal und KL Navi laufen ohne Unterbrechung weiter.\n"
            "- Bestehende Konten und Zugangsdaten bleiben gültig.\n"
            "- Fragen zu den Projekten beantwortet ab sofort das Referat; die Kontakte stehen auf den Projektseiten."
            "\n\n"
            "## Danke\n"
            "Das Team von KL.digital hat seit 2017 mehr als 50 Projekte auf den Weg gebracht. Vieles davon gehört "
            "heute zum Alltag in Kaiserslautern. Daran knüpfen wir an."
        ),
        "body_en": (
            "About eight and a half years after it was founded, KL.digital GmbH wrapped up its work on June 30, as "
            "the city council decided in November 2025. The projects stay with the city: the Department for "
            "Digitalisation and Innovation has taken them over.\n\n"
            "## What you should know\n"
            "- KLmitWirkung, the open data portal and KL Navi continue without interruption.\n"
            "- Existing accounts and logins remain valid.\n"
            "- Questions about the projects now go to the department; you'll find the contacts on each project page."
            "\n\n"
            "## Thank you\n"
            "Since 2017, the KL.digital team got more than 50 projects off the ground, and many of them are now part "
            "of everyday life in Kaiserslautern. We're building on that."
        ),
    },
    {
        "slug": "zentrales-schulnetz-zwischenstand",
        "kind": PROGRESS_REPORT,
        "published": -10,
        "author": REFERAT_DIGITAL,
        "projects": ["zentrales-schulnetz"],
        "note": "sample",
        "title_de": "Zentrales Schulnetz: Die Grundschulen brauchen etwas länger",
        "title_en": "Central School Network: Elementary Schools Take a Little Longer",
        "teaser_de": (
            "Das zentrale Schulnetz ist zu 60 Prozent umgesetzt. Der Anschluss aller Grundschulen verzögert sich um "
            "einige Wochen, weil in mehreren Gebäuden zusätzliche Leitungen nötig sind."
        ),
        "teaser_en": (
            "The central school network is 60 percent complete. Connecting every elementary school will take a few "
            "more weeks, because several buildings need additional cabling."
        ),
        "body_de": (
            "Seit Februar 2024 hängen die ersten Schulen am zentralen Schulnetz. Sie bekommen schnelles Internet, "
            "zentralen Schutz vor Schadsoftware und Betreuung aus einer Hand. Insgesamt ist das Vorhaben jetzt zu "
            "60 Prozent umgesetzt.\n\n"
            "## Verzögerung bei den Grundschulen\n"
            "Eigentlich sollten alle Grundschulen schon angeschlossen sein. In einigen älteren Gebäuden hat sich bei "
            "den Arbeiten gezeigt, dass zusätzliche Leitungen verlegt werden müssen. Die Arbeiten laufen, den "
            "Unterricht stören sie nicht.\n\n"
            "## Als Nächstes\n"
            "Danach folgen die weiterführenden Schulen. Ihr Zeitplan bleibt unverändert."
        ),
        "body_en": (
            "The first schools joined the central school network in February 2024. They get fast internet, central "
            "protection against malware and support from a single source. Overall, the project is now 60 percent "
            "complete.\n\n"
            "## Elementary schools delayed\n"
            "All elementary schools were supposed to be connected by now. But work in several older buildings showed "
            "that they need additional cabling. Crews are on it, and classes aren't affected.\n\n"
            "## Next up\n"
            "Middle and high schools come next, and their schedule hasn't changed."
        ),
    },
    {
        "slug": "klmitwirkung-bald-mit-karte",
        "kind": PROGRESS_REPORT,
        "published": -3,
        "author": REFERAT_DIGITAL,
        "projects": ["klmitwirkung"],
        "note": "sample",
        "title_de": "KLmitWirkung: Hinweise bald direkt auf der Karte",
        "title_en": "KLmitWirkung: Pin Your Ideas on a Map, Coming Soon",
        "teaser_de": (
            "Mehr als 1.700 Menschen nutzen KLmitWirkung. In den nächsten Wochen kommt eine Kartenfunktion hinzu: "
            "Ideen und Hinweise lassen sich dann genau dort verorten, wo sie hingehören."
        ),
        "teaser_en": (
            "More than 1,700 people use KLmitWirkung. In the coming weeks, a map feature will let you pin ideas and "
            "comments to exactly the spot they're about."
        ),
        "body_de": (
            "Wo fehlt ein Fahrradbügel, an welcher Kreuzung wird es eng, wo wäre eine Bank schön? Solche Hinweise "
            "zeigt man am besten auf einer Karte. Genau das wird auf KLmitWirkung bald möglich sein.\n\n"
            "## Was sich ändert\n"
            "- Ideen und Hinweise bekommen einen Ort auf dem Stadtplan.\n"
            "- Beiträge in der Nähe sind auf einen Blick zu sehen, sodass niemand denselben Vorschlag zweimal machen "
            "muss.\n"
            "- Die Verwaltung kann direkt an der passenden Stelle antworten.\n\n"
            "## Stand des Projekts\n"
            "Mehr als 1.700 Nutzerinnen und Nutzer sind inzwischen auf der Plattform angemeldet. Mit der "
            "Kartenfunktion ist der Ausbau weitgehend abgeschlossen; danach geht KLmitWirkung in den Dauerbetrieb."
        ),
        "body_en": (
            "Where's a bike rack missing? Which intersection gets too tight? Where would a bench be nice? Comments "
            "like these are easiest to show on a map, and soon you'll be able to do just that on KLmitWirkung.\n\n"
            "## What's changing\n"
            "- Ideas and comments get a spot on the city map.\n"
            "- You'll see nearby posts at a glance, so nobody has to make the same suggestion twice.\n"
            "- City staff can respond right where the issue is.\n\n"
            "## Where the project stands\n"
            "More than 1,700 people have signed up on the platform so far. With the map feature, the build-out is "
            "mostly done; after that, KLmitWirkung moves into permanent service."
        ),
    },
    {
        # Scheduled: editors see an item that goes public by itself.
        "slug": "kl-navi-ergebnisse-des-tests",
        "kind": PROGRESS_REPORT,
        "published": 5,
        "time": datetime.time(9, 0),
        "author": REFERAT_DIGITAL,
        "projects": ["kl-navi"],
        "note": "sample",
        "title_de": "KL Navi: Was der öffentliche Test gezeigt hat",
        "title_en": "KL Navi: What the Public Test Showed",
        "teaser_de": (
            "Viele Testerinnen und Tester haben KL Navi auf ihren eigenen Wegen ausprobiert. Die Auswertung zeigt, "
            "wo der digitale Lotse schon gut funktioniert und wo die Wegedaten noch Lücken haben."
        ),
        "teaser_en": (
            "Lots of testers tried KL Navi on their own everyday routes. The results show where the digital guide "
            "already works well and where the route data still has gaps."
        ),
        "body_de": (
            "Im öffentlichen Test haben Menschen mit ganz unterschiedlichen Bedürfnissen KL Navi in Kaiserslautern "
            "ausprobiert. Ihre Rückmeldungen sind jetzt ausgewertet.\n\n"
            "## Was gut ankam\n"
            "- Die Einstellungen nach persönlichem Bedarf sind leicht zu verstehen.\n"
            "- Routen für den Rollstuhl führten zuverlässig an Stufen vorbei.\n\n"
            "## Wo nachgebessert wird\n"
            "- In einigen Straßen fehlen noch Angaben zu Bordsteinhöhen und Leitlinien.\n"
            "- Baustellen sollen schneller in die Routenplanung einfließen.\n\n"
            "KL Navi ist zu 70 Prozent umgesetzt. Die Lücken in den Wegedaten werden jetzt geschlossen, damit der "
            "Lotse in den kommenden Monaten für alle freigegeben werden kann."
        ),
        "body_en": (
            "During the public test, people with very different needs tried out KL Navi around Kaiserslautern. We've "
            "now gone through all of their feedback.\n\n"
            "## What people liked\n"
            "- The personal settings are easy to understand.\n"
            "- Wheelchair routes reliably steered clear of steps.\n\n"
            "## What we're improving\n"
            "- Some streets still lack data on curb heights and tactile paving.\n"
            "- Construction sites need to show up in route planning faster.\n\n"
            "KL Navi is 70 percent complete. We're now filling the gaps in the route data so the guide can launch "
            "for everyone in the coming months."
        ),
    },
    {
        # Draft: the project is not public yet either, and the sites are still being agreed.
        "slug": "verkehrssensoren-standorte",
        "kind": PROGRESS_REPORT,
        "status": NewsItem.Status.DRAFT,
        "published": None,
        "author": REFERAT_DIGITAL,
        "projects": ["verkehrssensoren"],
        "note": "sample",
        "title_de": "Verkehrszählung: Wo die ersten Sensoren hinkommen sollen",
        "title_en": "Traffic Counts: Where the First Sensors Could Go",
        "teaser_de": (
            "Fest installierte Sensoren sollen an ausgewählten Straßen Autos, Fahrräder und Fußgänger zählen. Die "
            "ersten Standorte stehen fest; die Sensoren erkennen weder Personen noch Kennzeichen."
        ),
        "teaser_en": (
            "Permanent sensors will count cars, bikes and pedestrians on selected streets. The first sites have been "
            "chosen, and the sensors can't identify people or license plates."
        ),
        "body_de": (
            "Gute Verkehrsplanung braucht verlässliche Zahlen. Bisher stützt sich die Stadt oft auf Zählungen an "
            "einzelnen Tagen. Fest installierte Sensoren sollen künftig rund um die Uhr erfassen, wie viele Autos, "
            "Fahrräder und Fußgänger unterwegs sind.\n\n"
            "## Die ersten Standorte\n"
            "[Standorte ergänzen, sobald die Abstimmung mit der Verkehrsplanung abgeschlossen ist.]\n\n"
            "## Datenschutz\n"
            "Die Sensoren zählen nur. Sie speichern keine Bilder und erkennen weder Personen noch Kennzeichen. Bevor "
            "die Geräte ausgeschrieben werden, wird das Konzept auf den Datenschutz geprüft. Die Zählwerte sollen "
            "als offene Daten im Open-Data-Portal erscheinen."
        ),
        "body_en": (
            "Good traffic planning needs reliable numbers. So far, the city has often relied on counts taken on a "
            "single day here and there. Permanent sensors will count cars, bikes and pedestrians around the clock.\n\n"
            "## The first sites\n"
            "[Add the sites once coordination with traffic planning is complete.]\n\n"
            "## Privacy\n"
            "The sensors only count. They don't store images and can't identify people or license plates. Before "
            "the equipment goes out to bid, the plan will get a privacy review. The counts are to be published as "
            "open data on the city's open data portal."
        ),
    },
]


def _published_at(data: dict, today: datetime.date) -> datetime.datetime | None:
    value = data["published"]
    if value is None:
        return None
    day = value if isinstance(value, datetime.date) else today + datetime.timedelta(days=value)
    return datetime.datetime.combine(day, data.get("time", datetime.time(10, 0)), tzinfo=BERLIN)


def _news_values(data: dict, today: datetime.date) -> dict:
    note_de, note_en = NOTES[data["note"]]
    return {
        "kind": data["kind"],
        "status": data.get("status", NewsItem.Status.PUBLISHED),
        "published_at": _published_at(data, today),
        "author": data["author"],
        "title_de": data["title_de"],
        "title_en": data["title_en"],
        "teaser_de": data["teaser_de"],
        "teaser_en": data["teaser_en"],
        "body_de": f"{data['body_de']}\n\n{note_de}",
        "body_en": f"{data['body_en']}\n\n{note_en}",
    }


@transaction.atomic
def load_news(*, today: datetime.date) -> dict[str, int]:
    """Create or update the demo news items. Idempotent. Returns {"news": n}."""
    # Saved directly rather than through news_publish: the projects' history is seeded by load_programme already.
    # The untranslated columns (title, ...) take the active language's value: keep them German.
    with translation.override("de"):
        for data in NEWS:
            values = _news_values(data, today)
            # update_or_create() saves without validation; unique checks are left out because the slug may exist.
            NewsItem(slug=data["slug"], **values).full_clean(validate_unique=False)
            item, _created = NewsItem.objects.update_or_create(slug=data["slug"], defaults=values)
            item.projects.set([Project.objects.get(slug=slug) for slug in data["projects"]])
    return {"news": len(NEWS)}
