from django.shortcuts import render

from .models import Nilai


def pedoman(request):
    """Read-only values catalogue (Lampiran BAB II), open to every logged-in user."""
    nilai = list(Nilai.objects.all())
    context = {
        "mediasi": [n for n in nilai if n.sistem == Nilai.Sistem.MEDIASI],
        "berakhlak": [n for n in nilai if n.sistem == Nilai.Sistem.BERAKHLAK],
    }
    return render(request, "nilai/pedoman.html", context)
