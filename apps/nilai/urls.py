from django.urls import path

from . import views

app_name = "nilai"
urlpatterns = [
    path("", views.pedoman, name="pedoman"),
]
