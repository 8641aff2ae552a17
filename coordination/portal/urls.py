from django.urls import path

from . import feeds, verification, views
from .faq import views as faq_views

urlpatterns = [
    path("pdf/van-ban/<int:pk>/", views.document_pdf_download, name="portal_document_pdf"),
    path("xac-thuc/", verification.verification_lookup, name="portal_verification_lookup"),
    path("xac-thuc/<str:code>/", verification.verification_page, name="portal_verification"),
    path("ngon-ngu/<str:code>/", views.language_switch, name="portal_language"),
    path("tinh/", views.province_index, name="portal_provinces"),
    path("tinh/<str:code>/", views.province_page, name="portal_province"),
    path("moi-cho-don-vi/", views.reader_new, name="portal_reader_new"),
    path("da-nhan/<int:pk>/", views.acknowledge, name="portal_acknowledge"),
    path("hoi/<int:pk>/", views.question_ask, name="portal_question"),
    path("hoi-dap/", faq_views.faq_index, name="portal_faq"),
    path("hoi-dap/<int:pk>/", faq_views.faq_detail, name="portal_faq_entry"),
    path("theo-doi/", views.receipts_dashboard, name="portal_dashboard"),
    path("theo-doi/van-ban/<int:pk>/", views.receipts_document, name="portal_dashboard_document"),
    path("theo-doi/don-vi/<str:code>/", views.receipts_office, name="portal_dashboard_office"),
    path("rss/chu-de/<slug:slug>/", feeds.TopicFeed(), name="portal_feed_topic"),
    path("rss/co-quan/<slug:code>/", feeds.AgencyFeed(), name="portal_feed_agency"),
    path("atom/chu-de/<slug:slug>/", feeds.TopicAtomFeed(), name="portal_atom_topic"),
    path("atom/co-quan/<slug:code>/", feeds.AgencyAtomFeed(), name="portal_atom_agency"),
    path("sitemap.xml", feeds.sitemap, name="portal_sitemap"),
]
