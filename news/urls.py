from django.urls import path

from kaiserslautern_portal.lib.cache import cache_public_page

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("neuigkeiten/", views.news_list, name="list"),
    path("neuigkeiten/rss/", cache_public_page(feeds.NewsFeed()), name="rss"),
    path("neuigkeiten/atom/", cache_public_page(feeds.AtomNewsFeed()), name="atom"),
    path("neuigkeiten/projekt/<slug:slug>/rss/", cache_public_page(feeds.ProjectNewsFeed()), name="project_rss"),
    path("neuigkeiten/projekt/<slug:slug>/atom/", cache_public_page(feeds.AtomProjectNewsFeed()), name="project_atom"),
    path("neuigkeiten/handlungsfeld/<slug:slug>/rss/", cache_public_page(feeds.FieldNewsFeed()), name="field_rss"),
    path(
        "neuigkeiten/handlungsfeld/<slug:slug>/atom/", cache_public_page(feeds.AtomFieldNewsFeed()), name="field_atom"
    ),
    path("neuigkeiten/<slug:slug>/", views.news_detail, name="detail"),
]
