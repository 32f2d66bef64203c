"""Answers kept for the rest of one request: small look-ups many template tags repeat.

The view restrictions, the locales and the menu's cache generation live in the shared cache
(Redis in production); a page asks for them a dozen times, and each ask would be a round trip.
Within a request they are asked once. Outside a request (commands, tests calling functions
directly) nothing is kept. Code that changes what it memoises calls `forget`.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started

_memo = ContextVar("k3_request_memo", default=None)


def memoised(key, compute):
    """`compute()`, computed once per request (every time outside a request)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(key):
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


def _start(**kwargs):
    _memo.set({})


def _finish(**kwargs):
    _memo.set(None)


def connect():
    request_started.connect(_start, dispatch_uid="core.request_memo.start")
    request_finished.connect(_finish, dispatch_uid="core.request_memo.finish")
