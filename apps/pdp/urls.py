from django.urls import path

from . import views

app_name = "pdp"
urlpatterns = [
    path("pemberitahuan/", views.pemberitahuan, name="pemberitahuan"),
    path("data-saya/", views.data_saya, name="data_saya"),
    path("data-saya/data-saya.pdf", views.data_saya_pdf, name="data_saya_pdf"),
    path("data-saya/data-saya.json", views.data_saya_json, name="data_saya_json"),
]
