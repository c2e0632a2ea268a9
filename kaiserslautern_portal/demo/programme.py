"""Demo content of the programme: fields of action, projects, milestones and progress history.

Facts (names, partners, past dates, reported grants) follow public reports about "herzlich digital"; status,
progress, milestones, budgets not reported publicly and every date still ahead are demo values, and each project
description says so in its last line.

A date in the data is either a `datetime.date` or an int: that many days from `today` (negative for the past), so the
demo always has upcoming and overdue milestones whenever it is loaded. Histories and milestones stay in order for any
`today` from December 2025 on.
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.db import models, transaction
from django.utils import translation

from projects.models import (
    DateChange,
    FieldOfAction,
    Indicator,
    IndicatorValue,
    Milestone,
    ProgressEntry,
    Project,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

PLANNED = Project.Status.PLANNED
IN_PROGRESS = Project.Status.IN_PROGRESS
COMPLETED = Project.Status.COMPLETED
PAUSED = Project.Status.PAUSED
STOPPED = Project.Status.STOPPED

DEMO_NOTE_DE = (
    "*Demo-Inhalt: Status, Fortschritt, Budget, Ausgaben, Kennzahlen, Meilensteine, Termine und Begründungen sind "
    "Beispielwerte, keine amtlichen Angaben.*"
)
DEMO_NOTE_EN = (
    "*Demo content: status, progress, budget, spending, indicators, milestones, dates and reasons are sample values, "
    "not official figures.*"
)
# For projects whose budget field holds the grant named in public reports.
REPORTED_BUDGET_NOTE_DE = (
    "*Demo-Inhalt: Das Budget ist die öffentlich berichtete Fördersumme; Status, Fortschritt, Ausgaben, Kennzahlen, "
    "Meilensteine, Termine und Begründungen sind Beispielwerte, keine amtlichen Angaben.*"
)
REPORTED_BUDGET_NOTE_EN = (
    "*Demo content: the budget is the publicly reported grant; status, progress, spending, indicators, milestones, "
    "dates and reasons are sample values, not official figures.*"
)

SMART_CITIES = "Modellprojekte Smart Cities (Bund, KfW) und Eigenmittel der Stadt"
STATE = "Land Rheinland-Pfalz (digitale Modellstadt)"
OWN_FUNDS = "Eigenmittel der Stadt"
REFERAT_DIGITAL = "Referat Digitalisierung und Innovation"
REFERAT_STADTENTWICKLUNG = "Referat Stadtentwicklung"

FIELDS = [
    {
        "slug": "verwaltung",
        "name_de": "Verwaltung",
        "name_en": "City Administration",
        "summary_de": (
            "Behördengänge online erledigen und Wissen mit anderen Kommunen teilen: So wird die Verwaltung für alle "
            "leichter erreichbar."
        ),
        "summary_en": (
            "Handling city business online and sharing know-how with other towns makes the administration easier "
            "to reach for everyone."
        ),
        "order": 1,
        "colour": "#0b4f8a",
    },
    {
        "slug": "bildung",
        "name_de": "Bildung",
        "name_en": "Education",
        "summary_de": "Schulen und Kitas bekommen verlässliche Netze, damit digitales Lernen im Alltag funktioniert.",
        "summary_en": "Reliable networks for schools and daycare centers, so digital learning works day to day.",
        "order": 2,
        "colour": "#6a1b9a",
    },
    {
        "slug": "gesellschaft",
        "name_de": "Gesellschaft",
        "name_en": "Community",
        "summary_de": (
            "Bürgerinnen und Bürger reden mit, bringen Ideen ein und gestalten den digitalen Wandel ihrer Stadt."
        ),
        "summary_en": "Residents have a say, share their ideas and help shape how their city goes digital.",
        "order": 3,
        "colour": "#ad1457",
    },
    {
        "slug": "verkehr-mobilitaet",
        "name_de": "Verkehr & Mobilität",
        "name_en": "Transportation & Mobility",
        "summary_de": (
            "Parken, Wegeführung und Lieferverkehr so organisiert, dass alle bequemer und sicherer ans Ziel kommen."
        ),
        "summary_en": (
            "Parking, route planning and deliveries organized so that everyone gets where they're going more easily "
            "and safely."
        ),
        "order": 4,
        "colour": "#8a4500",
    },
    {
        "slug": "energie-umwelt",
        "name_de": "Energie & Umwelt",
        "name_en": "Energy & Environment",
        "summary_de": (
            "Licht nur dann, wenn es gebraucht wird, und Stadtquartiere, die ihre Energie klimaneutral erzeugen und "
            "nutzen."
        ),
        "summary_en": (
            "Lighting only when it's needed, and neighborhoods that produce and use their energy in a "
            "climate-neutral way."
        ),
        "order": 5,
        "colour": "#1b6e3a",
    },
    {
        "slug": "sicherheit",
        "name_de": "Sicherheit",
        "name_en": "Public Safety",
        "summary_de": (
            "Technik, die Feuerwehr, Polizei und Ordnungsdienst bei Einsätzen und Großveranstaltungen schneller ein "
            "klares Lagebild gibt."
        ),
        "summary_en": (
            "Technology that gives firefighters, police and city enforcement a clear picture faster during "
            "emergencies and big events."
        ),
        "order": 6,
        "colour": "#a3001b",
    },
    {
        "slug": "it-infrastruktur",
        "name_de": "IT-Infrastruktur",
        "name_en": "IT Infrastructure",
        "summary_de": "Glasfaser, Mobilfunk und Sensornetze sind das Fundament, auf dem digitale Angebote laufen.",
        "summary_en": "Fiber, mobile and sensor networks are the foundation the city's digital services run on.",
        "order": 7,
        "colour": "#37474f",
    },
    {
        "slug": "datenplattform",
        "name_de": "Datenplattform",
        "name_en": "Data Platform",
        "summary_de": (
            "Städtische Daten werden gesammelt, verknüpft und offen bereitgestellt, damit Planung und Dienste auf "
            "einer besseren Grundlage entstehen."
        ),
        "summary_en": (
            "City data is collected, connected and shared openly, giving planning and public services a better "
            "foundation."
        ),
        "order": 8,
        "colour": "#00695c",
    },
]

# Milestones are (due, completed_on, title_de, title_en, description_de, description_en);
# history points are (day, progress, status), oldest first, the last one matching the project's current values.
PROJECTS = [
    {
        "slug": "handyparken",
        "field": "verkehr-mobilitaet",
        "title_de": "Handyparken",
        "title_en": "Pay-by-Phone Parking",
        "summary_de": (
            "Parkgebühren lassen sich per App, SMS oder Anruf bezahlen und werden minutengenau abgerechnet. "
            "In Kaiserslautern geht das seit April 2018."
        ),
        "summary_en": (
            "Pay for parking with an app, a text message or a phone call and get billed by the minute. "
            "Available in Kaiserslautern since April 2018."
        ),
        "description_de": (
            "Wer in der Innenstadt parkt, muss nicht mehr nach Kleingeld suchen. Seit April 2018 lässt sich das "
            "Parkticket mit dem Handy lösen: per App, per SMS oder mit einem kurzen Anruf. Bezahlt wird nur die "
            "tatsächliche Parkzeit, und wer länger bleibt, verlängert bequem von unterwegs.\n\n"
            "## Ergebnis\n"
            "Bis März 2021 liefen 13,5 Prozent aller bezahlten Parkvorgänge über das Handy. Handyparken ist ein "
            "zusätzliches Angebot: Wer lieber am Automaten zahlt, kann das weiterhin tun."
        ),
        "description_en": (
            "No more digging for coins when you park downtown. Since April 2018, you can pay for parking with your "
            "phone: through an app, by text message or with a quick call. You only pay for the time you actually "
            "park, and if you need more time, you can extend it from wherever you are.\n\n"
            "## Results\n"
            "By March 2021, 13.5 percent of all paid parking sessions were paid by phone. It's an extra option: "
            "if you'd rather use the pay station, you still can."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2017, 12, 1),
        "planned_end": datetime.date(2021, 3, 31),
        "actual_end": datetime.date(2021, 3, 31),
        "budget": Decimal("45000.00"),
        "funding_source": STATE,
        "partners": ["Ordnungsamt der Stadt Kaiserslautern", "KL.digital GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Team Handyparken",
        "contact_email": "parken@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2018, 1, 31),
                datetime.date(2018, 1, 31),
                "Anbieter zugelassen",
                "Providers approved",
                "Die Stadt legt fest, über welche Dienste Parkgebühren bezahlt werden können.",
                "The city decides which services can be used to pay parking fees.",
            ),
            (
                datetime.date(2018, 4, 3),
                datetime.date(2018, 4, 3),
                "Start in der Innenstadt",
                "Launch downtown",
                "Handyparken wird an den gebührenpflichtigen Stellplätzen freigeschaltet.",
                "Pay-by-phone goes live at the city's metered parking spaces.",
            ),
            (
                datetime.date(2018, 10, 31),
                datetime.date(2018, 10, 25),
                "Hinweise an den Automaten",
                "Signs at the pay stations",
                "Aufkleber an den Parkscheinautomaten nennen die Nummer der Parkzone.",
                "Stickers on the pay stations show the zone number to enter.",
            ),
            (
                datetime.date(2021, 3, 31),
                datetime.date(2021, 3, 31),
                "Auswertung der Nutzung",
                "Usage review",
                "13,5 Prozent der bezahlten Parkvorgänge laufen über das Handy.",
                "13.5 percent of paid parking sessions now go through a phone.",
            ),
        ],
        "history": [
            (datetime.date(2017, 12, 1), 0, IN_PROGRESS),
            (datetime.date(2018, 4, 3), 70, IN_PROGRESS),
            (datetime.date(2021, 3, 31), 100, COMPLETED),
        ],
    },
    {
        "slug": "kl-navi",
        "field": "verkehr-mobilitaet",
        "title_de": "KL Navi: Wege nach persönlichem Bedarf",
        "title_en": "KL Navi: Routes Tailored to Your Needs",
        "summary_de": (
            "Ein digitaler Lotse plant Wege durch die Stadt nach persönlichen Bedürfnissen, etwa mit Rollstuhl, "
            "bei eingeschränktem Sehen oder bei Allergien."
        ),
        "summary_en": (
            "A digital guide that plans routes through the city around your personal needs, whether you use a "
            "wheelchair, have low vision or live with allergies."
        ),
        "description_de": (
            "Nicht jeder Weg passt für jeden. Stufen, fehlende Leitlinien oder blühende Bäume können für manche "
            "Menschen zum Hindernis werden. KL Navi berechnet Routen, die solche Hürden umgehen, und richtet sich "
            "dabei nach dem, was man selbst einstellt.\n\n"
            "## Förderung und Test\n"
            "- Der Bund fördert das Projekt seit 2023 mit 323.896 Euro aus dem Verkehrsressort.\n"
            "- Im September 2024 konnten Interessierte das System in einem öffentlichen Test ausprobieren.\n\n"
            "KL Navi knüpft an frühere Ideen der Stadt an, etwa ein Leitsystem für blinde und sehbehinderte Menschen."
        ),
        "description_en": (
            "Not every route works for everyone. Steps, missing tactile paving or trees in bloom can turn a short "
            "walk into a real obstacle. KL Navi calculates routes that avoid those barriers, based on the settings "
            "you choose.\n\n"
            "## Funding and testing\n"
            "- Since 2023, the federal transportation ministry has supported the project with 323,896 euros.\n"
            "- In September 2024, the public was invited to try the system in an open test.\n\n"
            "KL Navi builds on earlier ideas from the city, such as a guidance system for blind and visually "
            "impaired people."
        ),
        "status": IN_PROGRESS,
        "progress": 70,
        "start": datetime.date(2023, 6, 1),
        "planned_end": 210,
        "budget": Decimal("323896.00"),
        "budget_reported": True,
        "funding_source": "Bund (Förderung des Bundesverkehrsministeriums)",
        "partners": ["KL.digital GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam KL Navi",
        "contact_email": "klnavi@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2023, 6, 30),
                datetime.date(2023, 6, 30),
                "Förderung bewilligt",
                "Federal funding approved",
                "Der Bund sagt 323.896 Euro für das Lotsensystem zu.",
                "The federal government commits 323,896 euros to the routing system.",
            ),
            (
                datetime.date(2024, 9, 30),
                datetime.date(2024, 9, 20),
                "Öffentlicher Test",
                "Public test",
                "Bürgerinnen und Bürger probieren die Routenplanung aus und geben Rückmeldung.",
                "Residents try out the route planner and share their feedback.",
            ),
            (
                -25,
                None,
                "Testergebnisse veröffentlichen",
                "Publish test results",
                "Die Rückmeldungen aus dem Test werden in einem kurzen Bericht zusammengefasst.",
                "Feedback from the test is summarized in a short report.",
            ),
            (
                70,
                None,
                "Freigabe für alle",
                "Launch for everyday use",
                "KL Navi steht allen kostenlos zur Verfügung.",
                "KL Navi becomes available to everyone, free of charge.",
            ),
        ],
        "history": [
            (datetime.date(2023, 6, 1), 5, IN_PROGRESS),
            (datetime.date(2024, 9, 20), 45, IN_PROGRESS),
            (-15, 70, IN_PROGRESS),
        ],
    },
    {
        "slug": "verkehrssensoren",
        "field": "verkehr-mobilitaet",
        "title_de": "Verkehrssensoren für die Stadtplanung",
        "title_en": "Traffic Sensors for City Planning",
        "summary_de": (
            "Sensoren zählen an ausgewählten Straßen den Verkehr, damit Verkehrs- und Stadtplanung mit aktuellen "
            "Zahlen arbeiten können."
        ),
        "summary_en": (
            "Sensors count traffic on selected streets so that traffic engineers and city planners can work with "
            "up-to-date numbers."
        ),
        "description_de": (
            "Wie viele Autos, Fahrräder und Fußgänger sind wann unterwegs? Viele Planungen stützen sich bisher auf "
            "einzelne Zählungen an wenigen Tagen. Fest installierte Sensoren sollen ein genaueres Bild liefern.\n\n"
            "## Grundsätze\n"
            "- Die Sensoren zählen nur; sie erkennen weder Personen noch Kennzeichen.\n"
            "- Die Zählwerte sollen als offene Daten im Open-Data-Portal erscheinen."
        ),
        "description_en": (
            "How many cars, bikes and pedestrians are on the move, and when? Many planning decisions still rely on "
            "one-off counts taken on just a few days. Permanently installed sensors are meant to give a more "
            "accurate picture.\n\n"
            "## Ground rules\n"
            "- The sensors only count; they don't identify people or license plates.\n"
            "- The counts are to be published as open data on the city's open data portal."
        ),
        "status": PLANNED,
        "progress": 5,
        "start": 90,
        "planned_end": 540,
        "budget": Decimal("120000.00"),
        "funding_source": OWN_FUNDS,
        "partners": ["SWK Stadtwerke Kaiserslautern"],
        "responsible_office": REFERAT_STADTENTWICKLUNG,
        "contact_name": "Projektteam Verkehrsplanung",
        "contact_email": "verkehrsplanung@kaiserslautern.example",
        "is_published": False,
        "milestones": [
            (
                20,
                None,
                "Zählstellen festlegen",
                "Choose counting sites",
                "Verkehrs- und Stadtplanung wählen die ersten Standorte aus.",
                "Traffic engineers and city planners pick the first locations.",
            ),
            (
                60,
                None,
                "Datenschutzprüfung",
                "Privacy review",
                "Die Datenschutzbeauftragte der Stadt prüft das Messkonzept.",
                "The city's data protection officer reviews how the sensors measure.",
            ),
            (
                110,
                None,
                "Ausschreibung",
                "Request for bids",
                "Die Stadt schreibt Lieferung und Betrieb der Sensoren aus.",
                "The city puts the supply and operation of the sensors out to bid.",
            ),
        ],
        "history": [
            (-120, 0, PLANNED),
            (-30, 5, PLANNED),
        ],
    },
    {
        "slug": "lokale-logistik",
        "field": "verkehr-mobilitaet",
        "title_de": "Lokale Logistik: Fahrradkuriere für den Einzelhandel",
        "title_en": "Local Logistics: Bike Couriers for Local Shops",
        "summary_de": (
            "Kuriere brachten Bestellungen aus Geschäften der Innenstadt mit dem Fahrrad zu Abholstationen mit "
            "Schließfächern. Der Pilot lief von 2019 bis 2022."
        ),
        "summary_en": (
            "Bike couriers carried orders from downtown shops to pick-up lockers. The pilot ran from 2019 to 2022."
        ),
        "description_de": (
            "Online bestellen und trotzdem beim Geschäft um die Ecke kaufen: Das war die Idee hinter Lokale "
            "Logistik. Kuriere holten Bestellungen mit dem Fahrrad in den Läden ab und brachten sie zu "
            "Abholstationen, an denen die Kundschaft sie zu jeder Tageszeit mitnehmen konnte.\n\n"
            "## Stand\n"
            "Der Pilot lief von 2019 bis 2022. Eine abschließende Bewertung liegt öffentlich nicht vor; in dieser "
            "Demo ist das Vorhaben deshalb als eingestellt geführt."
        ),
        "description_en": (
            "Order online and still support the shop around the corner: that was the idea behind Local Logistics. "
            "Couriers picked up orders from stores by bike and dropped them off at pick-up lockers, where customers "
            "could collect them at any time of day.\n\n"
            "## Status\n"
            "The pilot ran from 2019 to 2022. No final evaluation has been made public, so this demo lists the "
            "project as discontinued."
        ),
        "status": STOPPED,
        "progress": 70,
        "start": datetime.date(2019, 6, 1),
        "planned_end": datetime.date(2022, 12, 31),
        "actual_end": datetime.date(2022, 12, 31),
        "budget": Decimal("150000.00"),
        "funding_source": STATE,
        "partners": ["Einzelhandel der Innenstadt", "KL.digital GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam Smart City",
        "contact_email": "smartcity@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2019, 9, 30),
                datetime.date(2019, 10, 15),
                "Geschäfte gewinnen",
                "Shops sign up",
                "Die ersten Geschäfte der Innenstadt machen beim Pilot mit.",
                "The first downtown shops join the pilot.",
            ),
            (
                datetime.date(2020, 3, 31),
                datetime.date(2020, 4, 20),
                "Abholstationen aufgestellt",
                "Pick-up lockers installed",
                "Schließfächer für Bestellungen stehen an gut erreichbaren Orten.",
                "Lockers for orders are set up at easy-to-reach spots.",
            ),
            (
                datetime.date(2022, 6, 30),
                datetime.date(2022, 7, 15),
                "Zwischenbilanz",
                "Interim review",
                "Beteiligte Geschäfte und Kuriere ziehen eine erste Bilanz.",
                "Participating shops and couriers take stock.",
            ),
        ],
        "history": [
            (datetime.date(2019, 6, 1), 5, IN_PROGRESS),
            (datetime.date(2020, 4, 20), 40, IN_PROGRESS),
            (datetime.date(2021, 6, 30), 65, IN_PROGRESS),
            (datetime.date(2022, 12, 31), 70, STOPPED),
        ],
    },
    {
        "slug": "ikone-ds",
        "field": "verwaltung",
        "title_de": "IKONE DS: Interkommunales Netzwerk Digitale Stadt",
        "title_en": "IKONE DS: A Network of Digital Towns",
        "summary_de": (
            "Kommunen in Rheinland-Pfalz teilen ihr Wissen über Digitalisierung, damit nicht jede Stadt dieselben "
            "Fragen allein beantworten muss."
        ),
        "summary_en": (
            "Towns and cities across Rhineland-Palatinate share what they've learned about going digital, so no "
            "one has to solve the same problems alone."
        ),
        "description_de": (
            "Gute Lösungen sollen nicht an der Stadtgrenze enden. Im April 2019 gründete Kaiserslautern gemeinsam "
            "mit Andernach, Speyer, Wörth am Rhein und Zweibrücken das Interkommunale Netzwerk Digitale Stadt.\n\n"
            "## Was das Netzwerk leistet\n"
            "- Erfahrungen aus Pilotprojekten austauschen\n"
            "- erprobte Lösungen an andere Kommunen weitergeben\n"
            "- voneinander lernen, statt alles neu zu erfinden\n\n"
            "Aus den fünf Gründungsmitgliedern sind inzwischen mehr als 30 Mitglieder geworden."
        ),
        "description_en": (
            "Good solutions shouldn't stop at the city limits. In April 2019, Kaiserslautern teamed up with "
            "Andernach, Speyer, Wörth am Rhein and Zweibrücken to found the Intermunicipal Network for Digital "
            "Cities (IKONE DS).\n\n"
            "## What the network does\n"
            "- shares lessons from pilot projects\n"
            "- passes proven solutions on to other towns\n"
            "- helps members learn from each other instead of reinventing the wheel\n\n"
            "The five founding members have since grown to more than 30."
        ),
        "status": IN_PROGRESS,
        "progress": 80,
        "start": datetime.date(2019, 4, 1),
        "planned_end": 400,
        "budget": Decimal("90000.00"),
        "funding_source": "Land Rheinland-Pfalz",
        "partners": ["Stadt Andernach", "Stadt Speyer", "Stadt Wörth am Rhein", "Stadt Zweibrücken"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Geschäftsstelle IKONE DS",
        "contact_email": "ikone@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2019, 4, 15),
                datetime.date(2019, 4, 15),
                "Gründung mit fünf Städten",
                "Founded by five cities",
                "Kaiserslautern, Andernach, Speyer, Wörth am Rhein und Zweibrücken starten das Netzwerk.",
                "Kaiserslautern, Andernach, Speyer, Wörth am Rhein and Zweibrücken launch the network.",
            ),
            (
                datetime.date(2022, 12, 31),
                datetime.date(2022, 11, 30),
                "Mehr als 30 Mitglieder",
                "More than 30 members",
                "Das Netzwerk wächst über die Gründungsstädte hinaus.",
                "The network grows well beyond its founding cities.",
            ),
            (
                -200,
                -190,
                "Gemeinsame Wissenssammlung online",
                "Shared knowledge base goes live",
                "Mitglieder finden erprobte Lösungen und Ansprechpersonen an einem Ort.",
                "Members can find proven solutions and the right contacts in one place.",
            ),
            (
                45,
                None,
                "Jahrestreffen des Netzwerks",
                "Annual network meeting",
                "Die Mitglieder stellen neue Projekte vor und planen das kommende Jahr.",
                "Members present new projects and plan for the year ahead.",
            ),
        ],
        "history": [
            (datetime.date(2019, 4, 15), 10, IN_PROGRESS),
            (datetime.date(2021, 6, 30), 45, IN_PROGRESS),
            (datetime.date(2023, 6, 30), 65, IN_PROGRESS),
            (-20, 80, IN_PROGRESS),
        ],
    },
    {
        "slug": "service-konto",
        "field": "verwaltung",
        "title_de": "Anmeldung mit dem Service-Konto Rheinland-Pfalz",
        "title_en": "Sign In with the Rhineland-Palatinate Service Account",
        "summary_de": (
            "Für Online-Dienste der Stadt können sich Antragstellende mit dem Service-Konto des Landes ausweisen, "
            "statt für jeden Antrag ein eigenes Konto anzulegen."
        ),
        "summary_en": (
            "For the city's online services, you can verify your identity with the state's service account "
            "instead of creating a new account for every application."
        ),
        "description_de": (
            "Bei vielen Anträgen muss die Verwaltung wissen, wer sie stellt. Das Service-Konto Rheinland-Pfalz ist "
            "das Bürgerkonto des Landes: Einmal eingerichtet, dient es als Ausweis für die Online-Dienste "
            "verschiedener Behörden.\n\n"
            "## Was sich ändert\n"
            "- ein Konto für viele Online-Anträge\n"
            "- Anmeldung auf Wunsch mit der Online-Ausweisfunktion des Personalausweises\n\n"
            "Die Stadt hat ihre Online-Dienste Schritt für Schritt an das Service-Konto angebunden."
        ),
        "description_en": (
            "Many applications require the city to know who is filing them. The Rhineland-Palatinate service "
            "account (Service-Konto) is the state's citizen account: set it up once, and you can use it to "
            "identify yourself for the online services of different agencies.\n\n"
            "## What changes\n"
            "- one account for many online applications\n"
            "- optional sign-in with the online ID function of a German ID card\n\n"
            "The city has connected its online services to the service account step by step."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2019, 9, 1),
        "planned_end": datetime.date(2021, 12, 31),
        "actual_end": datetime.date(2022, 3, 31),
        "budget": Decimal("80000.00"),
        "funding_source": "Land Rheinland-Pfalz",
        "partners": ["Land Rheinland-Pfalz", "KL.digital GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Team Digitale Verwaltung",
        "contact_email": "onlinedienste@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2019, 12, 15),
                datetime.date(2019, 12, 10),
                "Technische Anbindung getestet",
                "Technical connection tested",
                "Ein Testdienst meldet Nutzerinnen und Nutzer über das Service-Konto an.",
                "A test service signs users in through the service account.",
            ),
            (
                datetime.date(2020, 9, 30),
                datetime.date(2020, 10, 20),
                "Erste Online-Dienste angebunden",
                "First online services connected",
                "Die ersten Anträge lassen sich mit dem Service-Konto stellen.",
                "The first applications can be filed using the service account.",
            ),
            (
                datetime.date(2021, 12, 31),
                datetime.date(2022, 3, 31),
                "Weitere Dienste angebunden",
                "More services connected",
                "Auch die übrigen Online-Dienste der Stadt nutzen das Service-Konto.",
                "The city's remaining online services switch to the service account as well.",
            ),
        ],
        "history": [
            (datetime.date(2019, 9, 1), 5, IN_PROGRESS),
            (datetime.date(2020, 10, 20), 50, IN_PROGRESS),
            (datetime.date(2022, 3, 31), 100, COMPLETED),
        ],
    },
    {
        "slug": "buergertresor",
        "field": "verwaltung",
        "title_de": "Bürgertresor: digitaler Safe für Dokumente",
        "title_en": "Citizen Vault: A Digital Safe for Your Documents",
        "summary_de": (
            "Ein geschützter digitaler Ablageort, in dem Bürgerinnen und Bürger wichtige Dokumente aufbewahren und "
            "bei Bedarf für einen Antrag freigeben."
        ),
        "summary_en": (
            "A secure digital place to keep important documents and share them with the city when you apply for "
            "something."
        ),
        "description_de": (
            "Geburtsurkunde, Meldebescheinigung, Bescheide: Viele Unterlagen braucht man immer wieder. Der "
            "Bürgertresor soll sie sicher an einem Ort verwahren. Nur wer den Tresor besitzt, entscheidet, welches "
            "Dokument für welchen Antrag freigegeben wird.\n\n"
            "## Nächste Schritte\n"
            "Zunächst klärt die Stadt die Anforderungen an Datenschutz und IT-Sicherheit und prüft, wie sich der "
            "Tresor mit dem Service-Konto Rheinland-Pfalz verbinden lässt."
        ),
        "description_en": (
            "Birth certificates, proof of address registration, official notices: many documents are needed again "
            "and again. The Citizen Vault is meant to keep them safe in one place. Only the owner decides which "
            "document is shared for which application.\n\n"
            "## Next steps\n"
            "First, the city is working out the privacy and IT security requirements and looking at how the vault "
            "can connect to the Rhineland-Palatinate service account."
        ),
        "status": PLANNED,
        "progress": 5,
        "start": 75,
        "planned_end": 600,
        "budget": Decimal("200000.00"),
        "funding_source": OWN_FUNDS,
        "partners": [],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Team Digitale Verwaltung",
        "contact_email": "onlinedienste@kaiserslautern.example",
        "milestones": [
            (
                30,
                None,
                "Anforderungen an den Datenschutz",
                "Privacy requirements defined",
                "Die Stadt legt fest, wie Dokumente geschützt und Freigaben protokolliert werden.",
                "The city sets out how documents are protected and how sharing is logged.",
            ),
            (
                75,
                None,
                "Projektstart",
                "Project kickoff",
                "Das Projektteam nimmt die Arbeit auf.",
                "The project team gets to work.",
            ),
            (
                115,
                None,
                "Marktübersicht abgeschlossen",
                "Market survey completed",
                "Vorhandene Lösungen anderer Kommunen und Länder sind geprüft.",
                "Existing solutions from other cities and states have been reviewed.",
            ),
        ],
        "history": [
            (-100, 0, PLANNED),
            (-14, 5, PLANNED),
        ],
    },
    {
        "slug": "zentrales-schulnetz",
        "field": "bildung",
        "title_de": "Zentrales Schulnetz",
        "title_en": "Central School Network",
        "summary_de": (
            "Die städtischen Schulen werden an ein gemeinsames, zentral betreutes Netz angeschlossen, damit Internet "
            "und digitale Lernangebote überall zuverlässig laufen."
        ),
        "summary_en": (
            "The city's schools are being connected to one shared, centrally managed network so that internet and "
            "digital learning tools work reliably everywhere."
        ),
        "description_de": (
            "Tablets, digitale Tafeln und Lernplattformen helfen nur, wenn das Netz mitspielt. Pflegt jede Schule "
            "ihre eigene Lösung, bleibt die Betreuung oft an engagierten Lehrkräften hängen. Ein zentrales "
            "Schulnetz bringt einheitliche Technik und Betreuung aus einer Hand.\n\n"
            "## Ziele\n"
            "- schnelles, stabiles Internet für jede Schule\n"
            "- zentraler Schutz vor Schadsoftware und ungeeigneten Inhalten\n"
            "- weniger Technikfragen für Lehrkräfte, mehr Zeit für den Unterricht"
        ),
        "description_en": (
            "Tablets, smart boards and learning platforms only help if the network can keep up. When every school "
            "runs its own setup, tech support often falls to dedicated teachers on top of their classes. A central "
            "school network brings standard equipment and support from a single source.\n\n"
            "## Goals\n"
            "- fast, stable internet for every school\n"
            "- central protection against malware and inappropriate content\n"
            "- fewer tech chores for teachers and more time for teaching"
        ),
        "status": IN_PROGRESS,
        "progress": 60,
        "start": datetime.date(2020, 9, 1),
        "planned_end": 300,
        "budget": Decimal("2400000.00"),
        "funding_source": "Land Rheinland-Pfalz und Eigenmittel der Stadt",
        "partners": ["Schulen in Trägerschaft der Stadt Kaiserslautern", "KL.digital GmbH"],
        "responsible_office": "Referat Schulen",
        "contact_name": "Projektteam Schul-IT",
        "contact_email": "schul-it@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2021, 7, 31),
                datetime.date(2021, 8, 20),
                "Netzkonzept beschlossen",
                "Network plan approved",
                "Aufbau, Sicherheit und Betreuung des Schulnetzes sind festgelegt.",
                "The design, security and support model of the school network are settled.",
            ),
            (
                datetime.date(2023, 12, 31),
                datetime.date(2024, 2, 15),
                "Erste Schulen angeschlossen",
                "First schools connected",
                "Die ersten Schulen arbeiten im zentralen Netz.",
                "The first schools are up and running on the central network.",
            ),
            (
                -35,
                None,
                "Alle Grundschulen angeschlossen",
                "All elementary schools connected",
                "Verzögert, weil Netztechnik später geliefert wird als geplant.",
                "Delayed because network hardware is arriving later than planned.",
            ),
            (
                95,
                None,
                "Weiterführende Schulen angeschlossen",
                "Secondary schools connected",
                "Auch die weiterführenden Schulen wechseln ins zentrale Netz.",
                "The middle and high schools move to the central network as well.",
            ),
        ],
        "history": [
            (datetime.date(2020, 9, 1), 0, IN_PROGRESS),
            (datetime.date(2022, 6, 30), 25, IN_PROGRESS),
            (datetime.date(2024, 2, 15), 45, IN_PROGRESS),
            (-10, 60, IN_PROGRESS),
        ],
    },
    {
        "slug": "internet-fuer-kitas",
        "field": "bildung",
        "title_de": "Internet für Kitas",
        "title_en": "Internet for Daycare Centers",
        "summary_de": (
            "Kitas erhielten Internetzugang und digitale Arbeitsgeräte, damit Fachkräfte Dokumentation, Kontakt "
            "zu Eltern und pädagogische Arbeit leichter bewältigen."
        ),
        "summary_en": (
            "Daycare centers got internet access and digital devices, making paperwork, staying in touch with "
            "parents and everyday work with the kids easier for staff."
        ),
        "description_de": (
            "Auch in der Kita gehören Dokumentation, Dienstpläne und Nachrichten an Eltern zum Alltag. Dafür "
            "brauchen Erzieherinnen und Erzieher einen verlässlichen Internetzugang und passende Geräte.\n\n"
            "## Umgesetzt\n"
            "- Internetanschluss und WLAN in den Einrichtungen\n"
            "- Laptops und Tablets für die Teams\n"
            "- Einführung und Schulungen für die Fachkräfte"
        ),
        "description_en": (
            "Daycare centers deal with paperwork, staff schedules and messages to parents every day. To keep up, "
            "their educators need reliable internet and the right devices.\n\n"
            "## What was delivered\n"
            "- internet access and Wi-Fi in the centers\n"
            "- laptops and tablets for the teams\n"
            "- introductory training for staff"
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2020, 3, 1),
        "planned_end": datetime.date(2021, 12, 31),
        "actual_end": datetime.date(2022, 6, 30),
        "budget": Decimal("350000.00"),
        "funding_source": STATE,
        "partners": ["Kindertagesstätten in Kaiserslautern", "KL.digital GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam Smart City",
        "contact_email": "smartcity@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2020, 6, 30),
                datetime.date(2020, 7, 10),
                "Bedarf erhoben",
                "Needs assessed",
                "Jede Einrichtung meldet, welche Anschlüsse und Geräte fehlen.",
                "Each center reports which connections and devices it's missing.",
            ),
            (
                datetime.date(2021, 6, 30),
                datetime.date(2021, 9, 30),
                "Anschlüsse und WLAN eingerichtet",
                "Connections and Wi-Fi installed",
                "Die Kitas sind online und im Haus mit WLAN versorgt.",
                "The centers are online, with Wi-Fi throughout the building.",
            ),
            (
                datetime.date(2022, 6, 30),
                datetime.date(2022, 6, 30),
                "Schulungen abgeschlossen",
                "Staff training completed",
                "Die Teams sind mit Geräten und Programmen vertraut.",
                "The teams are comfortable with their new devices and software.",
            ),
        ],
        "history": [
            (datetime.date(2020, 3, 1), 0, IN_PROGRESS),
            (datetime.date(2021, 9, 30), 70, IN_PROGRESS),
            (datetime.date(2022, 6, 30), 100, COMPLETED),
        ],
    },
    {
        "slug": "licht-am-fauthweg",
        "field": "energie-umwelt",
        "title_de": "Intelligente Beleuchtung am Fauthweg",
        "title_en": "Smart Lighting on the Fauthweg Path",
        "summary_de": (
            "Zehn LED-Leuchten auf dem 300 Meter langen Fußweg vom Hauptbahnhof zum Lämmchesberg werden heller, "
            "wenn jemand kommt, und warnen vor Glätte."
        ),
        "summary_en": (
            "Ten LED lights along the 300-meter footpath from the main train station to the Lämmchesberg "
            "neighborhood brighten when someone approaches and warn of icy conditions."
        ),
        "description_de": (
            "Der Fauthweg verbindet den Hauptbahnhof mit dem Stadtteil Lämmchesberg. Seit dem Sommer 2019 leuchten "
            "dort zehn LED-Leuchten nur so hell, wie es gerade nötig ist: Bewegungsmelder erkennen, wenn jemand "
            "kommt, und regeln das Licht hoch.\n\n"
            "## Mehr Sicherheit auf dem Weg\n"
            "- Ein Taster an den Masten macht den Weg auf Wunsch sofort heller.\n"
            "- Sensoren messen Temperatur und Luftfeuchtigkeit; droht Glatteis, blendet ein Projektor einen "
            "Warnhinweis ein.\n\n"
            "Die Testphase lief vom 12. August 2019 bis März 2023. Das Land Rheinland-Pfalz förderte das Vorhaben, "
            "Partner war die ICE Gateway GmbH."
        ),
        "description_en": (
            "The Fauthweg path links the main train station with the Lämmchesberg neighborhood. Since summer 2019, "
            "its ten LED lights have been only as bright as they need to be: motion sensors notice when someone "
            "is coming and turn the light up.\n\n"
            "## A safer walk\n"
            "- A push button on the light poles brightens the path right away.\n"
            "- Sensors measure temperature and humidity; when black ice is likely, a projector displays a warning."
            "\n\n"
            "The pilot ran from August 12, 2019, to March 2023. It was funded by the state of "
            "Rhineland-Palatinate, with ICE Gateway GmbH as the technology partner."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2019, 8, 12),
        "planned_end": datetime.date(2023, 3, 31),
        "actual_end": datetime.date(2023, 3, 31),
        "budget": Decimal("95000.00"),
        "funding_source": "Land Rheinland-Pfalz",
        "partners": ["ICE Gateway GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam Smart City",
        "contact_email": "smartcity@kaiserslautern.example",
        "place_name": "Fauthweg, zwischen Hauptbahnhof und Lämmchesberg",
        "latitude": Decimal("49.436600"),
        "longitude": Decimal("7.768900"),
        "milestones": [
            (
                datetime.date(2019, 8, 12),
                datetime.date(2019, 8, 12),
                "Leuchten in Betrieb",
                "Lights switched on",
                "Zehn LED-Leuchten mit Bewegungsmeldern gehen in Betrieb.",
                "Ten LED lights with motion sensors go into service.",
            ),
            (
                datetime.date(2019, 12, 15),
                datetime.date(2019, 12, 20),
                "Glättewarnung aktiv",
                "Ice warning goes live",
                "Der Projektor warnt, sobald Temperatur und Feuchte auf Glätte hindeuten.",
                "The projector warns whenever temperature and humidity point to ice.",
            ),
            (
                datetime.date(2021, 9, 30),
                datetime.date(2021, 10, 15),
                "Zwischenauswertung",
                "Interim review",
                "Messdaten und Rückmeldungen von Passanten werden ausgewertet.",
                "Sensor data and feedback from people using the path are reviewed.",
            ),
            (
                datetime.date(2023, 3, 31),
                datetime.date(2023, 3, 31),
                "Testphase abgeschlossen",
                "Pilot completed",
                "Die Erfahrungen stehen anderen Kommunen zur Verfügung.",
                "The lessons learned are shared with other towns.",
            ),
        ],
        "history": [
            (datetime.date(2019, 8, 12), 50, IN_PROGRESS),
            (datetime.date(2021, 10, 15), 75, IN_PROGRESS),
            (datetime.date(2023, 3, 31), 100, COMPLETED),
        ],
    },
    {
        "slug": "enstadt-pfaff",
        "field": "energie-umwelt",
        "title_de": "EnStadt:Pfaff: klimaneutrales Quartier",
        "title_en": "EnStadt:Pfaff: A Climate-Neutral Neighborhood",
        "summary_de": (
            "Auf dem 20 Hektar großen Gelände der früheren Nähmaschinenfabrik Pfaff entsteht ein Stadtquartier, das "
            "seine Energie klimaneutral gewinnt und nutzt."
        ),
        "summary_en": (
            "The 20-hectare site of the former Pfaff sewing machine factory is turning into a neighborhood that "
            "generates and uses its energy in a climate-neutral way."
        ),
        "description_de": (
            "Wo früher Nähmaschinen gebaut wurden, wächst ein neues Stück Stadt: Wohnen, Arbeiten und Forschung "
            "auf rund 20 Hektar. Das vom Bund geförderte Forschungsprojekt EnStadt:Pfaff hat untersucht und "
            "erprobt, wie ein solches Quartier ohne klimaschädliche Emissionen auskommen kann.\n\n"
            "## Schwerpunkte\n"
            "- Strom und Wärme aus erneuerbaren Quellen, klug im Quartier verteilt\n"
            "- digitale Werkzeuge, die Erzeugung und Verbrauch sichtbar machen\n\n"
            "Beteiligt waren unter anderem Fraunhofer ISE und Fraunhofer IESE, die Stadtwerke, die "
            "Pfaff-Areal-Entwicklungsgesellschaft und Hochschulen. Das Projekt lief vom 1. Oktober 2017 bis zum "
            "31. Dezember 2024; eine Folgephase ist für 2025 bis 2027 vorgesehen."
        ),
        "description_en": (
            "Where sewing machines were once built, a new part of the city is taking shape: homes, workplaces and "
            "research on about 20 hectares (roughly 50 acres). The federally funded research project EnStadt:Pfaff "
            "studied and tested how a neighborhood like this can get by without climate-damaging emissions.\n\n"
            "## Focus areas\n"
            "- power and heat from renewable sources, distributed smartly across the neighborhood\n"
            "- digital tools that show how much energy is produced and used\n\n"
            "Partners included Fraunhofer ISE and Fraunhofer IESE, the local utility SWK, the Pfaff site "
            "development company PEG and several universities. The project ran from October 1, 2017, to "
            "December 31, 2024; a follow-up phase is planned for 2025 through 2027."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2017, 10, 1),
        "planned_end": datetime.date(2024, 12, 31),
        "actual_end": datetime.date(2024, 12, 31),
        "budget": Decimal("4500000.00"),
        "funding_source": "Bund (Forschungsförderung)",
        "partners": [
            "Fraunhofer ISE",
            "Fraunhofer IESE",
            "SWK Stadtwerke Kaiserslautern",
            "PEG Pfaff-Areal-Entwicklungsgesellschaft",
            "Hochschule Kaiserslautern",
            "RPTU Kaiserslautern-Landau",
        ],
        "responsible_office": REFERAT_STADTENTWICKLUNG,
        "contact_name": "Projektteam Stadtentwicklung",
        "contact_email": "stadtentwicklung@kaiserslautern.example",
        "place_name": "Pfaff-Areal",
        "latitude": Decimal("49.444000"),
        "longitude": Decimal("7.754500"),
        "milestones": [
            (
                datetime.date(2017, 10, 1),
                datetime.date(2017, 10, 1),
                "Forschungsstart",
                "Research begins",
                "Stadt, Stadtwerke und Forschung beginnen ihre gemeinsame Arbeit.",
                "The city, the utility and the research partners start working together.",
            ),
            (
                datetime.date(2020, 6, 30),
                datetime.date(2020, 9, 30),
                "Energiekonzept für das Quartier",
                "Energy plan for the neighborhood",
                "Das Konzept zeigt, wie das Quartier seinen Bedarf klimaneutral decken kann.",
                "The plan shows how the neighborhood can meet its needs in a climate-neutral way.",
            ),
            (
                datetime.date(2022, 12, 31),
                datetime.date(2023, 3, 31),
                "Erste Anlagen im Testbetrieb",
                "First systems in test operation",
                "Erste Bausteine des Energiekonzepts laufen im Alltag.",
                "The first parts of the energy plan are running day to day.",
            ),
            (
                datetime.date(2024, 12, 31),
                datetime.date(2024, 12, 31),
                "Erste Projektphase abgeschlossen",
                "First phase completed",
                "Die Ergebnisse fließen in die Folgephase ein.",
                "The results carry over into the follow-up phase.",
            ),
        ],
        "history": [
            (datetime.date(2017, 10, 1), 0, IN_PROGRESS),
            (datetime.date(2020, 9, 30), 40, IN_PROGRESS),
            (datetime.date(2023, 3, 31), 75, IN_PROGRESS),
            (datetime.date(2024, 12, 31), 100, COMPLETED),
        ],
    },
    {
        "slug": "temes",
        "field": "sicherheit",
        "title_de": "TEMES: mobile Teleskopmasten für Großveranstaltungen",
        "title_en": "TEMES: Mobile Telescopic Masts for Big Events",
        "summary_de": (
            "Vier mobile Teleskopmasten tragen Kameras, Licht oder Funkstrecken auf bis zu sechs Meter Höhe und "
            "lassen sich dort aufstellen, wo sie gerade gebraucht werden."
        ),
        "summary_en": (
            "Four mobile telescopic masts lift cameras, lights or radio links up to six meters (about 20 feet) and "
            "can be set up wherever they're needed."
        ),
        "description_de": (
            "Bei Stadtfesten und anderen Großveranstaltungen müssen Einsatzkräfte schnell überblicken, was "
            "passiert. Fest installierte Technik gibt es aber nicht überall. TEMES bringt sie dorthin, wo sie "
            "fehlt: Vier mobile Teleskopmasten fahren auf bis zu sechs Meter aus und tragen Kameras, Scheinwerfer "
            "oder Richtfunk.\n\n"
            "## Im Einsatz\n"
            "Beim Altstadtfest im Juli 2025 standen die Masten in der Innenstadt. Die Erfahrungen fließen in die "
            "Planung weiterer Veranstaltungen ein."
        ),
        "description_en": (
            "At city festivals and other big events, emergency crews need a quick overview of what's going on, "
            "but permanent equipment isn't available everywhere. TEMES brings it where it's missing: four mobile "
            "telescopic masts extend up to six meters (about 20 feet) and carry cameras, floodlights or radio "
            "relays.\n\n"
            "## In action\n"
            "The masts were set up downtown for the Altstadtfest (Old Town Festival) in July 2025. What the teams "
            "learned there goes into planning for future events."
        ),
        "status": IN_PROGRESS,
        "progress": 75,
        "start": datetime.date(2024, 1, 15),
        "planned_end": 180,
        "budget": Decimal("240000.00"),
        "funding_source": SMART_CITIES,
        "partners": [
            "Polizeipräsidium Westpfalz",
            "Feuerwehr Kaiserslautern",
            "SWK Stadtwerke Kaiserslautern",
        ],
        "responsible_office": "Ordnungsamt der Stadt Kaiserslautern",
        "contact_name": "Projektteam Veranstaltungssicherheit",
        "contact_email": "sicherheit@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2024, 6, 30),
                datetime.date(2024, 7, 15),
                "Masten beschafft",
                "Masts purchased",
                "Vier Teleskopmasten mit Anhängern sind geliefert.",
                "Four telescopic masts on trailers have been delivered.",
            ),
            (
                datetime.date(2025, 7, 11),
                datetime.date(2025, 7, 11),
                "Einsatz beim Altstadtfest",
                "Deployed at the Altstadtfest",
                "Die Masten tragen Kameras und Licht für die Einsatzkräfte in der Innenstadt.",
                "The masts carry cameras and lights for emergency crews downtown.",
            ),
            (
                -150,
                -140,
                "Erfahrungen ausgewertet",
                "Field experience reviewed",
                "Polizei, Feuerwehr und Ordnungsamt besprechen, was gut lief und was fehlte.",
                "Police, firefighters and the public order office go over what worked and what was missing.",
            ),
            (
                40,
                None,
                "Einsatzkonzept für weitere Feste",
                "Deployment plan for more events",
                "Ein Leitfaden regelt, wann und wo die Masten aufgestellt werden.",
                "A guide sets out when and where the masts are put up.",
            ),
        ],
        "history": [
            (datetime.date(2024, 1, 15), 5, IN_PROGRESS),
            (datetime.date(2024, 7, 15), 35, IN_PROGRESS),
            (datetime.date(2025, 7, 11), 60, IN_PROGRESS),
            (-140, 75, IN_PROGRESS),
        ],
    },
    {
        "slug": "drohnen-feuerwehr",
        "field": "sicherheit",
        "title_de": "Drohnen für die Feuerwehr",
        "title_en": "Drones for the Fire Department",
        "summary_de": (
            "Zwei Drohnen der Feuerwehr übertragen Wärmebilder live in die Leitstelle und zeigen so schneller, wo es "
            "brennt oder wo Menschen Hilfe brauchen."
        ),
        "summary_en": (
            "Two fire department drones stream live thermal video to the dispatch center, showing faster where a "
            "fire is burning or where people need help."
        ),
        "description_de": (
            "Bei großen Bränden, Unfällen oder der Suche nach vermissten Personen zählt jede Minute. Eine Drohne "
            "verschafft den Einsatzkräften in kurzer Zeit einen Überblick aus der Luft.\n\n"
            "## So funktioniert es\n"
            "- Zwei Drohnen mit Wärmebildkamera stehen der Feuerwehr zur Verfügung.\n"
            "- Die Bilder gehen live an die Leitstelle, sodass auch die Einsatzleitung dort mitsieht.\n\n"
            "Ein erster Prototyp wurde 2018 erprobt."
        ),
        "description_en": (
            "In a major fire, a crash or a search for a missing person, every minute counts. A drone gives crews "
            "an overview from the air in no time.\n\n"
            "## How it works\n"
            "- The fire department has two drones with thermal cameras.\n"
            "- Video streams live to the dispatch center, so the officers in charge see what the crews see.\n\n"
            "A first prototype was tested in 2018."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2018, 3, 1),
        "planned_end": datetime.date(2019, 12, 31),
        "actual_end": datetime.date(2020, 6, 30),
        "budget": Decimal("110000.00"),
        "funding_source": STATE,
        "partners": ["KL.digital GmbH"],
        "responsible_office": "Feuerwehr Kaiserslautern",
        "contact_name": "Sachgebiet Einsatztechnik",
        "contact_email": "feuerwehr@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2018, 9, 30),
                datetime.date(2018, 10, 15),
                "Prototyp erprobt",
                "Prototype tested",
                "Eine erste Drohne fliegt bei Übungen mit.",
                "A first drone flies along during training exercises.",
            ),
            (
                datetime.date(2019, 6, 30),
                datetime.date(2019, 7, 31),
                "Live-Bilder in der Leitstelle",
                "Live video at dispatch",
                "Wärmebilder kommen ohne Verzögerung in der Leitstelle an.",
                "Thermal video reaches the dispatch center in real time.",
            ),
            (
                datetime.date(2020, 3, 31),
                datetime.date(2020, 5, 15),
                "Piloten ausgebildet",
                "Drone pilots trained",
                "Einsatzkräfte haben die Ausbildung zum Drohnenpiloten abgeschlossen.",
                "Firefighters have completed their drone pilot training.",
            ),
            (
                datetime.date(2020, 6, 30),
                datetime.date(2020, 6, 30),
                "Regelbetrieb",
                "In regular service",
                "Beide Drohnen gehören zur Ausrüstung im Einsatz.",
                "Both drones are now part of the standard equipment on calls.",
            ),
        ],
        "history": [
            (datetime.date(2018, 3, 1), 0, IN_PROGRESS),
            (datetime.date(2018, 10, 15), 35, IN_PROGRESS),
            (datetime.date(2019, 7, 31), 70, IN_PROGRESS),
            (datetime.date(2020, 6, 30), 100, COMPLETED),
        ],
    },
    {
        "slug": "mogli-rainbow",
        "field": "it-infrastruktur",
        "title_de": "MoGlI und RAINBOW: mobiles Glasfasernetz für Großveranstaltungen",
        "title_en": "MoGlI and RAINBOW: Mobile Fiber for Big Events",
        "summary_de": (
            "Ein mobiles Glasfasernetz und ein geschlossenes WLAN verbinden Einsatzkräfte und Live-Kameras bei "
            "großen Festen, zum ersten Mal zur Maikerwe 2018."
        ),
        "summary_en": (
            "A mobile fiber network and a closed Wi-Fi network connect emergency crews and live cameras at big "
            "festivals, first used at the 2018 Maikerwe spring fair."
        ),
        "description_de": (
            "Wenn viele Tausend Menschen feiern, müssen Polizei, Ordnungsdienst und Rettungskräfte zuverlässig "
            "miteinander kommunizieren. Gerade dann ist das Mobilfunknetz oft überlastet. MoGlI, das mobile "
            "Glasfasernetz, wird für die Dauer einer Veranstaltung verlegt; RAINBOW ergänzt es um ein geschlossenes "
            "WLAN nur für die Einsatzkräfte.\n\n"
            "## Was es ermöglicht\n"
            "- Live-Bilder von Kameras direkt in die Einsatzzentrale\n"
            "- stabile Datenverbindungen, auch wenn das Mobilfunknetz voll ist\n\n"
            "Der erste Einsatz war die Maikerwe 2018. Beteiligt sind das Polizeipräsidium Westpfalz, das "
            "Ordnungsamt, die SWK Stadtwerke Kaiserslautern und K-Net."
        ),
        "description_en": (
            "When thousands of people are celebrating, police, city enforcement and paramedics need to stay in "
            "touch reliably, and that's exactly when cell networks tend to get overloaded. MoGlI, the mobile fiber "
            "network, is laid out for the duration of an event; RAINBOW adds a closed Wi-Fi network reserved for "
            "emergency crews.\n\n"
            "## What it makes possible\n"
            "- live camera feeds straight to the command center\n"
            "- stable data connections even when cell networks are jammed\n\n"
            "It was first used at the 2018 Maikerwe. Partners are the Westpfalz Police Headquarters, the city's "
            "public order office, the local utility SWK and the provider K-Net."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2018, 1, 15),
        "planned_end": datetime.date(2019, 12, 31),
        "actual_end": datetime.date(2020, 12, 31),
        "budget": Decimal("380000.00"),
        "funding_source": STATE,
        "partners": [
            "Polizeipräsidium Westpfalz",
            "Ordnungsamt der Stadt Kaiserslautern",
            "SWK Stadtwerke Kaiserslautern",
            "K-Net",
        ],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam Smart City",
        "contact_email": "smartcity@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2018, 4, 15),
                datetime.date(2018, 4, 20),
                "Netz geplant und getestet",
                "Network planned and tested",
                "Trassen für die mobilen Glasfaserkabel sind festgelegt und erprobt.",
                "Routes for the mobile fiber cables are mapped out and tested.",
            ),
            (
                datetime.date(2018, 5, 4),
                datetime.date(2018, 5, 4),
                "Erster Einsatz zur Maikerwe",
                "First use at the Maikerwe",
                "Kameras und Einsatzkräfte sind über das mobile Netz verbunden.",
                "Cameras and crews are linked through the mobile network.",
            ),
            (
                datetime.date(2019, 6, 30),
                datetime.date(2019, 9, 30),
                "RAINBOW-WLAN ergänzt",
                "RAINBOW Wi-Fi added",
                "Ein geschlossenes WLAN steht nur den Einsatzkräften zur Verfügung.",
                "A closed Wi-Fi network is available to emergency crews only.",
            ),
            (
                datetime.date(2020, 12, 31),
                datetime.date(2020, 12, 31),
                "Übergabe in den Regelbetrieb",
                "Handed over for regular use",
                "Das Netz steht für weitere Großveranstaltungen bereit.",
                "The network is ready for future large events.",
            ),
        ],
        "history": [
            (datetime.date(2018, 1, 15), 0, IN_PROGRESS),
            (datetime.date(2018, 5, 4), 40, IN_PROGRESS),
            (datetime.date(2019, 9, 30), 80, IN_PROGRESS),
            (datetime.date(2020, 12, 31), 100, COMPLETED),
        ],
    },
    {
        "slug": "lorawan",
        "field": "it-infrastruktur",
        "title_de": "LoRaWAN: ein Funknetz für Sensoren",
        "title_en": "LoRaWAN: A Wireless Network for Sensors",
        "summary_de": (
            "Die Stadtwerke haben 2020 ein energiesparendes Funknetz aufgebaut, über das Sensoren in der ganzen "
            "Stadt ihre Messwerte senden."
        ),
        "summary_en": (
            "In 2020, the local utility SWK set up a low-power wireless network that lets sensors all over the "
            "city send in their readings."
        ),
        "description_de": (
            "Ob Pegelstand, Temperatur oder freier Parkplatz: Viele Sensoren senden nur wenige Daten, sollen dafür "
            "aber jahrelang mit einer Batterie auskommen. Für sie eignet sich LoRaWAN, ein Funknetz mit großer "
            "Reichweite und geringem Stromverbrauch. Die SWK Stadtwerke Kaiserslautern haben es 2020 unter dem "
            "Namen iNet in Betrieb genommen.\n\n"
            "## Schülerinnen und Schüler machen mit\n"
            "Wie leicht der Einstieg ist, zeigten Schülerinnen und Schüler: Sie bauten einen Sensor, der die "
            "Wassertemperatur im Schwimmbad misst und über das Netz meldet."
        ),
        "description_en": (
            "Water levels, temperatures, open parking spaces: many sensors send only small amounts of data but "
            "need to run for years on a single battery. LoRaWAN is built for them: a long-range wireless network "
            "that uses very little power. SWK Stadtwerke Kaiserslautern launched it in 2020 under the name iNet.\n\n"
            "## Students get involved\n"
            "Local students showed how easy it is to get started: they built a sensor that measures the water "
            "temperature at the swimming pool and reports it over the network."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2020, 1, 15),
        "planned_end": datetime.date(2020, 12, 31),
        "actual_end": datetime.date(2021, 3, 31),
        "budget": Decimal("250000.00"),
        "funding_source": "SWK Stadtwerke Kaiserslautern",
        "partners": ["SWK Stadtwerke Kaiserslautern", "Schulen in Kaiserslautern"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam Smart City",
        "contact_email": "smartcity@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2020, 3, 31),
                datetime.date(2020, 4, 30),
                "Erste Gateways installiert",
                "First gateways installed",
                "Antennen auf hohen Gebäuden decken die Innenstadt ab.",
                "Antennas on tall buildings cover the downtown area.",
            ),
            (
                datetime.date(2020, 10, 31),
                datetime.date(2020, 11, 15),
                "iNet in Betrieb",
                "iNet goes live",
                "Das Netz steht für Sensoren der Stadt und der Stadtwerke bereit.",
                "The network is ready for sensors from the city and the utility.",
            ),
            (
                datetime.date(2021, 3, 31),
                datetime.date(2021, 3, 20),
                "Schulprojekt Schwimmbadsensor",
                "Student pool sensor project",
                "Schülerinnen und Schüler messen die Wassertemperatur mit einem selbst gebauten Sensor.",
                "Students measure the water temperature with a sensor they built themselves.",
            ),
        ],
        "history": [
            (datetime.date(2020, 1, 15), 0, IN_PROGRESS),
            (datetime.date(2020, 11, 15), 80, IN_PROGRESS),
            (datetime.date(2021, 3, 31), 100, COMPLETED),
        ],
    },
    {
        "slug": "5g-modellregion",
        "field": "it-infrastruktur",
        "title_de": "5G-Modellregion Kaiserslautern",
        "title_en": "5G Model Region Kaiserslautern",
        "summary_de": (
            "Als eine von sechs 5G-Modellregionen erprobte Kaiserslautern mit Forschungspartnern, was der schnelle "
            "Mobilfunk für Nahverkehr, Sicherheit sowie Land- und Weinbau leisten kann."
        ),
        "summary_en": (
            "As one of six 5G model regions, Kaiserslautern worked with research partners to test what fast mobile "
            "networks can do for public transit, public safety, farming and vineyards."
        ),
        "description_de": (
            "Im Juni 2019 wurde Kaiserslautern als 5G-Modellregion ausgewählt; der Bund stellte dafür rund "
            "11,5 Millionen Euro bereit. Gemeinsam mit der Technischen Universität, heute Teil der RPTU, und dem "
            "DFKI ging es darum, konkrete Anwendungen für den neuen Mobilfunkstandard zu finden.\n\n"
            "## Anwendungsfelder\n"
            "- öffentlicher Nahverkehr\n"
            "- öffentliche Sicherheit\n"
            "- Landwirtschaft und Weinbau"
        ),
        "description_en": (
            "In June 2019, Kaiserslautern was selected as a 5G model region, with about 11.5 million euros in "
            "federal funding. Together with the technical university, now part of RPTU, and the German Research "
            "Center for Artificial Intelligence (DFKI), the goal was to find practical uses for the new mobile "
            "standard.\n\n"
            "## Use cases\n"
            "- public transit\n"
            "- public safety\n"
            "- farming and vineyards"
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2019, 6, 1),
        "planned_end": datetime.date(2022, 12, 31),
        "actual_end": datetime.date(2023, 6, 30),
        "budget": Decimal("11500000.00"),
        "budget_reported": True,
        "funding_source": "Bund (5G-Modellregionen)",
        "partners": ["RPTU Kaiserslautern-Landau", "Deutsches Forschungszentrum für Künstliche Intelligenz (DFKI)"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam Smart City",
        "contact_email": "smartcity@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2019, 6, 30),
                datetime.date(2019, 6, 30),
                "Auswahl als Modellregion",
                "Selected as a model region",
                "Kaiserslautern gehört zu den sechs 5G-Modellregionen.",
                "Kaiserslautern becomes one of six 5G model regions.",
            ),
            (
                datetime.date(2020, 12, 31),
                datetime.date(2021, 2, 28),
                "Testfeld aufgebaut",
                "Test network set up",
                "Ein 5G-Testnetz steht für die Forschungspartner bereit.",
                "A 5G test network is ready for the research partners.",
            ),
            (
                datetime.date(2022, 6, 30),
                datetime.date(2022, 9, 30),
                "Anwendungen im Praxistest",
                "Applications tested in the field",
                "Anwendungen für Nahverkehr, Sicherheit und Landwirtschaft laufen unter echten Bedingungen.",
                "Applications for transit, safety and farming run under real-world conditions.",
            ),
            (
                datetime.date(2023, 6, 30),
                datetime.date(2023, 6, 30),
                "Abschlussbericht",
                "Final report",
                "Die Ergebnisse sind zusammengefasst und veröffentlicht.",
                "The results are summarized and published.",
            ),
        ],
        "history": [
            (datetime.date(2019, 6, 30), 5, IN_PROGRESS),
            (datetime.date(2021, 2, 28), 40, IN_PROGRESS),
            (datetime.date(2022, 9, 30), 80, IN_PROGRESS),
            (datetime.date(2023, 6, 30), 100, COMPLETED),
        ],
    },
    {
        "slug": "city-information-modeling",
        "field": "datenplattform",
        "title_de": "City Information Modeling: auf dem Weg zum digitalen Zwilling",
        "title_en": "City Information Modeling: Toward a Digital Twin",
        "summary_de": (
            "Straßenpanoramen und Umweltsensoren liefern die Grundlage für ein digitales Abbild der Stadt, mit dem "
            "sich Planungen vorab prüfen lassen."
        ),
        "summary_en": (
            "Street-level panoramas and environmental sensors lay the groundwork for a digital model of the city "
            "that lets planners test ideas before anything gets built."
        ),
        "description_de": (
            "Ein digitaler Zwilling ist ein Modell der Stadt im Computer, das mit echten Messdaten gespeist wird. "
            "Damit lässt sich etwa vorab sehen, wie ein neues Gebäude seine Umgebung verändert. Seit 2021 arbeitet "
            "die Stadt gemeinsam mit der Universität an den Grundlagen.\n\n"
            "## Bausteine\n"
            "- Panoramaaufnahmen der Straßen als Basis für ein 3D-Modell\n"
            "- Sensoren für Wetter, Lärm und Feinstaub am Einsiedlerhof"
        ),
        "description_en": (
            "A digital twin is a computer model of the city that's fed with real-world measurements. It can show, "
            "for example, how a new building would change its surroundings before anyone breaks ground. Since "
            "2021, the city and the university have been building the foundations.\n\n"
            "## Building blocks\n"
            "- street-level panoramic images as the basis for a 3D model\n"
            "- weather, noise and fine-dust sensors in Einsiedlerhof, next to Vogelweh"
        ),
        "status": IN_PROGRESS,
        "progress": 55,
        "start": datetime.date(2021, 4, 1),
        "planned_end": 365,
        "budget": Decimal("600000.00"),
        "funding_source": SMART_CITIES,
        "partners": ["RPTU Kaiserslautern-Landau"],
        "responsible_office": REFERAT_STADTENTWICKLUNG,
        "contact_name": "Projektteam Stadtentwicklung",
        "contact_email": "stadtentwicklung@kaiserslautern.example",
        "place_name": "Einsiedlerhof",
        "latitude": Decimal("49.443000"),
        "longitude": Decimal("7.659000"),
        "milestones": [
            (
                datetime.date(2021, 9, 30),
                datetime.date(2021, 10, 31),
                "Straßenpanoramen aufgenommen",
                "Street panoramas captured",
                "Ein Messfahrzeug fotografiert die Straßen der Stadt.",
                "A survey vehicle photographs the city's streets.",
            ),
            (
                datetime.date(2022, 6, 30),
                datetime.date(2022, 8, 15),
                "Umweltsensoren am Einsiedlerhof",
                "Environmental sensors in Einsiedlerhof",
                "Sensoren messen Wetter, Lärm und Feinstaub.",
                "Sensors measure weather, noise and fine dust.",
            ),
            (
                -250,
                -240,
                "Erstes 3D-Modell der Innenstadt",
                "First 3D model of downtown",
                "Aus den Panoramen entsteht ein begehbares Modell der Innenstadt.",
                "The panoramas are turned into a model of downtown you can explore.",
            ),
            (
                60,
                None,
                "Sensordaten als offene Daten",
                "Sensor data released as open data",
                "Die Messwerte erscheinen im Open-Data-Portal der Stadt.",
                "The readings are published on the city's open data portal.",
            ),
        ],
        "history": [
            (datetime.date(2021, 4, 1), 0, IN_PROGRESS),
            (datetime.date(2022, 8, 15), 30, IN_PROGRESS),
            (-240, 50, IN_PROGRESS),
            (-25, 55, IN_PROGRESS),
        ],
    },
    {
        "slug": "open-data-portal",
        "field": "datenplattform",
        "title_de": "Open-Data-Portal",
        "title_en": "Open Data Portal",
        "summary_de": (
            "Auf opendata.kaiserslautern.de stellt die Stadt Daten frei zur Verfügung, etwa die aktuelle Belegung "
            "der Parkhäuser oder die Grenzen der Stadtteile."
        ),
        "summary_en": (
            "At opendata.kaiserslautern.de, the city shares data freely, from live parking garage occupancy to "
            "the boundaries of its neighborhoods."
        ),
        "description_de": (
            "Daten, die die Stadt ohnehin erhebt, sollen allen nützen. Das Open-Data-Portal auf Basis der Software "
            "CKAN macht sie frei zugänglich, damit Unternehmen, Forschung und Bürgerschaft eigene Anwendungen "
            "bauen können.\n\n"
            "## Beispiele\n"
            "- Belegung der Parkhäuser in Echtzeit, frei nutzbar unter der Lizenz CC0\n"
            "- Grenzen der Stadtteile als Geodaten\n\n"
            "## Gemeinschaft\n"
            "Im Juni 2022 gründete sich mit Unterstützung des DFKI die Gruppe Code for Kaiserslautern, in der "
            "Ehrenamtliche mit offenen Daten arbeiten. Um das Jahr 2024 kam eine Datenstrategie der Stadt hinzu."
        ),
        "description_en": (
            "Data the city collects anyway should benefit everyone. The open data portal, built on the CKAN "
            "software, makes it freely available so businesses, researchers and residents can build their own "
            "apps.\n\n"
            "## Examples\n"
            "- live parking garage occupancy, free to use under a CC0 license\n"
            "- neighborhood boundaries as map data\n\n"
            "## Community\n"
            "In June 2022, volunteers founded Code for Kaiserslautern with support from DFKI to build projects with "
            "open data. Around 2024, the city also drew up a data strategy."
        ),
        "status": IN_PROGRESS,
        "progress": 80,
        "start": datetime.date(2020, 6, 1),
        "planned_end": 240,
        "budget": Decimal("300000.00"),
        "funding_source": SMART_CITIES,
        "partners": ["Deutsches Forschungszentrum für Künstliche Intelligenz (DFKI)", "Code for Kaiserslautern"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Open-Data-Team",
        "contact_email": "opendata@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2021, 3, 31),
                datetime.date(2021, 4, 30),
                "Portal online",
                "Portal goes live",
                "Die ersten Datensätze sind frei abrufbar.",
                "The first datasets are freely available.",
            ),
            (
                datetime.date(2022, 6, 30),
                datetime.date(2022, 6, 30),
                "Code for Kaiserslautern gegründet",
                "Code for Kaiserslautern founded",
                "Ehrenamtliche schließen sich zusammen, um mit offenen Daten zu arbeiten.",
                "Volunteers team up to build projects with open data.",
            ),
            (
                datetime.date(2024, 6, 30),
                datetime.date(2024, 10, 31),
                "Datenstrategie erarbeitet",
                "Data strategy drawn up",
                "Die Stadt legt fest, welche Daten sie wie erhebt, pflegt und teilt.",
                "The city sets out which data it collects and how it maintains and shares it.",
            ),
            (
                25,
                None,
                "Metadaten nach DCAT-AP.de",
                "Metadata in DCAT-AP.de format",
                "Alle Datensätze erhalten Beschreibungen nach dem deutschen Standard DCAT-AP.de.",
                "Every dataset gets a description that follows the German DCAT-AP.de standard.",
            ),
        ],
        "history": [
            (datetime.date(2020, 6, 1), 0, IN_PROGRESS),
            (datetime.date(2021, 4, 30), 40, IN_PROGRESS),
            (datetime.date(2024, 10, 31), 70, IN_PROGRESS),
            (-5, 80, IN_PROGRESS),
        ],
    },
    {
        "slug": "suedwest-cluster",
        "field": "datenplattform",
        "title_de": "Südwest-Cluster: gemeinsame Datenplattform",
        "title_en": "Southwest Cluster: A Shared Data Platform",
        "summary_de": (
            "Kaiserslautern baut mit fünf weiteren Kommunen und Landkreisen eine gemeinsame Plattform für "
            "Sensordaten und Datendienste auf, statt dass jeder Partner eine eigene betreibt."
        ),
        "summary_en": (
            "Kaiserslautern and five other cities and counties are building one shared platform for sensor data "
            "and data services instead of each running its own."
        ),
        "description_de": (
            "Eine Datenplattform aufzubauen und sicher zu betreiben, ist aufwendig. Im Südwest-Cluster teilen sich "
            "deshalb mehrere Partner eine gemeinsame Lösung für Sensordaten und das Internet der Dinge: "
            "Kaiserslautern, Kusel, Mayen-Koblenz, Bitburg-Prüm, Linz am Rhein und St. Wendel.\n\n"
            "## Eckdaten\n"
            "- Start im September 2023\n"
            "- 1,33 Millionen Euro Förderung des Bundes\n\n"
            "Die gemeinsame Plattform senkt die Kosten für alle, und erprobte Anwendungen lassen sich leichter "
            "übertragen."
        ),
        "description_en": (
            "Building a data platform and running it securely takes a lot of work. In the Southwest Cluster, "
            "several partners share a single solution for sensor data and the Internet of Things: Kaiserslautern, "
            "Kusel, Mayen-Koblenz, Bitburg-Prüm, Linz am Rhein and St. Wendel.\n\n"
            "## Key facts\n"
            "- launched in September 2023\n"
            "- 1.33 million euros in federal funding\n\n"
            "Sharing the platform lowers costs for everyone and makes it easier to pass proven applications on."
        ),
        "status": IN_PROGRESS,
        "progress": 65,
        "start": datetime.date(2023, 9, 1),
        "planned_end": 150,
        "budget": Decimal("1330000.00"),
        "budget_reported": True,
        "funding_source": "Bund",
        "partners": ["Kusel", "Mayen-Koblenz", "Bitburg-Prüm", "Linz am Rhein", "St. Wendel"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Open-Data-Team",
        "contact_email": "opendata@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2023, 9, 30),
                datetime.date(2023, 9, 30),
                "Gemeinsamer Projektstart",
                "Joint kickoff",
                "Die sechs Partner vereinbaren Ziele und Arbeitsteilung.",
                "The six partners agree on goals and who does what.",
            ),
            (
                datetime.date(2024, 6, 30),
                datetime.date(2024, 9, 15),
                "Plattform ausgewählt",
                "Platform chosen",
                "Die Partner entscheiden sich für eine gemeinsame technische Lösung.",
                "The partners settle on one shared technical solution.",
            ),
            (
                -180,
                -170,
                "Erste Sensordaten aller Partner",
                "First sensor data from every partner",
                "Jeder Partner liefert Messwerte an die gemeinsame Plattform.",
                "Each partner sends readings to the shared platform.",
            ),
            (
                85,
                None,
                "Vereinbarung zum Dauerbetrieb",
                "Long-term operating agreement",
                "Die Partner regeln, wie sie die Plattform nach der Förderung gemeinsam betreiben.",
                "The partners agree on how to run the platform together once the grant ends.",
            ),
        ],
        "history": [
            (datetime.date(2023, 9, 1), 0, IN_PROGRESS),
            (datetime.date(2024, 9, 15), 30, IN_PROGRESS),
            (-170, 55, IN_PROGRESS),
            (-12, 65, IN_PROGRESS),
        ],
    },
    {
        "slug": "lautrer-wissen",
        "field": "datenplattform",
        "title_de": "Lautrer Wissen: Informationen per QR-Code",
        "title_en": "Lautrer Wissen: Local Info by QR Code",
        "summary_de": (
            "QR-Codes im Stadtteil führen zu Informationen über den Ort, an dem man gerade steht: Geschichte, "
            "Angebote in der Nachbarschaft und aktuelle Vorhaben."
        ),
        "summary_en": (
            "QR codes around the neighborhood link to information about the very spot you're standing on: its "
            "history, what's nearby and what's being planned."
        ),
        "description_de": (
            "Was stand hier früher? Welche Angebote gibt es in der Nachbarschaft? Lautrer Wissen beantwortet solche "
            "Fragen direkt vor Ort: Ein QR-Code an Gebäuden, Plätzen oder Haltestellen führt zu einer Seite mit "
            "passenden Informationen.\n\n"
            "## Stand\n"
            "Im März und April 2023 fragte die Stadt in einer Umfrage, welche Inhalte sich die Menschen wünschen. "
            "In dieser Demo ruht das Projekt, bis über die weitere Umsetzung entschieden ist."
        ),
        "description_en": (
            "What used to be here? What's available in the neighborhood? Lautrer Wissen (“Lautrer” is what "
            "locals call themselves) answers questions like these right on the spot: a QR code on a building, "
            "square or bus stop leads to a page with the relevant information.\n\n"
            "## Status\n"
            "In March and April 2023, the city ran a survey asking what kind of content people would like to see. "
            "In this demo, the project is on hold until a decision on next steps has been made."
        ),
        "status": PAUSED,
        "progress": 35,
        "start": datetime.date(2022, 10, 1),
        "planned_end": 365,
        "budget": Decimal("60000.00"),
        "funding_source": SMART_CITIES,
        "partners": ["KL.digital GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Projektteam Smart City",
        "contact_email": "smartcity@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2023, 2, 28),
                datetime.date(2023, 3, 1),
                "Umfrage vorbereitet",
                "Survey prepared",
                "Fragen zu gewünschten Inhalten und Orten sind abgestimmt.",
                "Questions about the content and places people care about are finalized.",
            ),
            (
                datetime.date(2023, 4, 30),
                datetime.date(2023, 4, 30),
                "Umfrage abgeschlossen",
                "Survey closed",
                "Die Umfrage lief von März bis April 2023.",
                "The survey ran from March through April 2023.",
            ),
            (
                datetime.date(2023, 9, 30),
                datetime.date(2023, 11, 15),
                "Ergebnisse veröffentlicht",
                "Results published",
                "Die Auswertung zeigt, welche Inhalte am meisten gefragt sind.",
                "The analysis shows which content people want most.",
            ),
            (
                -45,
                None,
                "Entscheidung über die Fortführung",
                "Decision on next steps",
                "Die Stadt entscheidet, ob und in welchem Umfang das Projekt weiterläuft.",
                "The city decides whether the project continues, and on what scale.",
            ),
        ],
        "history": [
            (datetime.date(2022, 10, 1), 0, IN_PROGRESS),
            (datetime.date(2023, 4, 30), 25, IN_PROGRESS),
            (datetime.date(2023, 11, 15), 35, IN_PROGRESS),
            (datetime.date(2024, 2, 1), 35, PAUSED),
        ],
    },
    {
        "slug": "klmitwirkung",
        "field": "gesellschaft",
        "title_de": "KLmitWirkung: die Beteiligungsplattform",
        "title_en": "KLmitWirkung: Online Participation Platform",
        "summary_de": (
            "Auf KLmitWirkung können Bürgerinnen und Bürger an Umfragen teilnehmen, Ideen einbringen und sich über "
            "laufende Vorhaben der Stadt informieren."
        ),
        "summary_en": (
            "On KLmitWirkung, residents can take part in polls, share ideas and keep up with what the city is "
            "working on."
        ),
        "description_de": (
            "Mitreden soll nicht an Öffnungszeiten oder Sitzungsterminen scheitern. KLmitWirkung bündelt die "
            "Online-Beteiligung der Stadt an einem Ort: Umfragen, Ideensammlungen und Informationen zu Projekten."
            "\n\n"
            "## Entwicklung\n"
            "- März 2022: Die Plattform geht online.\n"
            "- Juni 2023: offizieller Start\n"
            "- mehr als 1.700 Nutzerinnen und Nutzer"
        ),
        "description_en": (
            "Having a say shouldn't depend on office hours or meeting schedules. KLmitWirkung brings the city's "
            "online participation together in one place: polls, idea collections and project updates.\n\n"
            "## Timeline\n"
            "- March 2022: the platform goes online\n"
            "- June 2023: official launch\n"
            "- more than 1,700 users so far"
        ),
        "status": IN_PROGRESS,
        "progress": 85,
        "start": datetime.date(2021, 10, 1),
        "planned_end": 270,
        "budget": Decimal("180000.00"),
        "funding_source": SMART_CITIES,
        "partners": ["KL.digital GmbH"],
        "responsible_office": REFERAT_DIGITAL,
        "contact_name": "Team Bürgerbeteiligung",
        "contact_email": "beteiligung@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2022, 3, 31),
                datetime.date(2022, 3, 15),
                "Plattform online",
                "Platform online",
                "Erste Umfragen und Projektseiten sind freigeschaltet.",
                "The first polls and project pages are live.",
            ),
            (
                datetime.date(2023, 6, 30),
                datetime.date(2023, 6, 20),
                "Offizieller Start",
                "Official launch",
                "Die Stadt stellt KLmitWirkung der Öffentlichkeit vor.",
                "The city officially introduces KLmitWirkung to the public.",
            ),
            (
                -90,
                -95,
                "Mehr als 1.700 Nutzerinnen und Nutzer",
                "More than 1,700 users",
                "Die Plattform hat eine feste Gemeinschaft gefunden.",
                "The platform has built a steady community.",
            ),
            (
                15,
                None,
                "Hinweise auf der Karte",
                "Map-based comments",
                "Ideen und Hinweise lassen sich direkt auf einer Karte verorten.",
                "Ideas and comments can be pinned directly on a map.",
            ),
        ],
        "history": [
            (datetime.date(2021, 10, 1), 0, IN_PROGRESS),
            (datetime.date(2022, 3, 15), 40, IN_PROGRESS),
            (datetime.date(2023, 6, 20), 70, IN_PROGRESS),
            (-8, 85, IN_PROGRESS),
        ],
    },
    {
        "slug": "lautrer-stadtdialog",
        "field": "gesellschaft",
        "title_de": "Lautrer Stadtdialog",
        "title_en": "Lautrer Stadtdialog: Talking About Our City",
        "summary_de": (
            "Seit 2019 sprechen Bürgerschaft, Politik und Verwaltung im Lautrer Stadtdialog darüber, wie sich "
            "Kaiserslautern entwickeln soll, vor Ort und online."
        ),
        "summary_en": (
            "Since 2019, residents, council members and city staff have been meeting in person and online in the "
            "Lautrer Stadtdialog to talk about where Kaiserslautern should be headed."
        ),
        "description_de": (
            "Gute Entscheidungen entstehen, wenn viele Blickwinkel zusammenkommen. Der Lautrer Stadtdialog bringt "
            "seit 2019 Bürgerinnen und Bürger mit Politik und Verwaltung ins Gespräch, bei Veranstaltungen vor Ort "
            "und online.\n\n"
            "## Leitlinien für Beteiligung\n"
            "Im März 2024 wurden Leitlinien für die Bürgerbeteiligung zur Diskussion gestellt. Sie sollen "
            "verlässlich regeln, wann und wie die Stadt ihre Einwohnerinnen und Einwohner einbezieht."
        ),
        "description_en": (
            "Good decisions come from bringing many perspectives to the table. Since 2019, the Lautrer Stadtdialog "
            "(city dialogue) has brought residents, council members and city staff together, at in-person events "
            "and online.\n\n"
            "## Participation guidelines\n"
            "In March 2024, draft guidelines for public participation were released for comment. They're meant to "
            "set clear rules for when and how the city involves its residents."
        ),
        "status": IN_PROGRESS,
        "progress": 70,
        "start": datetime.date(2019, 3, 1),
        "planned_end": 330,
        "budget": Decimal("150000.00"),
        "funding_source": "Land Rheinland-Pfalz und Modellprojekte Smart Cities (Bund, KfW)",
        "partners": ["KL.digital GmbH"],
        "responsible_office": REFERAT_STADTENTWICKLUNG,
        "contact_name": "Team Bürgerbeteiligung",
        "contact_email": "beteiligung@kaiserslautern.example",
        "milestones": [
            (
                datetime.date(2019, 5, 31),
                datetime.date(2019, 5, 31),
                "Erster Stadtdialog",
                "First city dialogue",
                "Bürgerinnen und Bürger diskutieren mit Politik und Verwaltung.",
                "Residents sit down with council members and city staff.",
            ),
            (
                datetime.date(2024, 3, 31),
                datetime.date(2024, 3, 15),
                "Leitlinien zur Diskussion gestellt",
                "Draft guidelines released for comment",
                "Der Entwurf der Beteiligungsleitlinien ist öffentlich.",
                "The draft participation guidelines are published.",
            ),
            (
                -20,
                None,
                "Beschluss der Leitlinien",
                "Council vote on the guidelines",
                "Der Stadtrat soll über die überarbeiteten Leitlinien entscheiden.",
                "The city council is due to vote on the revised guidelines.",
            ),
            (
                50,
                None,
                "Nächster Stadtdialog",
                "Next city dialogue",
                "Die nächste offene Gesprächsrunde für alle Interessierten.",
                "The next open discussion, and everyone is welcome.",
            ),
        ],
        "history": [
            (datetime.date(2019, 3, 1), 5, IN_PROGRESS),
            (datetime.date(2021, 6, 30), 35, IN_PROGRESS),
            (datetime.date(2024, 3, 15), 60, IN_PROGRESS),
            (-30, 70, IN_PROGRESS),
        ],
    },
    {
        "slug": "stadt-raum-wir",
        "field": "gesellschaft",
        "title_de": "Stadt.Raum.Wir.: Plätze gemeinsam beleben",
        "title_en": "Stadt.Raum.Wir.: Bringing Public Spaces to Life Together",
        "summary_de": (
            "Per Online-Abstimmung entschieden Bürgerinnen und Bürger, wie öffentliche Plätze genutzt werden: von "
            "Liegestühlen über 3D-Straßenkunst bis zur Sportbox im Volkspark."
        ),
        "summary_en": (
            "Residents voted online on how public spaces should be used, picking everything from deckchairs and "
            "3D street art to a sports box in the Volkspark."
        ),
        "description_de": (
            "Was braucht ein Platz, damit Menschen gern dort bleiben? Bei Stadt.Raum.Wir. haben die Bürgerinnen "
            "und Bürger selbst abgestimmt, und die Stadt hat die Gewinnerideen umgesetzt.\n\n"
            "## Die Aktionen\n"
            "- 2021: Liegestühle mit GPS-Ortung luden auf öffentlichen Plätzen zum Ausruhen ein.\n"
            "- 2022: 3D-Straßenkunst brachte Passanten zum Staunen und Fotografieren.\n"
            "- Oktober 2022: Im Volkspark steht eine Sportbox, die sich per App öffnen lässt."
        ),
        "description_en": (
            "What does a public square need to make people want to stay awhile? With Stadt.Raum.Wir. (roughly "
            "“City. Space. Us.”), residents got to vote, and the city put the winning ideas into action.\n\n"
            "## What happened\n"
            "- 2021: GPS-tracked deckchairs invited people to kick back in public squares.\n"
            "- 2022: 3D street art stopped passers-by in their tracks and made for great photos.\n"
            "- October 2022: a sports box opened in the Volkspark; you unlock it with an app."
        ),
        "status": COMPLETED,
        "progress": 100,
        "start": datetime.date(2021, 3, 1),
        "planned_end": datetime.date(2022, 10, 31),
        "actual_end": datetime.date(2022, 10, 31),
        "budget": Decimal("85000.00"),
        "funding_source": SMART_CITIES,
        "partners": ["KL.digital GmbH"],
        "responsible_office": REFERAT_STADTENTWICKLUNG,
        "contact_name": "Team Bürgerbeteiligung",
        "contact_email": "beteiligung@kaiserslautern.example",
        "place_name": "Volkspark und Plätze der Innenstadt",
        "milestones": [
            (
                datetime.date(2021, 4, 30),
                datetime.date(2021, 4, 30),
                "Erste Online-Abstimmung",
                "First online vote",
                "Die Bürgerschaft wählt aus mehreren Ideen für öffentliche Plätze.",
                "Residents choose from several ideas for public spaces.",
            ),
            (
                datetime.date(2021, 5, 31),
                datetime.date(2021, 6, 15),
                "Liegestühle auf den Plätzen",
                "Deckchairs out on the squares",
                "Die Liegestühle mit GPS-Ortung stehen bereit.",
                "The GPS-tracked deckchairs are ready for use.",
            ),
            (
                datetime.date(2022, 6, 30),
                datetime.date(2022, 7, 1),
                "3D-Straßenkunst",
                "3D street art",
                "Künstlerinnen und Künstler gestalten ein dreidimensionales Bild auf dem Pflaster.",
                "Artists create a three-dimensional picture on the pavement.",
            ),
            (
                datetime.date(2022, 10, 31),
                datetime.date(2022, 10, 14),
                "Sportbox im Volkspark eröffnet",
                "Volkspark sports box opens",
                "Die Box lässt sich per App öffnen und bietet Sportgeräte zum Ausleihen.",
                "You unlock the box with an app and borrow the sports gear inside.",
            ),
        ],
        "history": [
            (datetime.date(2021, 3, 1), 0, IN_PROGRESS),
            (datetime.date(2021, 6, 15), 35, IN_PROGRESS),
            (datetime.date(2022, 7, 1), 70, IN_PROGRESS),
            (datetime.date(2022, 10, 31), 100, COMPLETED),
        ],
    },
]

# Planned vs. actual, money spent, freshness and outcome indicators, by project slug. All sample values.
# - baseline_end: the originally planned end (default: the planned end); end_moves: (changed_on, new_date, reason_de)
#   from the baseline on, the last new_date being the planned end.
# - milestone_moves: {milestone index: (baseline_due, changed_on, reason_de)}; the move ends at the milestone's due.
# - spent: (amount, as_of); update_interval: days (default 90); last_update: default the last history point.
# - indicators: (name_de, name_en, unit, (baseline_day, value), (target_day, value), [(day, value), ...]).
ACCOUNTABILITY = {
    "kl-navi": {
        "baseline_end": 30,
        "end_moves": [
            (
                -60,
                210,
                "Die Rückmeldungen aus dem öffentlichen Test brauchen mehr Zeit: Die Routen für Rollstuhl und "
                "Langstock werden überarbeitet.",
            )
        ],
        "spent": (Decimal("241500.00"), -40),
    },
    "zentrales-schulnetz": {
        "baseline_end": -60,
        "end_moves": [
            (-200, 120, "Die Netzwerktechnik für 18 Schulen wird mehrere Monate später geliefert als bestellt."),
            (
                -40,
                300,
                "Der Förderbescheid für den zweiten Bauabschnitt kam später; gebaut wird nun in den Sommerferien, "
                "damit der Unterricht nicht leidet.",
            ),
        ],
        "milestone_moves": {3: (30, -40, "Folgt dem verschobenen zweiten Bauabschnitt.")},
        "spent": (Decimal("1780000.00"), -70),
        "update_interval": 30,
    },
    "klmitwirkung": {
        "baseline_end": 180,
        "end_moves": [
            (
                -120,
                270,
                "Die Kartenfunktion wurde neu ausgeschrieben, weil das erste Angebot die Anforderungen an "
                "Barrierefreiheit nicht erfüllte.",
            )
        ],
        "milestone_moves": {3: (-30, -45, "Die Kartenfunktion kommt erst nach der neuen Ausschreibung.")},
        "spent": (Decimal("142000.00"), -35),
        "update_interval": 30,
        "indicators": [
            (
                "Registrierte Nutzerinnen und Nutzer",
                "Registered users",
                Indicator.Unit.PEOPLE,
                (datetime.date(2022, 3, 15), Decimal(0)),
                (270, Decimal(2500)),
                [
                    (datetime.date(2022, 12, 31), Decimal(620)),
                    (datetime.date(2023, 6, 20), Decimal(1050)),
                    (datetime.date(2024, 6, 30), Decimal(1480)),
                    (-95, Decimal(1720)),
                    (-8, Decimal(1790)),
                ],
            )
        ],
    },
    "open-data-portal": {
        "baseline_end": -300,
        "end_moves": [
            (
                -330,
                240,
                "Das Land stellt eine gemeinsame Datenplattform bereit; das Portal zieht dorthin um, statt eine "
                "eigene Lösung fertigzubauen.",
            )
        ],
        "spent": (Decimal("251000.00"), -100),
        "indicators": [
            (
                "Veröffentlichte offene Datensätze",
                "Open data sets published",
                Indicator.Unit.COUNT,
                (datetime.date(2020, 6, 1), Decimal(0)),
                (240, Decimal(250)),
                [
                    (datetime.date(2021, 4, 30), Decimal(35)),
                    (datetime.date(2022, 6, 30), Decimal(80)),
                    (datetime.date(2024, 10, 31), Decimal(140)),
                    (-5, Decimal(188)),
                ],
            )
        ],
    },
    "lautrer-wissen": {
        "baseline_end": datetime.date(2024, 12, 31),
        "end_moves": [
            (
                datetime.date(2024, 2, 1),
                365,
                "Das Projekt ruht, bis die Redaktion des Wissensportals wieder besetzt ist; der neue Termin ist "
                "vorläufig.",
            )
        ],
    },
    "temes": {"spent": (Decimal("96000.00"), -150)},
    "city-information-modeling": {"spent": (Decimal("310000.00"), -60), "update_interval": 180},
    "suedwest-cluster": {"spent": (Decimal("880000.00"), -90)},
    "internet-fuer-kitas": {
        "baseline_end": datetime.date(2021, 6, 30),
        "end_moves": [
            (
                datetime.date(2021, 3, 15),
                datetime.date(2021, 12, 31),
                "Wegen der Pandemie konnten Technikerinnen und Techniker die Kitas monatelang nicht betreten.",
            )
        ],
        "milestone_moves": {
            1: (datetime.date(2021, 3, 31), datetime.date(2021, 3, 15), "Folgt dem pandemiebedingten Baustopp.")
        },
        "spent": (Decimal("362000.00"), datetime.date(2022, 9, 30)),
    },
    "service-konto": {
        "spent": (Decimal("86500.00"), datetime.date(2022, 6, 30)),
        "indicators": [
            (
                "Online-Dienste mit Anmeldung über das Service-Konto",
                "Online services with service account sign-in",
                Indicator.Unit.COUNT,
                (datetime.date(2019, 9, 1), Decimal(8)),
                (datetime.date(2026, 12, 31), Decimal(120)),
                [
                    (datetime.date(2020, 12, 31), Decimal(25)),
                    (datetime.date(2021, 12, 31), Decimal(48)),
                    (datetime.date(2022, 12, 31), Decimal(71)),
                    (datetime.date(2024, 6, 30), Decimal(96)),
                    (-60, Decimal(112)),
                ],
            ),
            (
                "Anteil der Anträge, die online gestellt werden",
                "Share of applications filed online",
                Indicator.Unit.PERCENT,
                (datetime.date(2019, 9, 1), Decimal(4)),
                (datetime.date(2026, 12, 31), Decimal(50)),
                [
                    (datetime.date(2021, 12, 31), Decimal(11)),
                    (datetime.date(2023, 12, 31), Decimal("19.5")),
                    (-60, Decimal(27)),
                ],
            ),
        ],
    },
    "handyparken": {"spent": (Decimal("41000.00"), datetime.date(2021, 6, 30))},
    "5g-modellregion": {"spent": (Decimal("11200000.00"), datetime.date(2023, 12, 31))},
    "lorawan": {
        "indicators": [
            (
                "Sensoren im LoRaWAN-Netz",
                "Sensors on the LoRaWAN network",
                Indicator.Unit.COUNT,
                (datetime.date(2020, 1, 15), Decimal(0)),
                (datetime.date(2023, 12, 31), Decimal(200)),
                [
                    (datetime.date(2020, 6, 30), Decimal(12)),
                    (datetime.date(2020, 12, 31), Decimal(48)),
                    (datetime.date(2021, 3, 31), Decimal(85)),
                    (datetime.date(2022, 12, 31), Decimal(160)),
                    (datetime.date(2024, 6, 30), Decimal(240)),
                ],
            )
        ],
    },
}


def _day(value: datetime.date | int | None, today: datetime.date) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return today + datetime.timedelta(days=value)


def _update_or_create(model: type[models.Model], *, slug: str, values: dict) -> models.Model:
    # update_or_create() saves without validation; unique checks are left out because the slug may already exist.
    model(slug=slug, **values).full_clean(validate_unique=False)
    obj, _created = model.objects.update_or_create(slug=slug, defaults=values)
    return obj


def _project_values(data: dict, field: FieldOfAction, today: datetime.date) -> dict:
    note_de, note_en = (
        (REPORTED_BUDGET_NOTE_DE, REPORTED_BUDGET_NOTE_EN)
        if data.get("budget_reported")
        else (DEMO_NOTE_DE, DEMO_NOTE_EN)
    )
    extra = ACCOUNTABILITY.get(data["slug"], {})
    spent, spent_as_of = extra.get("spent", (None, None))
    return {
        "field": field,
        "title_de": data["title_de"],
        "title_en": data["title_en"],
        "summary_de": data["summary_de"],
        "summary_en": data["summary_en"],
        "description_de": f"{data['description_de']}\n\n{note_de}",
        "description_en": f"{data['description_en']}\n\n{note_en}",
        "status": data["status"],
        "progress": data["progress"],
        "start_date": _day(data["start"], today),
        "baseline_end_date": _day(extra.get("baseline_end", data["planned_end"]), today),
        "planned_end_date": _day(data["planned_end"], today),
        "actual_end_date": _day(data.get("actual_end"), today),
        "budget": data["budget"],
        "spent": spent,
        "spent_as_of": _day(spent_as_of, today),
        "update_interval_days": extra.get("update_interval", Project.UpdateInterval.QUARTERLY),
        "last_update": _day(extra.get("last_update", data["history"][-1][0]), today),
        "funding_source": data["funding_source"],
        "partners": "\n".join(data["partners"]),
        "responsible_office": data["responsible_office"],
        "contact_name": data["contact_name"],
        "contact_email": data["contact_email"],
        "place_name": data.get("place_name", ""),
        "latitude": data.get("latitude"),
        "longitude": data.get("longitude"),
        "is_published": data.get("is_published", True),
    }


def _date_changes(project: Project, baseline, moves, today: datetime.date, **kwargs) -> list[DateChange]:
    """The recorded moves of one date, from its baseline on; reasons are German like the staff who write them."""
    changes, old = [], _day(baseline, today)
    for changed_on, new, reason in moves:
        changed_at = datetime.datetime.combine(_day(changed_on, today), datetime.time(9, 0), tzinfo=BERLIN)
        change = DateChange(
            project=project, old_date=old, new_date=_day(new, today), reason=reason, changed_at=changed_at, **kwargs
        )
        change.full_clean(exclude=["milestone"])
        changes.append(change)
        old = change.new_date
    return changes


def _indicators(project: Project, data: list, today: datetime.date) -> list[tuple[Indicator, list[IndicatorValue]]]:
    result = []
    for order, (name_de, name_en, unit, (baseline_day, baseline), (target_day, target), series) in enumerate(
        data, start=1
    ):
        indicator = Indicator(
            project=project,
            name_de=name_de,
            name_en=name_en,
            unit=unit,
            baseline_date=_day(baseline_day, today),
            baseline_value=baseline,
            target_date=_day(target_day, today),
            target_value=target,
            order=order,
        )
        indicator.full_clean()
        values = [IndicatorValue(indicator=indicator, date=_day(day, today), value=value) for day, value in series]
        result.append((indicator, values))
    return result


def _load_accountability(projects: list[Project], today: datetime.date) -> dict[str, int]:
    """Date changes and indicators of the demo projects, created after their milestones exist."""
    milestones = {(m.project_id, m.order): m for m in Milestone.objects.filter(project__in=projects)}
    changes, indicators = [], []
    for project in projects:
        extra = ACCOUNTABILITY.get(project.slug, {})
        if "end_moves" in extra:
            changes += _date_changes(
                project, extra["baseline_end"], extra["end_moves"], today, kind=DateChange.Kind.END
            )
            assert changes[-1].new_date == project.planned_end_date, f"{project.slug}: moves must end at the plan"
        for index, (baseline, changed_on, reason) in extra.get("milestone_moves", {}).items():
            milestone = milestones[project.pk, index + 1]
            Milestone.objects.filter(pk=milestone.pk).update(baseline_due_date=_day(baseline, today))
            changes += _date_changes(
                project,
                baseline,
                [(changed_on, milestone.due_date, reason)],
                today,
                kind=DateChange.Kind.MILESTONE,
                milestone=milestone,
            )
        indicators += _indicators(project, extra.get("indicators", []), today)
    DateChange.objects.bulk_create(changes)
    for indicator, _values in indicators:
        indicator.save()
    IndicatorValue.objects.bulk_create([value for _indicator, values in indicators for value in values])
    return {
        "date_changes": len(changes),
        "indicators": len(indicators),
        "indicator_values": sum(len(values) for _indicator, values in indicators),
    }


@transaction.atomic
def load_programme(*, today: datetime.date) -> dict[str, int]:
    """Create or update the demo fields of action, projects, milestones, progress history, date changes and
    indicators. Idempotent."""
    # The untranslated columns (name, title, ...) take the active language's value: keep them German.
    with translation.override("de"):
        fields = {}
        for data in FIELDS:
            values = {key: value for key, value in data.items() if key != "slug"}
            fields[data["slug"]] = _update_or_create(FieldOfAction, slug=data["slug"], values=values)

        milestones = []
        entries = []
        projects = []
        for data in PROJECTS:
            values = _project_values(data, fields[data["field"]], today)
            project = _update_or_create(Project, slug=data["slug"], values=values)
            projects.append(project)
            project.date_changes.all().delete()
            project.indicators.all().delete()
            project.milestones.all().delete()
            project.progress_entries.all().delete()
            for order, (due, done, title_de, title_en, description_de, description_en) in enumerate(
                data["milestones"], start=1
            ):
                milestones.append(
                    Milestone(
                        project=project,
                        title_de=title_de,
                        title_en=title_en,
                        description_de=description_de,
                        description_en=description_en,
                        baseline_due_date=_day(due, today),
                        due_date=_day(due, today),
                        completed_on=_day(done, today),
                        order=order,
                    )
                )
            for day, progress, status in data["history"]:
                recorded_at = datetime.datetime.combine(_day(day, today), datetime.time(10, 0), tzinfo=BERLIN)
                entries.append(
                    ProgressEntry(project=project, recorded_at=recorded_at, progress=progress, status=status)
                )
        Milestone.objects.bulk_create(milestones)
        ProgressEntry.objects.bulk_create(entries)
        accountability = _load_accountability(projects, today)

    return {
        "fields": len(FIELDS),
        "projects": len(PROJECTS),
        "milestones": len(milestones),
        "progress_entries": len(entries),
        **accountability,
    }
