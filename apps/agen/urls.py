app_name = "agen"
urlpatterns: list = []
