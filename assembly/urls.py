from django.urls import URLPattern, URLResolver

app_name = "assembly"

urlpatterns: list[URLPattern | URLResolver] = []
