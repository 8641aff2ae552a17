"""What else makes every cached public page stale: any page published or unpublished (the home
page's introduction, a listing's, a scheduled publish: not only the document pages, whose
publishing service raises the generation itself), a site changed, a page's privacy changed."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from .publishing import portal_generation_bump


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender: Any, **kwargs: Any) -> None:
    portal_generation_bump()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def site_or_privacy_changed(sender: Any, **kwargs: Any) -> None:
    portal_generation_bump()
