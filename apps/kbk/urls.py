app_name = "kbk"
urlpatterns: list = []
