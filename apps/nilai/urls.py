app_name = "nilai"
urlpatterns: list = []
