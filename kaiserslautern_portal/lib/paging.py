"""Pages of lists too long to count: the page's rows and one more tell whether a next page exists."""

from django.http import Http404


class CountlessPage:
    """The part of Django's Page that the templates use, without Paginator.count (a scan of every row)."""

    def __init__(self, rows: list, number: int, per_page: int):
        self.object_list = rows[:per_page]
        self.number = number
        self.per_page = per_page
        self._has_next = len(rows) > per_page

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.object_list)


def countless_page(request, queryset, per_page: int, parameter: str = "seite") -> CountlessPage:
    """The page named by ?seite=; a number that is not a page, or an empty page after the first, is a 404."""
    raw = request.GET.get(parameter) or "1"
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1 or len(raw) > 6:
        raise Http404
    number = int(raw)
    offset = (number - 1) * per_page
    page = CountlessPage(list(queryset[offset : offset + per_page + 1]), number, per_page)
    if number > 1 and not page.object_list:
        raise Http404
    return page
