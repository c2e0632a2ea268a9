from django.urls import path

from . import calendar, views

app_name = "projects"

urlpatterns = [
    path("", views.home, name="home"),
    path("projekte/", views.project_list, name="list"),
    path("projekte/meilensteine.ics", calendar.all_milestones, name="calendar"),
    path("projekte/<slug:slug>/", views.project_detail, name="detail"),
    path("projekte/<slug:slug>/meilensteine.ics", calendar.project_milestones, name="project_calendar"),
    path("handlungsfelder/<slug:slug>/", views.field_detail, name="field"),
]
