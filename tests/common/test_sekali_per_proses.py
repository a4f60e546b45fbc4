"""What the hot path works out once per process gives what Django and django-csp give each time
(apps/common/storage.py, apps/common/middleware.py; the url tag test pins Django's behaviour)."""

import pytest
from csp.constants import HEADER
from csp.decorators import csp_update
from csp.utils import build_policy
from django.http import HttpResponse
from django.template import Context, Template
from django.templatetags.static import static
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from apps.common.middleware import KebijakanKontenMiddleware


def test_url_tag_without_arguments_matches_reverse_and_with_arguments_is_djangos():
    html = Template("{% url 'beranda' %}|{% url 'survei:respon' 7 %}|{% url 'survei:respon' pk=8 %}").render(Context())
    assert html == f"{reverse('beranda')}|{reverse('survei:respon', args=[7])}|{reverse('survei:respon', args=[8])}"
    assert Template("{% url 'beranda' as x %}[{{ x }}]").render(Context()) == f"[{reverse('beranda')}]"
    assert Template("{% url 'tidak-ada' as x %}[{{ x }}]").render(Context()) == "[]"
    with pytest.raises(NoReverseMatch):
        Template("{% url 'tidak-ada' %}").render(Context())


def test_static_url_is_the_same_on_every_call():
    assert static("css/app.css") == static("css/app.css")
    assert "css/app" in static("css/app.css")


def test_csp_header_is_the_policy_and_a_view_that_changes_it_takes_the_librarys_path():
    middleware = KebijakanKontenMiddleware(lambda request: HttpResponse("ok"))
    request = RequestFactory().get("/")
    middleware.process_request(request)
    assert middleware.process_response(request, HttpResponse("ok"))[HEADER] == build_policy()

    @csp_update({"img-src": ["https://peta.example"]})
    def view(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/")
    middleware.process_request(request)
    header = middleware.process_response(request, view(request))[HEADER]
    assert "https://peta.example" in header and header != build_policy()
