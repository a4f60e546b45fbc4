from django.apps import AppConfig


class KbkConfig(AppConfig):
    name = "apps.kbk"
    verbose_name = "KBK / PMO"
