"""Officials named with posts → person-post rows, and person.post_changed when a post is new.

An official already seen with other posts, now named with a post never seen for them, makes
one event per (person, post). Only rows stored before this one count, so re-runs agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from detect.context import ArticleContext
from detect.events import PersonPostChanged, slug
from parsers.people import PersonMention, people_in_article, post_key
from parsers.types import ParsedPage
from storage.facts import add_person_posts, person_posts, posts_of_people
from storage.models import PersonPost

# Each person's posts, read once per transaction and kept up to date as this writer adds to
# them: a batch naming one official in many articles asks for their posts once.
_POSTS = "portalwatch.detect.person-posts"


def preload_people(session: Session, names: Sequence[str]) -> None:
    """Read the posts of every person a batch names at once (one query, not one per person)."""
    cache: dict[str, list[tuple[PersonPost, str]]] = session.info.setdefault(_POSTS, {})
    wanted = sorted({slug(name) for name in names} - cache.keys())
    if wanted:
        cache.update(posts_of_people(session, wanted))


def _posts(
    session: Session, person: str, values: dict[str, Any], new_id: int | None, url: str
) -> list[tuple[PersonPost, str]]:
    cache: dict[str, list[tuple[PersonPost, str]]] = session.info.setdefault(_POSTS, {})
    if new_id is None or person not in cache:  # a row that was there: read them all again
        cache[person] = person_posts(session, person)  # (with the article's other new rows)
    elif not any(row.id == new_id for row, _ in cache[person]):
        post = PersonPost(id=new_id, **values)
        cache[person].append((post, url))  # order does not matter: callers pick by id and date
    return cache[person]


def _values(ctx: ArticleContext, mention: PersonMention) -> dict[str, Any]:
    return {
        "person_slug": slug(mention.name),
        "name": mention.name,
        "post": mention.post,
        "post_slug": slug(post_key(mention.post, ctx.locality)),
        "article_id": ctx.article_id,
        "portal_id": ctx.portal_id,
        "sentence": mention.sentence,
        "published_at": ctx.published_at,
        "created_at": ctx.now,
    }


def _older(mine: PersonPost, old: PersonPost) -> bool:
    if mine.published_at is None or old.published_at is None:
        return False
    return mine.published_at < old.published_at


def detect_people(
    session: Session,
    ctx: ArticleContext,
    page: ParsedPage,
    mentions: Sequence[PersonMention] | None = None,
) -> list[PersonPostChanged]:
    """Store each (person, post) the article names; an event where the post is new for them.

    `mentions` are the page's people when already found (by a parse worker)."""
    events: list[PersonPostChanged] = []
    if mentions is None:
        mentions = people_in_article(page.article.title, page.article.text)
    values_of = [_values(ctx, mention) for mention in mentions]
    new_ids = add_person_posts(session, values_of)  # one statement for the article
    for mention, values, new_id in zip(mentions, values_of, new_ids, strict=True):
        person, post = values["person_slug"], values["post_slug"]
        rows = _posts(session, person, values, new_id, ctx.url)
        mine = next(
            (r for r, _ in rows if r.article_id == ctx.article_id and r.post_slug == post), None
        )
        if mine is None or mine.id is None:
            continue
        earlier = [(r, url) for r, url in rows if r.id is not None and r.id < mine.id]
        if not earlier or any(r.post_slug == post for r, _ in earlier):
            continue
        old, old_url = max(
            earlier,
            key=lambda item: (
                item[0].published_at is not None,
                item[0].published_at,
                item[0].id or 0,
            ),
        )
        if _older(mine, old):
            continue  # an older article found late: the post is history, not news
        events.append(
            PersonPostChanged(
                person=mention.name,
                person_slug=person,
                post=mention.post,
                post_slug=post,
                old_post=old.post,
                portal_id=ctx.portal_id,
                locality=ctx.locality,
                article_url=ctx.url,
                article_title=ctx.title,
                old_article_url=old_url,
                sentence=mention.sentence,
                old_sentence=old.sentence,
                published_at=ctx.published_iso,
            )
        )
    return events
