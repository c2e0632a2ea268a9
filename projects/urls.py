from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.home, name="home"),
    path("projekte/", views.project_list, name="list"),
    path("projekte/<slug:slug>/", views.project_detail, name="detail"),
    path("handlungsfelder/<slug:slug>/", views.field_detail, name="field"),
]
