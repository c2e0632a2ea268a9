from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("neuigkeiten/", views.news_list, name="list"),
    path("neuigkeiten/rss/", feeds.NewsFeed(), name="rss"),
    path("neuigkeiten/atom/", feeds.AtomNewsFeed(), name="atom"),
    path("neuigkeiten/projekt/<slug:slug>/rss/", feeds.ProjectNewsFeed(), name="project_rss"),
    path("neuigkeiten/projekt/<slug:slug>/atom/", feeds.AtomProjectNewsFeed(), name="project_atom"),
    path("neuigkeiten/handlungsfeld/<slug:slug>/rss/", feeds.FieldNewsFeed(), name="field_rss"),
    path("neuigkeiten/handlungsfeld/<slug:slug>/atom/", feeds.AtomFieldNewsFeed(), name="field_atom"),
    path("neuigkeiten/<slug:slug>/", views.news_detail, name="detail"),
    path("suche/", views.search_view, name="search"),
]
