from django.urls import path

from . import views

urlpatterns = [
    path("pdf/van-ban/<int:pk>/", views.document_pdf_download, name="portal_document_pdf"),
]
