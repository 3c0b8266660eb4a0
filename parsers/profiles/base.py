"""CMS profiles: where a platform puts the title, date, author, lead and body.

A profile is a small class that registers itself by `name` when defined (`__init_subclass__`),
so a built-in profile and a contributed one use the same registry. Selectors are CSS, tried in
order; whatever a profile does not know falls back to the generic heuristics.
"""

from __future__ import annotations

from typing import ClassVar

from selectolax.lexbor import LexborHTMLParser

from core.errors import ConfigError

PROFILES: dict[str, type[Profile]] = {}


class Profile:
    """Base profile: no selectors, matches nothing. Subclasses document their platform."""

    name: ClassVar[str] = ""
    priority: ClassVar[int] = 50  # lower is tried first by profile "auto"
    title: ClassVar[tuple[str, ...]] = ()
    date: ClassVar[tuple[str, ...]] = ()
    author: ClassVar[tuple[str, ...]] = ()
    lead: ClassVar[tuple[str, ...]] = ()
    body: ClassVar[tuple[str, ...]] = ()  # the node holding the article text
    scope: ClassVar[tuple[str, ...]] = ()  # where the generic scorer looks when `body` fails
    category: ClassVar[tuple[str, ...]] = ()
    drop: ClassVar[tuple[str, ...]] = ()  # furniture removed before anything is read

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            if cls.name in PROFILES and PROFILES[cls.name] is not cls:
                raise ValueError(f"profile name {cls.name!r} is registered twice")
            PROFILES[cls.name] = cls

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        """True when the page looks like this platform (used by profile "auto")."""
        return False


def profile_names() -> list[str]:
    """Registered profile names, in the order "auto" tries them."""
    return [p.name for p in sorted(PROFILES.values(), key=lambda p: (p.priority, p.name))]


def get_profile(name: str) -> type[Profile]:
    """The profile registered as `name`; a wrong name is a configuration error."""
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(["auto", *profile_names()])
        raise ConfigError(f"unknown parser profile {name!r}; known: {known}") from None


def detect_profile(url: str, tree: LexborHTMLParser) -> type[Profile]:
    """The first registered profile whose `matches` accepts the page; "generic" otherwise."""
    for name in profile_names():
        profile = PROFILES[name]
        if profile.matches(url, tree):
            return profile
    return PROFILES["generic"]


def has_any(tree: LexborHTMLParser, *selectors: str) -> bool:
    """True when any selector matches somewhere in the page."""
    return any(tree.css_first(selector) is not None for selector in selectors)


def generator(tree: LexborHTMLParser) -> str:
    node = tree.css_first('meta[name="generator" i]')  # DNN writes name="GENERATOR"
    return (node.attributes.get("content") or "") if node is not None else ""
