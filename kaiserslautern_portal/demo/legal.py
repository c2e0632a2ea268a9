"""Sample texts of the four legal and information pages, and a loader that never overwrites what staff wrote.

The texts are Markdown (rendered by kaiserslautern_portal.lib.markdown.render_markdown). Each body begins with a notice
that it is a sample for the demo and not the city's legally binding text; headings start at h2 because the page
title is the page's only h1. Phone numbers are deliberately invalid (a German subscriber number never starts with 0)
and email addresses use the reserved .example domain.
"""

# En dashes are intended: German typography, and the official name of the Datenlizenz Deutschland.

from django.db import transaction

from kaiserslautern_portal.models import LegalPage

# --------------------------------------------------------------------------------------------------------------------
# 1. Impressum / Legal notice
# --------------------------------------------------------------------------------------------------------------------

IMPRINT_DE = """
> **Mustertext für die Vorführung.** Dieses Impressum ist ein Beispiel für das Demonstrations-Portal. Es ist nicht das
> rechtsverbindliche Impressum der Stadt Kaiserslautern. Telefonnummern und E-Mail-Adressen sind Platzhalter.

## Anbieterin

Dieses Portal ist ein Angebot der Stadt Kaiserslautern (Anbieterin nach § 5 Digitale-Dienste-Gesetz, DDG). Die Stadt
Kaiserslautern ist eine kreisfreie Stadt und eine Gebietskörperschaft des öffentlichen Rechts. Sie wird durch die
Oberbürgermeisterin vertreten.

- **Anschrift:** Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1, 67657 Kaiserslautern
- **Telefon:** 0631 0000-000 (Beispielnummer)
- **E-Mail:** [digital@kaiserslautern.example](mailto:digital@kaiserslautern.example)

## Kontakt zum Portal

Fragen zum Portal und zum Programm „herzlich-digitale Stadt“ beantwortet das Referat Digitalisierung und Innovation
der Stadtverwaltung. Schreiben Sie an
[digital@kaiserslautern.example](mailto:digital@kaiserslautern.example) oder per Post an die oben genannte Anschrift.

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

Verantwortlich für die journalistisch-redaktionell gestalteten Inhalte, insbesondere die Nachrichten und
Projektberichte, ist die Leitung des Referats Digitalisierung und Innovation, Stadtverwaltung Kaiserslautern,
Willy-Brandt-Platz 1, 67657 Kaiserslautern.

*Hinweis zum Muster:* Der Medienstaatsvertrag verlangt Namen und Anschrift einer verantwortlichen Person. Im
verbindlichen Impressum steht an dieser Stelle der Name; das Muster nennt nur die Funktion.

## Umsatzsteuer-Identifikationsnummer

Das Portal ist ein nicht-wirtschaftliches Informationsangebot, mit dem die Stadt ihre öffentlichen Aufgaben erfüllt.
Eine Umsatzsteuer-Identifikationsnummer wird für dieses Angebot deshalb nicht angegeben.

## Aufsichtsbehörde

Die Kommunalaufsicht über die Stadt Kaiserslautern führt die Aufsichts- und Dienstleistungsdirektion (ADD) in Trier:
[add.rlp.de](https://add.rlp.de).

## Haftung für Inhalte und Links

Wir stellen die Inhalte dieses Portals sorgfältig zusammen und halten sie aktuell. Projektstände, Termine und Zahlen
können sich trotzdem ändern; maßgeblich sind die Beschlüsse der zuständigen städtischen Gremien.

Das Portal verweist auf Angebote anderer Stellen, zum Beispiel von Projektpartnern. Für deren Inhalte sind allein
die jeweiligen Anbieter verantwortlich. Wir haben die verlinkten Seiten geprüft, als wir den Link gesetzt haben, und
dabei keine Rechtsverstöße erkannt. Erfahren wir von einem Rechtsverstoß auf einer verlinkten Seite, entfernen wir
den Link umgehend. Wenn Ihnen ein fehlerhafter Link auffällt, schreiben Sie uns bitte.

## Lizenz der offenen Daten

Die Projektdaten dieses Portals – zum Beispiel Handlungsfelder, Status, Meilensteine und Kennzahlen der Projekte,
soweit das Portal sie maschinenlesbar bereitstellt – stehen unter der Lizenz
[„Datenlizenz Deutschland – Namensnennung – Version 2.0“](https://www.govdata.de/dl-de/by-2-0) (dl-de/by-2-0).

Sie dürfen die Daten kopieren, verbreiten, verändern und auch kommerziell nutzen. Bitte nennen Sie dabei:

- die Stadt Kaiserslautern als Bereitstellerin,
- den Lizenzvermerk „dl-de/by-2-0“ mit einem Link auf den Lizenztext,
- wo möglich die Adresse des verwendeten Datensatzes,
- und einen Hinweis, wenn Sie die Daten verändert haben.

Ein Quellenvermerk kann zum Beispiel so lauten: „Datenquelle: Stadt Kaiserslautern, herzlich-digitale Stadt,
dl-de/by-2-0“.

Texte, Fotos, Grafiken, Logos und Wappen fallen nicht unter diese Lizenz, soweit bei ihnen nichts anderes angegeben
ist; sie sind urheberrechtlich geschützt. Für Datensätze im Open-Data-Portal der Stadt gelten die Lizenzen, die dort
beim jeweiligen Datensatz genannt sind.
"""

IMPRINT_EN = """
> **Sample text for the demo.** This legal notice is an example for the demonstration portal. It is not the legally
> binding legal notice of the City of Kaiserslautern. Phone numbers and email addresses are placeholders. This English
> version is provided for convenience; the German version is the one that counts.

## Provider

This portal is provided by the City of Kaiserslautern (provider under Section 5 of the German Digital Services Act,
Digitale-Dienste-Gesetz, DDG). Kaiserslautern is an independent city (kreisfreie Stadt) and a territorial authority
under public law. It is represented by the Lord Mayor.

- **Address:** Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1, 67657 Kaiserslautern, Germany
- **Phone:** +49 631 0000-000 (example number)
- **Email:** [digital@kaiserslautern.example](mailto:digital@kaiserslautern.example)

## Contact for the portal

The city administration's Department for Digitalisation and Innovation (Referat Digitalisierung und Innovation)
answers questions about the portal and the "herzlich-digitale Stadt" programme. Write to
[digital@kaiserslautern.example](mailto:digital@kaiserslautern.example) or send a letter to the address above.

## Responsible for the content under Section 18(2) MStV

The head of the Department for Digitalisation and Innovation, Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1,
67657 Kaiserslautern, is responsible for the journalistic and editorial content, in particular the news and the
project reports (Section 18(2) of the Interstate Media Treaty, Medienstaatsvertrag, MStV).

*Note on this sample:* the treaty requires the name and address of a responsible person. The binding legal notice
gives the name here; this sample names only the role.

## VAT identification number

The portal is a non-commercial information service through which the city carries out its public tasks. No VAT
identification number is therefore given for it.

## Supervisory authority

Supervision of the City of Kaiserslautern as a municipality lies with the Supervisory and Service Directorate
(Aufsichts- und Dienstleistungsdirektion, ADD) in Trier: [add.rlp.de](https://add.rlp.de) (in German).

## Liability for content and links

We compile the content of this portal with care and keep it up to date. Project status, dates and figures may still
change; the decisions of the responsible municipal bodies are what counts.

The portal links to services of other organisations, for example project partners. Their providers alone are
responsible for their content. We checked the linked pages when we set the link and found no legal violations. If we
learn of a violation on a linked page, we remove the link without delay. If you notice a broken link, please tell us.

## Licence of the open data

The project data of this portal – for example the fields of action, status, milestones and indicators of the
projects, as far as the portal provides them in machine-readable form – are licensed under the
["Data licence Germany – attribution – version 2.0"](https://www.govdata.de/dl-de/by-2-0) (dl-de/by-2-0).

You may copy, distribute and modify the data and use them commercially. Please state:

- the City of Kaiserslautern as the provider of the data,
- the licence notice "dl-de/by-2-0" with a link to the licence text,
- where possible, the address of the dataset you used,
- and a note if you have changed the data.

An attribution could read: "Data source: City of Kaiserslautern, herzlich-digitale Stadt, dl-de/by-2-0".

Texts, photos, graphics, logos and coats of arms are not covered by this licence unless stated otherwise next to
them; they are protected by copyright. Datasets in the city's open data portal are subject to the licences stated
there for each dataset.
"""

# --------------------------------------------------------------------------------------------------------------------
# 2. Datenschutzerklärung / Privacy policy
# --------------------------------------------------------------------------------------------------------------------

PRIVACY_DE = """
> **Mustertext für die Vorführung.** Diese Datenschutzerklärung beschreibt, wie das Demonstrations-Portal mit
> personenbezogenen Daten umgeht. Sie ist nicht die rechtsverbindliche Datenschutzerklärung der Stadt
> Kaiserslautern. Telefonnummern und E-Mail-Adressen sind Platzhalter.

Mit diesen Hinweisen informieren wir Sie nach Art. 13 der Datenschutz-Grundverordnung (DSGVO) darüber, welche Daten
dieses Portal verarbeitet, wozu und wie lange. Für verlinkte Angebote anderer Stellen gelten deren eigene
Datenschutzhinweise.

## Das Wichtigste in Kürze

- Alle öffentlichen Seiten können Sie lesen, ohne sich anzumelden.
- Kein Tracking, keine Webanalyse, keine Werbung.
- Keine Inhalte von fremden Servern: Schriften, Bilder, Stylesheets und Skripte kommen vom Portal selbst.
- Nur technisch notwendige Cookies; deshalb gibt es kein Cookie-Banner.
- Keine Übermittlung Ihrer Daten in Länder außerhalb der Europäischen Union.

## Verantwortliche Stelle

Verantwortlich ist die Stadt Kaiserslautern, vertreten durch die Oberbürgermeisterin:

- **Anschrift:** Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1, 67657 Kaiserslautern
- **Telefon:** 0631 0000-000 (Beispielnummer)
- **E-Mail:** [digital@kaiserslautern.example](mailto:digital@kaiserslautern.example)

## Behördlicher Datenschutz

Die Stadtverwaltung hat nach Art. 37 DSGVO eine behördliche Datenschutzbeauftragte oder einen behördlichen
Datenschutzbeauftragten benannt. Sie erreichen diese Stelle vertraulich:

- **Post:** Stadtverwaltung Kaiserslautern, Behördlicher Datenschutz, Willy-Brandt-Platz 1, 67657 Kaiserslautern
- **E-Mail:** [datenschutz@kaiserslautern.example](mailto:datenschutz@kaiserslautern.example)

## Welche Daten wir verarbeiten, wozu und wie lange

### Aufruf der Seiten (Server-Protokolle)

Wenn Sie eine Seite aufrufen, protokolliert der Webserver:

- die IP-Adresse Ihres Geräts,
- Datum und Uhrzeit des Aufrufs,
- die aufgerufene Adresse und die Art der Anfrage,
- den Statuscode der Antwort und die übertragene Datenmenge,
- die Kennung Ihres Browsers (User-Agent).

**Zweck:** die Seiten ausliefern, Fehler finden sowie Angriffe erkennen und abwehren. Die IP-Adresse speichern wir
ungekürzt, weil sich Angriffe nur so zurückverfolgen lassen. Wir werten die Protokolle nicht für Statistiken oder
Nutzungsprofile aus.

Um automatisierte Anmelde- und Registrierungsversuche zu bremsen, zählt das Portal solche Versuche außerdem
kurzzeitig je IP-Adresse und je E-Mail-Adresse in einem Zwischenspeicher. Diese Zähler verfallen nach wenigen
Minuten von selbst.

**Speicherdauer:** Die Protokolle werden nach 7 Tagen automatisch gelöscht. Einträge, die zu einem erkannten Angriff
gehören, bewahren wir auf, bis der Vorfall aufgeklärt ist.

**Rechtsgrundlage:** Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit dem Landesdatenschutzgesetz Rheinland-Pfalz
(LDSG); der sichere Betrieb ihres Informationsangebots gehört zu den Aufgaben der Stadt. Soweit die Verarbeitung
nicht der Erfüllung einer öffentlichen Aufgabe dient, stützen wir sie auf das berechtigte Interesse an der
Sicherheit unserer Systeme (Art. 6 Abs. 1 Buchst. f DSGVO).

### Cookies

Das Portal setzt nur Cookies, die für den Dienst, den Sie ausdrücklich nutzen, unbedingt erforderlich sind. Dafür
ist nach § 25 Abs. 2 Nr. 2 Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (TDDDG) keine Einwilligung nötig;
deshalb fragen wir sie nicht mit einem Banner ab. Cookies zur Analyse, zur Werbung oder zur Wiedererkennung über
andere Websites hinweg setzen wir nicht.

| Name | Zweck | Speicherdauer |
|---|---|---|
| `sessionid` | hält Sie nach der Anmeldung angemeldet | bis zur Abmeldung, höchstens 2 Wochen |
| `csrftoken` | schützt Formulare davor, von fremden Websites aus abgeschickt zu werden | 1 Jahr |
| `django_language` | merkt sich die Sprache, wenn Sie sie oben auf der Seite umschalten | 1 Jahr |
| `messages` | zeigt nach einer Aktion eine einmalige Rückmeldung an | bis die Meldung angezeigt wurde |

**Rechtsgrundlage** für die Verarbeitung der Daten in diesen Cookies: Art. 6 Abs. 1 Buchst. b und e DSGVO.

### Benutzerkonto

Sie können ein Benutzerkonto anlegen, um zum Beispiel Ihre Benachrichtigungen zu verwalten. Dabei speichern wir:

- Ihre E-Mail-Adresse und ob Sie sie bestätigt haben,
- Ihr Passwort, und zwar nur als Hashwert: Das Passwort selbst können wir nicht lesen,
- die Sprache, in der Sie E-Mails erhalten möchten,
- den Zeitpunkt der Registrierung und der letzten Anmeldung.

**Zweck:** Anmeldung, Verwaltung Ihrer Einstellungen und Versand der E-Mails, die zum Konto gehören (Bestätigung der
Adresse, Zurücksetzen des Passworts).

**Rechtsgrundlage:** Art. 6 Abs. 1 Buchst. b und e DSGVO.

**Speicherdauer:** bis Sie das Konto löschen. Das können Sie jederzeit selbst unter [Mein Konto](/konto/) tun.

### E-Mail-Benachrichtigungen

Sie können Benachrichtigungen zu Themen und Projekten des Programms abonnieren. Wir verwenden dafür das
Double-Opt-in-Verfahren:

1. Sie geben Ihre E-Mail-Adresse an und wählen Themen und Sprache.
2. Wir schicken Ihnen eine E-Mail mit einem Bestätigungslink.
3. Erst wenn Sie den Link aufrufen, ist das Abonnement aktiv.

Wir speichern Ihre E-Mail-Adresse, die gewählten Themen, die Sprache sowie als Nachweis Ihrer Einwilligung
(Art. 7 Abs. 1 DSGVO) den Wortlaut der Einwilligungserklärung und die Zeitpunkte von Anmeldung und Bestätigung.
Anmeldungen, die nicht bestätigt werden, löschen wir nach 7 Tagen automatisch.

Jede Benachrichtigung enthält einen Link zum Abbestellen; ein Klick genügt. Viele E-Mail-Programme zeigen dafür auch
eine eigene Schaltfläche „Abbestellen“ an, die ebenfalls funktioniert.

**Rechtsgrundlage:** Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO).

**Speicherdauer:** solange das Abonnement besteht. Wenn Sie es abbestellen, senden wir Ihnen keine
Benachrichtigungen mehr und löschen das Abonnement.

### Versandprotokoll der Benachrichtigungen

Für jede versandte Benachrichtigung halten wir fest, welche Nachricht wann an welches Abonnement ging und ob der
Versand geklappt hat. So verhindern wir doppelte E-Mails, erkennen Zustellfehler und können Rückfragen beantworten.

**Rechtsgrundlage:** Art. 6 Abs. 1 Buchst. e DSGVO.

**Speicherdauer:** 12 Monate. Danach anonymisieren wir die Einträge: Der Bezug zu Ihrer E-Mail-Adresse wird
entfernt, nur die Zahl der Sendungen bleibt für die Statistik. Löschen Sie vorher Ihr Konto oder Ihr Abonnement,
löschen wir die zugehörigen Einträge mit.

### Kontakt per E-Mail

Wenn Sie uns schreiben, verarbeiten wir Ihre Adresse und Ihre Nachricht, um Ihr Anliegen zu beantworten
(Art. 6 Abs. 1 Buchst. e DSGVO). Die Nachricht bewahren wir so lange auf, wie es die Vorschriften der Stadtverwaltung
über die Aufbewahrung von Schriftgut vorsehen.

## Was wir nicht tun

- Wir verwenden keine Werkzeuge zur Webanalyse oder Reichweitenmessung und keine Werbung.
- Wir binden keine Social-Media-Plugins, Karten oder Videos fremder Anbieter ein.
- Wir laden keine Web-Fonts oder anderen Dateien von fremden Servern. Links zu anderen Angeboten sind einfache Links:
  Erst wenn Sie einen davon anklicken, verbindet sich Ihr Browser mit dem anderen Server.
- Wir treffen keine automatisierten Entscheidungen über Sie und bilden keine Profile (Art. 22 DSGVO).

## Empfänger

Das Portal wird vom IT-Dienstleister der Stadt betrieben; er hostet die Server und verschickt die E-Mails in unserem
Auftrag. Er ist als Auftragsverarbeiter nach Art. 28 DSGVO vertraglich gebunden und darf die Daten nur nach unserer
Weisung verwenden. Innerhalb der Stadtverwaltung erhalten nur die Beschäftigten Zugriff, die ihn für ihre Aufgaben
brauchen. Anderen Stellen geben wir Daten nur, wenn ein Gesetz uns dazu verpflichtet.

## Keine Übermittlung in Drittländer

Die Daten werden ausschließlich in der Europäischen Union verarbeitet. Eine Übermittlung in Drittländer findet nicht
statt.

## Pflicht zur Angabe von Daten

Sie sind weder gesetzlich noch vertraglich verpflichtet, uns Daten zu geben. Ohne E-Mail-Adresse können wir Ihnen aber
kein Benutzerkonto und keine Benachrichtigungen anbieten.

## Ihre Rechte

Sie haben gegenüber der Stadt Kaiserslautern das Recht auf:

- **Auskunft** über die zu Ihnen gespeicherten Daten (Art. 15 DSGVO). Unter [Mein Konto](/konto/) können Sie Ihre
  Daten jederzeit selbst herunterladen.
- **Berichtigung** unrichtiger Daten (Art. 16 DSGVO). E-Mail-Adresse und Sprache ändern Sie selbst in Ihrem Konto.
- **Löschung** (Art. 17 DSGVO). Ihr Konto löschen Sie selbst unter [Mein Konto](/konto/); dabei löschen wir auch Ihre
  Abonnements und die zugehörigen Versandprotokolle.
- **Einschränkung der Verarbeitung** (Art. 18 DSGVO).
- **Datenübertragbarkeit** (Art. 20 DSGVO). Der Download unter [Mein Konto](/konto/) liefert Ihre Daten in einem
  maschinenlesbaren Format.
- **Widerspruch** gegen Verarbeitungen auf Grundlage von Art. 6 Abs. 1 Buchst. e oder f DSGVO aus Gründen, die sich
  aus Ihrer besonderen Situation ergeben (Art. 21 DSGVO).
- **Widerruf Ihrer Einwilligung** mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO), etwa über den Link zum
  Abbestellen in jeder Benachrichtigung. Was bis zum Widerruf geschehen ist, bleibt rechtmäßig.

Für alles Weitere schreiben Sie an
[datenschutz@kaiserslautern.example](mailto:datenschutz@kaiserslautern.example).

## Beschwerderecht

Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO). Zuständig für die Stadt
Kaiserslautern ist:

Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz, Hintere Bleiche 34,
55116 Mainz, [www.datenschutz.rlp.de](https://www.datenschutz.rlp.de)
"""

PRIVACY_EN = """
> **Sample text for the demo.** This privacy policy describes how the demonstration portal handles personal data. It
> is not the legally binding privacy policy of the City of Kaiserslautern. Phone numbers and email addresses are
> placeholders. This English version is provided for convenience; the German version is the one that counts.

This notice tells you, as required by Article 13 of the General Data Protection Regulation (GDPR), which data this
portal processes, for what purpose and for how long. Linked services of other organisations have their own privacy
notices.

## Summary

- You can read all public pages without signing in.
- No tracking, no web analytics, no advertising.
- No content from other servers: fonts, images, style sheets and scripts come from the portal itself.
- Only strictly necessary cookies, which is why there is no cookie banner.
- Your data are not transferred to countries outside the European Union.

## Controller

The controller is the City of Kaiserslautern, represented by the Lord Mayor:

- **Address:** Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1, 67657 Kaiserslautern, Germany
- **Phone:** +49 631 0000-000 (example number)
- **Email:** [digital@kaiserslautern.example](mailto:digital@kaiserslautern.example)

## Data protection officer

The city administration has designated a data protection officer (Article 37 GDPR), whom you can contact in
confidence:

- **Post:** Stadtverwaltung Kaiserslautern, Behördlicher Datenschutz, Willy-Brandt-Platz 1, 67657 Kaiserslautern
- **Email:** [datenschutz@kaiserslautern.example](mailto:datenschutz@kaiserslautern.example)

## What we process, why and for how long

### Visiting the pages (server logs)

When you open a page, the web server records:

- the IP address of your device,
- date and time of the request,
- the address requested and the type of request,
- the status code of the response and the amount of data sent,
- your browser's identifier (user agent).

**Purpose:** delivering the pages, finding faults, and detecting and fending off attacks. We keep the full IP address
because attacks can only be traced back that way. We do not use the logs for statistics or user profiles.

To slow down automated sign-in and sign-up attempts, the portal also counts such attempts per IP address and per
email address for a short time in a cache. These counters expire on their own after a few minutes.

**Retention:** logs are deleted automatically after 7 days. Entries belonging to a detected attack are kept until the
incident has been resolved.

**Legal basis:** Article 6(1)(e) GDPR together with the Data Protection Act of Rhineland-Palatinate
(Landesdatenschutzgesetz, LDSG); running its information services securely is one of the city's tasks. Where the
processing does not serve a public task, we rely on the legitimate interest in the security of our systems
(Article 6(1)(f) GDPR).

### Cookies

The portal only sets cookies that are strictly necessary for the service you have explicitly asked for. Under
Section 25(2) no. 2 of the German Telecommunications Digital Services Data Protection Act (TDDDG), this requires no
consent, so we do not ask for it with a banner. We set no cookies for analytics, advertising or recognising you
across other websites.

| Name | Purpose | Retention |
|---|---|---|
| `sessionid` | keeps you signed in after you sign in | until you sign out, at most 2 weeks |
| `csrftoken` | prevents forms from being submitted from other websites | 1 year |
| `django_language` | remembers the language when you switch it at the top of the page | 1 year |
| `messages` | shows a one-off confirmation after an action | until the message has been shown |

**Legal basis** for processing the data in these cookies: Article 6(1)(b) and (e) GDPR.

### User account

You can create a user account, for example to manage your notifications. We store:

- your email address and whether you have confirmed it,
- your password, only as a hash: we cannot read the password itself,
- the language in which you want to receive emails,
- the time you registered and last signed in.

**Purpose:** signing in, managing your settings and sending the emails that belong to the account (confirming your
address, resetting your password).

**Legal basis:** Article 6(1)(b) and (e) GDPR.

**Retention:** until you delete the account. You can do this yourself at any time under [My account](/konto/).

### Email notifications

You can subscribe to notifications about topics and projects of the programme. We use a double opt-in procedure:

1. You enter your email address and choose topics and language.
2. We send you an email with a confirmation link.
3. The subscription only becomes active once you open that link.

We store your email address, the topics you chose and the language, and, as proof of your consent (Article 7(1)
GDPR), the wording of the consent statement and the times of your request and of your confirmation. Requests that
are not confirmed are deleted automatically after 7 days.

Every notification contains an unsubscribe link; one click is enough. Many email programs also show their own
"Unsubscribe" button, which works as well.

**Legal basis:** your consent (Article 6(1)(a) GDPR).

**Retention:** as long as the subscription exists. When you unsubscribe, we stop sending notifications and delete the
subscription.

### Delivery records of notifications

For every notification sent we record which message went to which subscription, when, and whether delivery
succeeded. This lets us avoid duplicate emails, spot delivery errors and answer questions.

**Legal basis:** Article 6(1)(e) GDPR.

**Retention:** 12 months. After that we anonymise the records: the link to your email address is removed and only the
number of messages remains for statistics. If you delete your account or subscription earlier, the related records
are deleted with it.

### Contacting us by email

When you write to us, we process your address and your message in order to answer (Article 6(1)(e) GDPR). We keep the
message for as long as the city administration's rules on keeping records require.

## What we do not do

- We use no web analytics or audience measurement tools and no advertising.
- We embed no social media plug-ins, maps or videos from other providers.
- We load no web fonts or other files from other servers. Links to other services are plain links: your browser only
  connects to the other server when you click one.
- We make no automated decisions about you and create no profiles (Article 22 GDPR).

## Recipients

The portal is run by the city's IT service provider, which hosts the servers and sends the emails on our behalf. It
is bound by a contract as a processor under Article 28 GDPR and may only use the data on our instructions. Within the
city administration, only staff who need access for their work have it. We pass data to other bodies only where a law
obliges us to.

## No transfer to third countries

The data are processed exclusively within the European Union. They are not transferred to third countries.

## Obligation to provide data

You are under no legal or contractual obligation to give us any data. Without an email address, however, we cannot
offer you a user account or notifications.

## Your rights

You have the following rights against the City of Kaiserslautern:

- **Access** to the data stored about you (Article 15 GDPR). Under [My account](/konto/) you can download your data
  yourself at any time.
- **Rectification** of inaccurate data (Article 16 GDPR). You can change your email address and language yourself in
  your account.
- **Erasure** (Article 17 GDPR). You can delete your account yourself under [My account](/konto/); this also deletes
  your subscriptions and the related delivery records.
- **Restriction of processing** (Article 18 GDPR).
- **Data portability** (Article 20 GDPR). The download under [My account](/konto/) provides your data in a
  machine-readable format.
- **Objection** to processing based on Article 6(1)(e) or (f) GDPR on grounds relating to your particular situation
  (Article 21 GDPR).
- **Withdrawal of your consent** with effect for the future (Article 7(3) GDPR), for example through the unsubscribe
  link in every notification. Processing that took place before the withdrawal remains lawful.

For anything else, write to [datenschutz@kaiserslautern.example](mailto:datenschutz@kaiserslautern.example).

## Right to lodge a complaint

You can lodge a complaint with a data protection supervisory authority (Article 77 GDPR). The authority responsible
for the City of Kaiserslautern is:

Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz (the State Commissioner for
Data Protection and Freedom of Information of Rhineland-Palatinate), Hintere Bleiche 34, 55116 Mainz, Germany,
[www.datenschutz.rlp.de](https://www.datenschutz.rlp.de) (in German)
"""

# --------------------------------------------------------------------------------------------------------------------
# 3. Erklärung zur Barrierefreiheit / Accessibility statement
# --------------------------------------------------------------------------------------------------------------------

ACCESSIBILITY_DE = """
> **Mustertext für die Vorführung.** Diese Erklärung zur Barrierefreiheit ist ein Beispiel für das
> Demonstrations-Portal. Sie ist nicht die rechtsverbindliche Erklärung der Stadt Kaiserslautern. Telefonnummern und
> E-Mail-Adressen der Stadt sind Platzhalter.

Die Stadt Kaiserslautern möchte, dass alle Menschen dieses Portal nutzen können. Als öffentliche Stelle ist sie dazu
nach dem Landesinklusionsgesetz Rheinland-Pfalz (LInklG) und der Barrierefreie-Informationstechnik-Verordnung
Rheinland-Pfalz (BITV RP) verpflichtet, die die Richtlinie (EU) 2016/2102 umsetzen. Maßstab für die technischen
Anforderungen ist die europäische Norm EN 301 549 (V3.2.1), die die Web Content Accessibility Guidelines (WCAG) 2.1
in der Stufe AA einschließt. Bei den Informationen in Leichter Sprache und in Deutscher Gebärdensprache richten wir
uns nach § 4 der Barrierefreie-Informationstechnik-Verordnung des Bundes (BITV 2.0).

## Geltungsbereich

Diese Erklärung gilt für das Portal „herzlich-digitale Stadt“ mit allen Seiten in deutscher und englischer Sprache.
Sie gilt nicht für verlinkte Angebote anderer Stellen, etwa das Open-Data-Portal der Stadt oder Websites von
Projektpartnern; diese haben eigene Erklärungen zur Barrierefreiheit.

## Stand der Vereinbarkeit mit den Anforderungen

Dieses Portal ist mit den Anforderungen **weitgehend vereinbar**; in den Kategorien der Mustererklärung heißt das:
teilweise vereinbar. Die folgenden Inhalte sind noch nicht oder nicht vollständig barrierefrei.

### Nicht barrierefreie Inhalte

- **Ältere PDF-Dokumente aus Projekten.** Einige Berichte, Präsentationen und Projektsteckbriefe liegen nur als PDF
  vor, denen eine Überschriftenstruktur, eine festgelegte Lesereihenfolge oder Textalternativen für Bilder fehlen.
  Dokumente, die vor dem 23. September 2018 veröffentlicht wurden, sind von den Anforderungen ausgenommen, wenn sie
  für kein laufendes Verwaltungsverfahren gebraucht werden (Art. 1 Abs. 4 Buchst. a der Richtlinie (EU) 2016/2102).
  Jüngere Dokumente von Projektpartnern prüfen wir nach und nach und ersetzen sie durch barrierefreie Fassungen. Den
  Inhalt eines Dokuments schicken wir Ihnen auf Anfrage gern in einer für Sie zugänglichen Form.
- **Diagramme zu Projektfortschritt und Budget.** Die Diagramme vermitteln Werte über Längen, Flächen und Farben und
  sind als Grafik nicht für alle wahrnehmbar. Jedes Diagramm hat deshalb eine Textalternative: Dieselben Werte
  stehen direkt daneben als Text oder Tabelle. Die Grafik selbst lässt sich nicht Punkt für Punkt mit der Tastatur
  erkunden.
- **Deutsche Gebärdensprache.** Die Informationen nach § 4 BITV 2.0 gibt es noch nicht als Video in Deutscher
  Gebärdensprache (DGS). Ein Video ist geplant. Bis dahin finden Sie die Informationen in
  [Leichter Sprache](/leichte-sprache/), und Sie können uns jederzeit schreiben.

## Erstellung dieser Erklärung

Diese Erklärung wurde im November 2026 erstellt. Sie beruht auf einer Selbstbewertung durch das Referat
Digitalisierung und Innovation:

- **Manuelle Prüfung** ausgewählter Seiten: Bedienung nur mit der Tastatur, Nutzung mit Bildschirmlesesoftware,
  Vergrößerung auf 200 und 400 Prozent, Farbkontraste, verständliche Beschriftung von Formularen.
- **Automatisierte Tests:** Bei jeder Änderung am Programmcode prüft ein Test jede Seite des Portals mit dem
  Prüfwerkzeug axe-core.

Automatische Tests finden erfahrungsgemäß nur einen Teil der möglichen Barrieren. Deshalb sind die manuelle Prüfung
und Ihre Rückmeldungen wichtig. Wir überprüfen diese Erklärung mindestens einmal im Jahr und nach größeren
Änderungen am Portal.

## Barrieren melden: Feedback und Kontakt

Sind Ihnen Barrieren auf diesem Portal aufgefallen? Oder brauchen Sie Inhalte in einer anderen, für Sie zugänglichen
Form? Dann melden Sie sich bitte bei uns:

- **E-Mail:** [barrierefreiheit@kaiserslautern.example](mailto:barrierefreiheit@kaiserslautern.example)
- **Telefon:** 0631 0000-001 (Beispielnummer)
- **Post:** Stadtverwaltung Kaiserslautern, Referat Digitalisierung und Innovation, Willy-Brandt-Platz 1,
  67657 Kaiserslautern

Bitte nennen Sie uns die Adresse der Seite, beschreiben Sie das Problem und, wenn Sie möchten, welche Hilfsmittel
(zum Beispiel Bildschirmleser oder Vergrößerung) Sie verwenden. Wir bestätigen den Eingang und antworten Ihnen
innerhalb eines Monats.

## Durchsetzungsverfahren

Haben Sie uns eine Barriere gemeldet und innerhalb eines Monats keine oder keine zufriedenstellende Antwort erhalten,
können Sie sich an die Durchsetzungsstelle für digitale Barrierefreiheit Rheinland-Pfalz wenden. Sie ist bei der
Landesbeauftragten für die Belange von Menschen mit Behinderungen in Mainz angesiedelt.

Die Durchsetzungsstelle prüft auf Ihren Antrag oder Ihre Mitteilung hin, ob ein Internetangebot einer öffentlichen
Stelle in Rheinland-Pfalz die Anforderungen an die Barrierefreiheit erfüllt. Stellt sie Mängel fest, fordert sie die
Stelle auf, diese zu beseitigen. Geschieht das nicht, können anerkannte Verbände nach dem Landesinklusionsgesetz
Klage erheben.

- **E-Mail:** [durchsetzungsstelle@mastd.rlp.de](mailto:durchsetzungsstelle@mastd.rlp.de)
- **Weitere Informationen und Kontaktdaten:** [behindertenbeauftragte.rlp.de](https://behindertenbeauftragte.rlp.de)
"""

ACCESSIBILITY_EN = """
> **Sample text for the demo.** This accessibility statement is an example for the demonstration portal. It is not the
> legally binding statement of the City of Kaiserslautern. The city's phone numbers and email addresses are
> placeholders. This English version is provided for convenience; the German version is the one that counts.

The City of Kaiserslautern wants everyone to be able to use this portal. As a public body it is obliged to do so by
the Inclusion Act of Rhineland-Palatinate (Landesinklusionsgesetz, LInklG) and the Rhineland-Palatinate Accessible
Information Technology Ordinance (BITV RP), which implement Directive (EU) 2016/2102. The technical requirements are
those of the European standard EN 301 549 (V3.2.1), which includes the Web Content Accessibility Guidelines (WCAG)
2.1 at level AA. For the information in Easy Read German (Leichte Sprache) and in German Sign Language we follow
Section 4 of the federal Accessible Information Technology Ordinance (BITV 2.0).

## Scope

This statement applies to the "herzlich-digitale Stadt" portal with all its pages in German and English. It does not
apply to linked services of other organisations, such as the city's open data portal or websites of project
partners; they have accessibility statements of their own.

## Compliance status

This portal is **largely compliant** with the requirements; in the categories of the model statement this means:
partially compliant. The following content is not yet accessible, or not fully.

### Non-accessible content

- **Older PDF documents from projects.** Some reports, presentations and project fact sheets exist only as PDF files
  that lack a heading structure, a defined reading order or text alternatives for images. Documents published before
  23 September 2018 are exempt from the requirements unless they are needed for an ongoing administrative procedure
  (Article 1(4)(a) of Directive (EU) 2016/2102). We are reviewing newer documents from project partners step by step
  and replacing them with accessible versions. On request we will gladly send you the content of a document in a form
  that is accessible to you.
- **Charts on project progress and budget.** The charts convey values through lengths, areas and colours and cannot be
  perceived by everyone as graphics. Every chart therefore has a text alternative: the same values are given right
  next to it as text or as a table. The graphic itself cannot be explored point by point with the keyboard.
- **German Sign Language.** The information required by Section 4 BITV 2.0 is not yet available as a video in German
  Sign Language (Deutsche Gebärdensprache, DGS). A video is planned. Until then you will find the information in
  [Easy Read](/leichte-sprache/), and you can write to us at any time.

## Preparation of this statement

This statement was prepared in November 2026. It is based on a self-assessment by the Department for Digitalisation
and Innovation:

- **Manual checks** of selected pages: operation with the keyboard only, use with screen reader software, zoom to 200
  and 400 percent, colour contrast, understandable labels in forms.
- **Automated tests:** with every change to the code, a test checks every page of the portal with the axe-core testing
  tool.

Experience shows that automated tests find only some of the possible barriers. That is why the manual checks and
your feedback matter. We review this statement at least once a year and after major changes to the portal.

## Reporting barriers: feedback and contact

Have you come across barriers on this portal? Or do you need content in another form that is accessible to you?
Please get in touch:

- **Email:** [barrierefreiheit@kaiserslautern.example](mailto:barrierefreiheit@kaiserslautern.example)
- **Phone:** +49 631 0000-001 (example number)
- **Post:** Stadtverwaltung Kaiserslautern, Referat Digitalisierung und Innovation, Willy-Brandt-Platz 1,
  67657 Kaiserslautern, Germany

Please tell us the address of the page and describe the problem and, if you like, which assistive technology (for
example a screen reader or magnification) you use. We will confirm receipt and reply within one month.

## Enforcement procedure

If you have reported a barrier to us and have received no reply, or no satisfactory reply, within one month, you can
turn to the enforcement body for digital accessibility of Rhineland-Palatinate (Durchsetzungsstelle für digitale
Barrierefreiheit). It is attached to the State Commissioner for the Concerns of People with Disabilities in Mainz.

On your application or notification, the enforcement body checks whether a website of a public body in
Rhineland-Palatinate meets the accessibility requirements. If it finds shortcomings, it asks the body to remedy them.
If that does not happen, recognised associations can take legal action under the Inclusion Act.

- **Email:** [durchsetzungsstelle@mastd.rlp.de](mailto:durchsetzungsstelle@mastd.rlp.de)
- **Further information and contact details:** [behindertenbeauftragte.rlp.de](https://behindertenbeauftragte.rlp.de)
  (in German)
"""

# --------------------------------------------------------------------------------------------------------------------
# 4. Leichte Sprache / Easy Read (the information § 4 BITV 2.0 asks for)
# --------------------------------------------------------------------------------------------------------------------

EASY_LANGUAGE_DE = """
> **Achtung: Das ist ein Muster-Text.**
>
> Der Text ist nur ein Beispiel.
>
> Es ist nicht der gültige Text von der Stadt Kaiserslautern.
>
> Die Telefon-Nummer und die E-Mail-Adresse auf dieser Seite sind auch nur Beispiele.

## Was ist auf dieser Internet-Seite?

Diese Internet-Seite ist von der Stadt Kaiserslautern.

Die Stadt will das Leben in Kaiserslautern leichter machen.

Dabei sollen Computer und das Internet helfen.

Das nennt man: Digitalisierung.

Die Stadt hat dafür einen Plan mit vielen Projekten.

Der Plan heißt: herzlich-digitale Stadt.

Ein Projekt ist eine Aufgabe mit einem Ziel.

Zum Beispiel:

- Sie können das Parken mit dem Handy bezahlen.
- Menschen im Rollstuhl sollen mit dem Handy einen guten Weg durch die Stadt finden.
- Die Feuerwehr hat 2 Drohnen.

Drohnen sind kleine Flug-Geräte mit Kameras.

Auf dieser Internet-Seite steht:

- Welche Projekte gibt es?
- Was ist schon fertig?
- Was machen wir gerade?
- Was machen wir später?
- Was gibt es Neues?

Sie können sich auch E-Mails schicken lassen.

In den E-Mails steht: In einem Projekt gibt es etwas Neues.

Sie bestimmen selbst: Zu welchen Projekten bekommen Sie E-Mails?

Sie können die E-Mails jederzeit wieder abbestellen.

Die Internet-Seite gibt es auf Deutsch und auf Englisch.

## Wie finden Sie sich hier zurecht?

Jede Seite hat 3 Teile.

### Teil 1: Oben auf der Seite

Oben links ist das Zeichen von der herzlich-digitalen Stadt.

Klicken Sie auf das Zeichen.

Dann kommen Sie zur Start-Seite.

Oben ist auch das Menü.

Das Menü ist eine Liste mit Links.

Ein Link bringt Sie zu einer anderen Seite.

Oben können Sie auch die Sprache wählen.

Klicken Sie auf „Deutsch“ oder auf „English“.

### Teil 2: Die Mitte von der Seite

In der Mitte steht der Inhalt von der Seite.

### Teil 3: Unten auf der Seite

Ganz unten sind noch mehr Links:

- **Impressum:** Wer ist verantwortlich für die Internet-Seite?
- **Datenschutz:** Was passiert mit Ihren Daten?
- **Barrierefreiheit:** Wie gut können Sie die Internet-Seite benutzen?
- **Leichte Sprache:** Das ist diese Seite.

### Hilfe beim Benutzen

Sie können die Internet-Seite auch nur mit der Tastatur benutzen.

Drücken Sie die Taste „Tab“.

Dann springen Sie von Link zu Link.

Der 1. Link heißt: Zum Inhalt springen.

Mit diesem Link kommen Sie direkt zum Inhalt.

Die Schrift ist Ihnen zu klein?

Dann drücken Sie die Taste „Strg“ und die Taste „Plus“ zusammen.

Dann wird alles größer.

Auf einem Computer von Apple drücken Sie die Taste „cmd“ und die Taste „Plus“.

## Was ist barriere-frei?

Eine Barriere ist ein Hindernis.

Barriere-frei heißt: ohne Hindernis.

Alle Menschen sollen diese Internet-Seite gut benutzen können.

Auch Menschen mit Behinderung.

Zum Beispiel:

- Blinde Menschen lassen sich die Seite vom Computer vorlesen.
- Manche Menschen benutzen nur die Tastatur und keine Computer-Maus.

Es gibt dazu ein Gesetz.

Das Gesetz sagt: Die Stadt muss einen Text über ihre Internet-Seite schreiben.

Der Text heißt: [Erklärung zur Barriere-Freiheit](/barrierefreiheit/).

Der Text ist in schwerer Sprache.

In dem Text steht:

- Was ist schon barriere-frei?
- Was ist noch nicht barriere-frei?
- Wie prüfen wir die Internet-Seite?
- Wie können Sie uns Probleme melden?
- Wo können Sie sich beschweren?

Die Internet-Seite ist zum großen Teil barriere-frei.

Ein paar Dinge sind noch nicht barriere-frei.

### Manche alte Dokumente zum Herunter-Laden

Ein Vorlese-Programm kann diese Dokumente oft nicht richtig vorlesen.

Sie brauchen so ein Dokument?

Dann schreiben Sie uns.

Wir schicken Ihnen den Inhalt dann in einer anderen Form.

### Bilder mit Zahlen

Die Bilder zeigen zum Beispiel: So weit ist ein Projekt.

Neben jedem Bild stehen die Zahlen noch einmal als Text.

### Ein Video in Gebärden-Sprache

Das Video gibt es noch nicht.

Mehr dazu steht weiter unten.

## Wie können Sie uns schreiben?

Sie finden ein Hindernis auf dieser Internet-Seite?

Oder Sie haben eine Frage?

Dann schreiben Sie uns bitte eine E-Mail.

Die E-Mail-Adresse ist: [barrierefreiheit@kaiserslautern.example](mailto:barrierefreiheit@kaiserslautern.example)

Sie können uns auch einen Brief schicken.

Das ist die Adresse:

Stadtverwaltung Kaiserslautern, Referat Digitalisierung und Innovation, Willy-Brandt-Platz 1, 67657 Kaiserslautern

Oder Sie rufen uns an.

Die Telefon-Nummer ist: 0631 0000-001

Schreiben Sie uns bitte:

- Auf welcher Seite ist das Hindernis?
- Was ist das Problem?

Sie bekommen spätestens nach 1 Monat eine Antwort.

**Sie bekommen keine Antwort?**

**Oder die Antwort hilft Ihnen nicht?**

Dann können Sie sich beschweren.

Das geht bei der Durchsetzungs-Stelle in Mainz.

Die Durchsetzungs-Stelle gehört zum Land Rheinland-Pfalz.

Die Durchsetzungs-Stelle prüft dann: Hält sich die Stadt an die Regeln?

Die E-Mail-Adresse von der Durchsetzungs-Stelle ist:
[durchsetzungsstelle@mastd.rlp.de](mailto:durchsetzungsstelle@mastd.rlp.de)

## Gibt es Infos in Gebärden-Sprache?

Gebärden-Sprache ist eine Sprache mit den Händen.

Viele gehörlose Menschen sprechen Gebärden-Sprache.

Wir wollen ein Video in Deutscher Gebärden-Sprache machen.

Die Abkürzung für Deutsche Gebärden-Sprache ist: DGS.

In dem Video erklären wir das Gleiche wie auf dieser Seite.

Das Video gibt es noch nicht.

Es kommt später.

Bis dahin können Sie uns eine E-Mail schreiben.

## Gibt es noch mehr in Leichter Sprache?

Nein.

Nur diese Seite ist in Leichter Sprache.

Die anderen Seiten sind in schwerer Sprache.
"""

EASY_LANGUAGE_EN = """
> **Please note: this is a sample text.**
>
> This text is only an example.
>
> It is not the official text of the City of Kaiserslautern.
>
> The phone number and the email address on this page are only examples too.

## What is on this website?

This website is from the City of Kaiserslautern.

Kaiserslautern is a city in Germany.

The city wants to make life in Kaiserslautern easier.

Computers and the internet should help with this.

This is called: going digital.

The city has a plan with many projects for this.

The plan is called: herzlich-digitale Stadt.

In English this means: the warm-hearted digital city.

A project is a piece of work with a goal.

For example:

- You can pay for parking with your mobile phone.
- People in wheelchairs should be able to find a good way through the city with their phone.
- The fire brigade has 2 drones.

Drones are small flying machines with cameras.

On this website you can find out:

- What projects are there?
- What is already finished?
- What are we working on now?
- What will we do later?
- What is new?

You can also get emails from us.

The emails tell you: there is news about a project.

You choose which projects you get emails about.

You can stop the emails at any time.

The website is in German and in English.

## How do you find your way around?

Every page has 3 parts.

### Part 1: The top of the page

At the top left is the sign of the warm-hearted digital city.

Click on the sign.

This takes you to the home page.

The menu is also at the top.

The menu is a list of links.

A link takes you to another page.

At the top you can also choose your language.

Click on "Deutsch" for German or on "English".

### Part 2: The middle of the page

The middle of the page shows what the page is about.

### Part 3: The bottom of the page

At the very bottom there are more links:

- **Legal notice:** Who is responsible for the website?
- **Privacy:** What happens to your data?
- **Accessibility:** How well can you use the website?
- **Easy Read:** This is this page.

### Help with using the website

You can use the website with just the keyboard.

Press the "Tab" key.

This moves you from link to link.

The first link is called: Skip to content.

This link takes you straight to the main part of the page.

Is the writing too small for you?

Then press the "Ctrl" key and the "Plus" key at the same time.

This makes everything bigger.

On an Apple computer, press the "cmd" key and the "Plus" key.

## What does accessible mean?

A barrier is something that gets in your way.

Accessible means: there are no barriers.

Everyone should be able to use this website easily.

This includes disabled people.

For example:

- Blind people have the computer read the page out loud to them.
- Some people only use the keyboard and no computer mouse.

There is a law about this.

The law says: the city must write a text about its website.

This text is called the [Accessibility statement](/barrierefreiheit/).

It is not in Easy Read.

The accessibility statement tells you:

- What is already accessible?
- What is not accessible yet?
- How do we check the website?
- How can you tell us about problems?
- Where can you complain?

Most of the website is accessible.

A few things are not accessible yet.

### Some old documents that you can download

Programs that read out loud often cannot read these documents properly.

Do you need one of these documents?

Then write to us.

We will send you what it says in another form.

### Pictures with numbers

For example, the pictures show how far a project has got.

Next to each picture, the numbers are written out again as text.

### A video in sign language

There is no video yet.

You can read more about this further down.

## How can you contact us?

Have you found a barrier on this website?

Or do you have a question?

Then please send us an email.

Our email address is: [barrierefreiheit@kaiserslautern.example](mailto:barrierefreiheit@kaiserslautern.example)

You can also send us a letter.

This is our address:

Stadtverwaltung Kaiserslautern, Referat Digitalisierung und Innovation, Willy-Brandt-Platz 1, 67657 Kaiserslautern,
Germany

Or you can call us.

Our phone number is: +49 631 0000-001

Please tell us:

- On which page is the barrier?
- What is the problem?

You will get an answer within 1 month.

**You did not get an answer?**

**Or the answer does not help you?**

Then you can complain.

You can do this at the enforcement office in Mainz.

The enforcement office belongs to the state of Rhineland-Palatinate.

The enforcement office then checks: does the city keep to the rules?

The email address of the enforcement office is:
[durchsetzungsstelle@mastd.rlp.de](mailto:durchsetzungsstelle@mastd.rlp.de)

## Is there information in sign language?

Sign language is a language you speak with your hands.

Many deaf people use sign language.

We want to make a video in German Sign Language.

The short name for German Sign Language is: DGS.

In the video we will explain the same things as on this page.

There is no video yet.

It will come later.

Until then, you can send us an email.

## Is there more in Easy Read?

No.

Only this page is in Easy Read.

The other pages are not in Easy Read.
"""

# --------------------------------------------------------------------------------------------------------------------
# The pages, keyed by kind
# --------------------------------------------------------------------------------------------------------------------

LEGAL_PAGES = {
    LegalPage.Kind.IMPRINT: {
        "title_de": "Impressum",
        "title_en": "Legal notice",
        "body_de": IMPRINT_DE,
        "body_en": IMPRINT_EN,
    },
    LegalPage.Kind.PRIVACY: {
        "title_de": "Datenschutzerklärung",
        "title_en": "Privacy policy",
        "body_de": PRIVACY_DE,
        "body_en": PRIVACY_EN,
    },
    LegalPage.Kind.ACCESSIBILITY: {
        "title_de": "Erklärung zur Barrierefreiheit",
        "title_en": "Accessibility statement",
        "body_de": ACCESSIBILITY_DE,
        "body_en": ACCESSIBILITY_EN,
    },
    LegalPage.Kind.EASY_LANGUAGE: {
        "title_de": "Leichte Sprache",
        "title_en": "Easy Read",
        "body_de": EASY_LANGUAGE_DE,
        "body_en": EASY_LANGUAGE_EN,
    },
}


def load_legal_pages() -> int:
    """Create the sample legal pages where none exist yet; never overwrite what staff wrote.

    Returns how many were created.
    """
    created_count = 0
    with transaction.atomic():
        for kind, fields in LEGAL_PAGES.items():
            defaults = {name: value.strip() for name, value in fields.items()}
            _page, created = LegalPage.objects.get_or_create(kind=kind, defaults=defaults)
            created_count += created
    return created_count
