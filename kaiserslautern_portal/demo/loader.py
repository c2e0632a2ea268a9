"""Read the demo content (TOML and Markdown files, see content/README.md) into the database.

Every record passes its model's `full_clean()` before it is saved, and a file that breaks a rule stops the load with
its path in the message. Loading twice gives the same database.
"""

import datetime
import pathlib
import re
import tomllib
import zoneinfo
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import translation

from kaiserslautern_portal.lib.identity.models import SINGLETON_PK, SiteIdentity
from kaiserslautern_portal.models import LegalPage
from news.models import NewsItem
from projects.models import DateChange, FieldOfAction, Indicator, IndicatorValue, Milestone, ProgressEntry, Project

CONTENT = pathlib.Path(__file__).resolve().parent / "content"
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
OFFSET = re.compile(r"([+-]\d+)([dwy])")
# The keys each kind of table may have (content/README.md): a misspelt key stops the load instead of being ignored.
KEYS = {
    "fields": {"slug", "name_de", "name_en", "summary_de", "summary_en", "order", "colour"},
    "projects": {"field", "title_de", "title_en", "summary_de", "summary_en", "status", "progress", "start",
                "baseline_end", "planned_end", "actual_end", "budget", "spent", "spent_as_of", "funding_source",
                "partners", "responsible_office", "contact_name", "contact_email", "place_name", "latitude",
                "longitude", "update_interval_days", "last_update", "is_published", "note", "history", "milestones",
                "end_moves", "indicators", "funding_source_en", "partners_en", "responsible_office_en",
                "contact_name_en", "place_name_en"},
    "history": {"on", "progress", "status"},
    "milestones": {"title_de", "title_en", "description_de", "description_en", "baseline_due", "due", "done",
                   "moved_on", "reason", "reason_en"},
    "end_moves": {"on", "to", "reason", "reason_en"},
    "indicators": {"name_de", "name_en", "unit", "baseline", "target", "values"},
    "news": {"kind", "status", "published", "time", "author", "author_en", "projects", "note", "title_de", "title_en",
             "teaser_de", "teaser_en"},
    "legal": {"title_de", "title_en"},
    # site.toml: the identity's fields, translated ones as _de/_en; `logo` a file in the content folder.
    "site": {"logo", "city_de", "city_en", "programme_name_de", "programme_name_en", "site_name_de", "site_name_en",
             "meta_description_de", "meta_description_en", "signature_de", "signature_en", "operator_name_de",
             "operator_name_en", "operator_address", "operator_representative_de", "operator_representative_en",
             "operator_email", "operator_phone", "press_name_de", "press_name_en", "press_email", "press_phone",
             "sender_name", "sender_email", "totp_issuer", "logo_alt_de", "logo_alt_en", "colour_accent",
             "colour_link", "colour_accent_dark", "colour_link_dark"},
}  # fmt: skip


class DemoContentError(ValueError):
    """A content file is malformed or breaks a model rule."""


def demo_date(value: datetime.date | str | None, today: datetime.date) -> datetime.date | None:
    """A TOML date as it is, or an offset from today: "+90d", "-3w", "-2y" (29 February falls back to the 28th)."""
    if value is None or isinstance(value, datetime.date):
        return value
    match = OFFSET.fullmatch(str(value))
    if match is None:
        raise DemoContentError(f"{value!r} is neither a date (2024-06-30) nor an offset like +90d, -3w or -2y")
    count, unit = int(match[1]), match[2]
    if unit == "y":
        leap_day = (today.month, today.day) == (2, 29)
        return today.replace(year=today.year + count, day=28 if leap_day else today.day)
    return today + datetime.timedelta(days=count * (7 if unit == "w" else 1))


def check_keys(path: pathlib.Path, kind: str, rows: list[dict]) -> None:
    for row in rows:
        if unknown := set(row) - KEYS[kind]:
            raise DemoContentError(f"{path}: unknown key(s) in {kind}: {', '.join(sorted(unknown))}")


def read_toml(path: pathlib.Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{path}: {error}") from error


class Item:
    """One folder of content: `index.toml` with the data, `de.md` and `en.md` with the long texts."""

    def __init__(self, folder: pathlib.Path, kind: str, today: datetime.date):
        self.path = folder / "index.toml"
        self.slug = folder.name
        self.data = read_toml(self.path)
        check_keys(self.path, kind, [self.data])
        for table in ("history", "milestones", "end_moves", "indicators"):
            check_keys(self.path, table, self.data.get(table, []))
        self.today = today
        self.texts = {lang: (folder / f"{lang}.md").read_text(encoding="utf-8").strip() for lang in ("de", "en")}

    def date(self, value) -> datetime.date | None:
        try:
            return demo_date(value, self.today)
        except DemoContentError as error:
            raise DemoContentError(f"{self.path}: {error}") from error

    def moment(self, value, at: datetime.time) -> datetime.datetime:
        return datetime.datetime.combine(self.date(value), at, tzinfo=BERLIN)


def validated(path: pathlib.Path, obj: models.Model, **kwargs) -> models.Model:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        raise DemoContentError(f"{path}: {type(obj).__name__}: {error.messages}") from error
    return obj


def save(path: pathlib.Path, model: type[models.Model], *, slug: str, values: dict) -> models.Model:
    # update_or_create() saves without validation; unique checks are left out because the row may already exist.
    validated(path, model(slug=slug, **values), validate_unique=False)
    obj, _created = model.objects.update_or_create(slug=slug, defaults=values)
    return obj


def folders(content: pathlib.Path, kind: str, today: datetime.date) -> list[Item]:
    """The items of one kind ("projects", "news", "legal"), one folder each, in the order of their names."""
    folders = sorted(folder for folder in (content / kind).iterdir() if (folder / "index.toml").exists())
    return [Item(folder, kind, today) for folder in folders]


def amount(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def load_fields(content: pathlib.Path) -> dict[str, FieldOfAction]:
    path = content / "fields.toml"
    fields, rows = {}, read_toml(path)["fields"]
    check_keys(path, "fields", rows)
    for data in rows:
        values = {key: value for key, value in data.items() if key != "slug"}
        fields[data["slug"]] = save(path, FieldOfAction, slug=data["slug"], values=values)
    return fields


# Texts given in German as `name` and, where the file has one, in English as `name_en`.
ENGLISH = ("funding_source", "responsible_office", "contact_name", "place_name")


def project_values(item: Item, field: FieldOfAction, note: dict) -> dict:
    data = item.data
    english = {f"{name}_en": data[f"{name}_en"] for name in ENGLISH if f"{name}_en" in data}
    if "partners_en" in data:
        english["partners_en"] = "\n".join(data["partners_en"])
    return english | {
        "field": field,
        "title_de": data["title_de"],
        "title_en": data["title_en"],
        "summary_de": data["summary_de"],
        "summary_en": data["summary_en"],
        "description_de": f"{item.texts['de']}\n\n{note['de']}",
        "description_en": f"{item.texts['en']}\n\n{note['en']}",
        "status": data["status"],
        "progress": data["progress"],
        "start_date": item.date(data.get("start")),
        "baseline_end_date": item.date(data.get("baseline_end", data.get("planned_end"))),
        "planned_end_date": item.date(data.get("planned_end")),
        "actual_end_date": item.date(data.get("actual_end")),
        "budget": amount(data.get("budget")),
        "spent": amount(data.get("spent")),
        "spent_as_of": item.date(data.get("spent_as_of")),
        "update_interval_days": data.get("update_interval_days", Project.UpdateInterval.QUARTERLY),
        "last_update": item.date(data.get("last_update", data["history"][-1]["on"])),
        "funding_source": data.get("funding_source", ""),
        "partners": "\n".join(data.get("partners", [])),
        "responsible_office": data["responsible_office"],
        "contact_name": data.get("contact_name", ""),
        "contact_email": data.get("contact_email", ""),
        "place_name": data.get("place_name", ""),
        "latitude": amount(data.get("latitude")),
        "longitude": amount(data.get("longitude")),
        "is_published": data.get("is_published", True),
        "sample_values": note["sample_values"],
    }


def date_change(item: Item, project: Project, *, old, new, on, row: dict, **kwargs) -> DateChange:
    """One recorded move of a date with its public reason, in German and (where given) English."""
    change = DateChange(
        project=project,
        old_date=old,
        new_date=new,
        reason=row["reason"],
        reason_en=row.get("reason_en", ""),
        changed_at=item.moment(on, datetime.time(9, 0)),
        **kwargs,
    )
    return validated(item.path, change, exclude=["milestone"])


def load_project_rows(item: Item, project: Project) -> dict[str, int]:
    """Milestones, history, date changes and indicators of one project, replacing what an earlier load made."""
    data = item.data
    for related in (project.date_changes, project.indicators, project.milestones, project.progress_entries):
        related.all().delete()
    milestones = [
        validated(
            item.path,
            Milestone(
                project=project,
                title_de=row["title_de"],
                title_en=row["title_en"],
                description_de=row.get("description_de", ""),
                description_en=row.get("description_en", ""),
                baseline_due_date=item.date(row.get("baseline_due", row["due"])),
                due_date=item.date(row["due"]),
                completed_on=item.date(row.get("done")),
                order=order,
            ),
        )
        for order, row in enumerate(data.get("milestones", []), start=1)
    ]
    Milestone.objects.bulk_create(milestones)
    entries = [
        validated(
            item.path,
            ProgressEntry(
                project=project,
                recorded_at=item.moment(row["on"], datetime.time(10, 0)),
                progress=row["progress"],
                status=row["status"],
            ),
        )
        for row in data["history"]
    ]
    ProgressEntry.objects.bulk_create(entries)
    changes, old = [], project.baseline_end_date
    for row in data.get("end_moves", []):
        new = item.date(row["to"])
        changes.append(date_change(item, project, old=old, new=new, on=row["on"], row=row, kind="end"))
        old = new
    if changes and old != project.planned_end_date:
        raise DemoContentError(f"{item.path}: the last end_moves entry must move the end to planned_end")
    for milestone, row in zip(milestones, data.get("milestones", []), strict=True):
        if "moved_on" in row:
            changes.append(
                date_change(
                    item,
                    project,
                    old=milestone.baseline_due_date,
                    new=milestone.due_date,
                    on=row["moved_on"],
                    row=row,
                    kind=DateChange.Kind.MILESTONE,
                    milestone=milestone,
                )
            )
    DateChange.objects.bulk_create(changes)
    values = 0
    for order, row in enumerate(data.get("indicators", []), start=1):
        indicator = validated(
            item.path,
            Indicator(
                project=project,
                name_de=row["name_de"],
                name_en=row["name_en"],
                unit=row["unit"],
                baseline_date=item.date(row["baseline"]["on"]),
                baseline_value=amount(row["baseline"]["value"]),
                target_date=item.date(row["target"]["on"]),
                target_value=amount(row["target"]["value"]),
                order=order,
            ),
        )
        indicator.save()
        series = [
            validated(item.path, IndicatorValue(indicator=indicator, date=item.date(v["on"]), value=amount(v["value"])))
            for v in row["values"]
        ]
        IndicatorValue.objects.bulk_create(series)
        values += len(series)
    return {
        "milestones": len(milestones),
        "progress_entries": len(entries),
        "date_changes": len(changes),
        "indicators": len(data.get("indicators", [])),
        "indicator_values": values,
    }


def load_projects(content: pathlib.Path, today: datetime.date, notes: dict) -> dict[str, int]:
    fields = load_fields(content)
    counts = {"fields": len(fields), "projects": 0}
    for item in folders(content, "projects", today):
        values = project_values(item, fields[item.data["field"]], notes[item.data.get("note", "project")])
        project = save(item.path, Project, slug=item.slug, values=values)
        counts["projects"] += 1
        for name, count in load_project_rows(item, project).items():
            counts[name] = counts.get(name, 0) + count
    return counts


def load_news(content: pathlib.Path, today: datetime.date, notes: dict) -> dict[str, int]:
    # Saved directly rather than through news_publish: the projects' history comes from their own files.
    news = folders(content, "news", today)
    for item in news:
        data = item.data
        note = notes[data["note"]]
        published = data.get("published")
        values = {
            "kind": data["kind"],
            "status": data.get("status", NewsItem.Status.PUBLISHED),
            "published_at": None if published is None else item.moment(published, data.get("time", datetime.time(10))),
            "author": data["author"],
            **({"author_en": data["author_en"]} if "author_en" in data else {}),
            "title_de": data["title_de"],
            "title_en": data["title_en"],
            "teaser_de": data["teaser_de"],
            "teaser_en": data["teaser_en"],
            "body_de": f"{item.texts['de']}\n\n{note['de']}",
            "body_en": f"{item.texts['en']}\n\n{note['en']}",
            "sample_values": note["sample_values"],
        }
        news_item = save(item.path, NewsItem, slug=item.slug, values=values)
        news_item.projects.set(Project.objects.filter(slug__in=data.get("projects", [])))
        if news_item.projects.count() != len(data.get("projects", [])):
            raise DemoContentError(f"{item.path}: a slug in projects names no project folder")
    return {"news": len(news)}


def load_legal_pages(content: pathlib.Path = CONTENT) -> int:
    """Create the sample legal pages where none exist yet; never overwrite what staff wrote. Returns how many."""
    created_count = 0
    for item in folders(content, "legal", datetime.date.min):
        defaults = {"title_de": item.data["title_de"], "title_en": item.data["title_en"]}
        defaults |= {"body_de": item.texts["de"], "body_en": item.texts["en"]}
        validated(item.path, LegalPage(kind=item.slug, **defaults), validate_unique=False)
        _page, created = LegalPage.objects.get_or_create(kind=item.slug, defaults=defaults)
        created_count += created
    return created_count


def logo_file(path: pathlib.Path, name: str) -> ContentFile:
    """The logo that site.toml names, beside it in the content folder, checked like an upload in the admin."""
    logo = (path.parent / name).resolve() if isinstance(name, str) else None
    if logo is None or not logo.is_relative_to(path.parent.resolve()):
        raise DemoContentError(f"{path}: logo = {name!r} must name a file in the content folder")
    try:
        file = ContentFile(logo.read_bytes(), name=logo.name)
    except OSError as error:
        raise DemoContentError(f"{path}: logo = {name!r}: {error.strerror}: {logo}") from error
    validated(logo, SiteIdentity(pk=SINGLETON_PK, logo=file), validate_unique=False)
    return file


def load_identity(content: pathlib.Path) -> int:
    """The site identity from site.toml where none exists yet (editors' changes in the admin stay). Returns 0 or 1.

    A `logo` is stored in MEDIA_ROOT when the identity is created; without one the portal shows its own."""
    path = content / "site.toml"
    values = read_toml(path)
    check_keys(path, "site", [values])
    if "logo" in values:
        values["logo"] = logo_file(path, values["logo"])
    # logo_file checked the logo already, naming its own file.
    validated(path, SiteIdentity(pk=SINGLETON_PK, **values), validate_unique=False, exclude=["logo"])
    _identity, created = SiteIdentity.objects.get_or_create(pk=SINGLETON_PK, defaults=values)
    return int(created)


@transaction.atomic
def load_demo(*, today: datetime.date, content: pathlib.Path = CONTENT) -> dict[str, int]:
    """Create or update the demo programme, news and (where missing) the identity and legal pages. Counts by kind."""
    notes = read_toml(content / "notes.toml")
    # The untranslated columns (name, title, ...) take the active language's value: keep them German.
    with translation.override("de"):
        counts = load_projects(content, today, notes)
        counts |= load_news(content, today, notes)
        counts["legal pages created"] = load_legal_pages(content)
        counts["site identity created"] = load_identity(content)
    return counts
