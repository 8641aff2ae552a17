"""RSS and Atom feeds per topic and per issuing agency, and the sitemap."""

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from wagtail.models import Site

from coordination.organisation.models import Agency

from .models import DocumentEntry, DocumentPage, Topic
from .search import live_entries, pages_in_order

FEED_SIZE = 30


class _DocumentFeed(Feed):
    """Subclasses say which documents with ``entries(obj)``."""

    def items(self, obj: object) -> list[DocumentPage]:
        page_ids = self.entries(obj).values_list("page_id", flat=True)[:FEED_SIZE]
        return pages_in_order(list(page_ids), today=timezone.localdate())

    def item_title(self, item: DocumentPage) -> str:
        return item.title

    def item_description(self, item: DocumentPage) -> str:
        display = item.display()
        return display.summary or display.subject

    def item_link(self, item: DocumentPage) -> str:
        return item.url

    def item_pubdate(self, item: DocumentPage) -> object:
        return item.first_published_at


class TopicFeed(_DocumentFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj: Topic) -> str:
        return _("Documents on %(topic)s") % {"topic": obj.name}

    def link(self, obj: Topic) -> str:
        return f"/van-ban/?topic={obj.slug}"

    def description(self, obj: Topic) -> str:
        return self.title(obj)

    def entries(self, obj: Topic) -> QuerySet[DocumentEntry]:
        return live_entries().filter(page__topics=obj)


class AgencyFeed(_DocumentFeed):
    def get_object(self, request: HttpRequest, code: str) -> Agency:
        return get_object_or_404(Agency, code=code)

    def title(self, obj: Agency) -> str:
        return _("Documents issued by %(agency)s") % {"agency": obj.name}

    def link(self, obj: Agency) -> str:
        return f"/van-ban/?agency={obj.code}"

    def description(self, obj: Agency) -> str:
        return self.title(obj)

    def entries(self, obj: Agency) -> QuerySet[DocumentEntry]:
        return live_entries().filter(agency=obj)


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed
    subtitle = TopicFeed.description


class AgencyAtomFeed(AgencyFeed):
    feed_type = Atom1Feed
    subtitle = AgencyFeed.description


def sitemap(request: HttpRequest) -> HttpResponse:
    """Home, the listing, every live document page and province page, with absolute URLs."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    root = site.root_page.url_path
    base = request.build_absolute_uri("/")
    pages = DocumentPage.objects.live().order_by("pk").values_list("url_path", "last_published_at")
    entries = [(base, None), (f"{base}van-ban/", None)]
    entries += [(base + path.removeprefix(root), changed) for path, changed in pages]
    return render(
        request, "portal/sitemap.xml", {"entries": entries}, content_type="application/xml"
    )
