"""Officials named with posts → person-post rows, and person.post_changed when a post is new.

An official already seen with other posts, now named with a post never seen for them, makes
one event per (person, post). Only rows stored before this one count, so re-runs agree.
"""

from __future__ import annotations

from sqlmodel import Session

from detect.context import ArticleContext
from detect.emit import emit
from detect.events import PersonPostChanged, slug
from parsers.people import find_people, post_key
from parsers.types import ParsedPage
from storage.facts import add_person_post, person_posts
from storage.models import Event, PersonPost


def _older(mine: PersonPost, old: PersonPost) -> bool:
    if mine.published_at is None or old.published_at is None:
        return False
    return mine.published_at < old.published_at


def detect_people(session: Session, ctx: ArticleContext, page: ParsedPage) -> list[Event | None]:
    """Store each (person, post) the article names; emit where the post is new for them."""
    body = "\n\n".join(part for part in (page.article.title, page.article.text) if part)
    events: list[Event | None] = []
    for mention in find_people(body):
        person = slug(mention.name)
        post = slug(post_key(mention.post, ctx.locality))
        add_person_post(session, {
            "person_slug": person, "name": mention.name, "post": mention.post,
            "post_slug": post, "article_id": ctx.article_id, "portal_id": ctx.portal_id,
            "sentence": mention.sentence, "published_at": ctx.published_at,
            "created_at": ctx.now,
        })
        rows = person_posts(session, person)
        mine = next((r for r, _ in rows if r.article_id == ctx.article_id and r.post_slug == post), None)
        if mine is None or mine.id is None:
            continue
        earlier = [(r, url) for r, url in rows if r.id is not None and r.id < mine.id]
        if not earlier or any(r.post_slug == post for r, _ in earlier):
            continue
        old, old_url = max(earlier, key=lambda item: (item[0].published_at is not None,
                                                      item[0].published_at, item[0].id or 0))
        if _older(mine, old):
            continue  # an older article found late: the post is history, not news
        events.append(emit(session, ctx, PersonPostChanged(
            person=mention.name, person_slug=person, post=mention.post, post_slug=post,
            old_post=old.post, portal_id=ctx.portal_id, locality=ctx.locality,
            article_url=ctx.url, article_title=ctx.title, old_article_url=old_url,
            sentence=mention.sentence, old_sentence=old.sentence,
            published_at=ctx.published_iso,
        )))
    return events
