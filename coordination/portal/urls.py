from django.urls import path

from . import verification, views

urlpatterns = [
    path("pdf/van-ban/<int:pk>/", views.document_pdf_download, name="portal_document_pdf"),
    path("xac-thuc/", verification.verification_lookup, name="portal_verification_lookup"),
    path("xac-thuc/<str:code>/", verification.verification_page, name="portal_verification"),
]
