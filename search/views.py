from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from core.locales import active_locale
from core.visibility import visible_to_public

from .forms import SearchForm
from .promotions import promoted_results
from .query import build_query, search_words
from .results import search_results
from .suggestions import did_you_mean
from .types import available_types, filter_by_type, type_by_slug

RESULTS_PER_PAGE = 10
TEMPLATE = "pages/search.html"


def search(request):
    """Full-text search over the live pages of the reader's language (and its German aliases).

    Nothing is written per request: promotions are only read, and queries are not logged.
    """
    form = SearchForm(request.GET)
    context = {"form": form, "result_types": available_types(), "query_string": ""}
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)

    query_string = form.cleaned_data["q"]
    words = search_words(query_string)
    result_type = type_by_slug(form.cleaned_data["type"])
    context.update(query_string=query_string, words=words, selected_type=result_type)
    if not words:
        return render(request, TEMPLATE, context)

    locale = active_locale()
    pages = visible_to_public(Page.objects.filter(locale=locale))
    promotions = [] if result_type else promoted_results(query_string, locale, request)
    if result_type:
        pages = filter_by_type(pages, result_type)
    if promotions:
        pages = pages.exclude(pk__in=[p.page.pk for p in promotions if p.page])

    paginator = Paginator(pages.search(build_query(words)), RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context.update(
        page_obj=page_obj,
        results=search_results(page_obj.object_list, words, request),
        promotions=promotions if page_obj.number == 1 else [],
        total=paginator.count,
        querystring=urlencode(
            {"q": query_string, **({"type": result_type.slug} if result_type else {})}
        ),
    )
    if not paginator.count and not promotions:
        suggestion = did_you_mean(words, locale)
        if suggestion and pages.search(build_query(search_words(suggestion))).count():
            context["suggestion"] = suggestion
    return render(request, TEMPLATE, context)
