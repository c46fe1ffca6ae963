from likeverd.accounts.models import Office
from likeverd.knowledge.models import Article, ArticleText
from likeverd.knowledge.rendering import index_text


def make_article(
    *,
    office: Office | None = None,
    title: str = "Råd om bevis",
    body: str = "Ta skjermbilder.",
    language: str = "nb",
    sector: str = "",
    topic: str = "evidence",
    is_public: bool = False,
    code: str = "",
    summary: str = "",
) -> Article:
    """An article with one language version (written directly, without the services' revision)."""
    article = Article.objects.create(
        office=office, code=code, sector=sector, topic=topic, is_public=is_public
    )
    add_text(article, language=language, title=title, body=body, summary=summary)
    return article


def add_text(article: Article, *, language: str, title: str, body: str, summary: str = "") -> ArticleText:
    return ArticleText.objects.create(
        article=article,
        language=language,
        title=title,
        summary=summary,
        body=body,
        search_text=index_text(title, summary, body),
    )
