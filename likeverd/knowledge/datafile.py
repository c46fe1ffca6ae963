"""The network's articles as a data file (`data/articles.toml`), read strictly: an unknown key,
sector, topic or language is an error that names the article, never a silent skip.

    [[article]]
    code = "online-hate-evidence"      # stable key
    sector = ""                        # a Sector value, or "" for every sector
    topic = "online_hate"              # a Topic value
    public = true                      # shown on the public site
    [article.nb]                       # one table per language: title, summary (optional), body
    title = "..."
    body = \"\"\"...\"\"\"
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from likeverd.core.datafiles import DataFileError, read_toml
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.knowledge.models import Sector, Topic

ARTICLES_FILE = Path(__file__).resolve().parent / "data" / "articles.toml"
_ARTICLE_KEYS = {"code", "sector", "topic", "public", *PUBLIC_LANGUAGES}
_TEXT_KEYS = {"title", "summary", "body"}


class ArticleFileError(DataFileError):
    pass


@dataclass(frozen=True)
class ArticleContent:
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class NetworkArticle:
    code: str
    sector: str
    topic: str
    is_public: bool
    texts: dict[str, ArticleContent]


def _text(table: Any, *, where: str) -> ArticleContent:
    if not isinstance(table, dict):
        raise ArticleFileError(f"{where}: expected a table")
    unknown = set(table) - _TEXT_KEYS
    if unknown:
        raise ArticleFileError(f"{where}: unknown keys {sorted(unknown)}")
    values = {key: table.get(key, "") for key in _TEXT_KEYS}
    if not all(isinstance(value, str) for value in values.values()):
        raise ArticleFileError(f"{where}: title, summary and body are text")
    if not values["title"].strip() or not values["body"].strip():
        raise ArticleFileError(f"{where}: needs a title and a body")
    return ArticleContent(title=values["title"], summary=values["summary"], body=values["body"])


def parse_articles(document: dict[str, Any]) -> list[NetworkArticle]:
    entries = document.get("article", [])
    if set(document) - {"article"} or not isinstance(entries, list):
        raise ArticleFileError("the file holds [[article]] tables only")
    articles: list[NetworkArticle] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        code = entry.get("code", "")
        where = f"article #{index} ({code or 'no code'})"
        unknown = set(entry) - _ARTICLE_KEYS
        if unknown:
            raise ArticleFileError(f"{where}: unknown keys {sorted(unknown)}")
        if not isinstance(code, str) or not code or code in seen:
            raise ArticleFileError(f"{where}: needs a code of its own")
        seen.add(code)
        sector, topic, public = entry.get("sector", ""), entry.get("topic", ""), entry.get("public")
        if sector and sector not in Sector.values:
            raise ArticleFileError(f"{where}: unknown sector {sector!r}")
        if topic not in Topic.values:
            raise ArticleFileError(f"{where}: unknown topic {topic!r}")
        if not isinstance(public, bool):
            raise ArticleFileError(f"{where}: `public` must be true or false")
        texts = {
            language: _text(entry[language], where=f"{where} [{language}]")
            for language in PUBLIC_LANGUAGES
            if language in entry
        }
        if not texts:
            raise ArticleFileError(f"{where}: no text in any language")
        articles.append(NetworkArticle(code=code, sector=sector, topic=topic, is_public=public, texts=texts))
    return articles


def load_articles(path: Path = ARTICLES_FILE) -> list[NetworkArticle]:
    return parse_articles(read_toml(path, error=ArticleFileError))
