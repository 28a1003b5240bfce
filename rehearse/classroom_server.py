"""`rehearse serve`'s web server: textual-serve, stopping every tab's app before the server stops.

On Ctrl+C, textual-serve's own shutdown can close its event loop while tab processes are still
exiting, which prints warnings (or, on a loaded machine, errors) after "Stopped". Here each open
tab is asked to quit and its process is awaited first, within a bounded time.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web
from textual_serve.server import Server

STOP_TABS_WITHIN = 5.0
"""Seconds the server waits for open tabs' apps to quit on Ctrl+C."""


class ClassroomServer(Server):
    """A textual-serve server that lets every open tab's app quit before it stops."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tabs: set[asyncio.Task[Any]] = set()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Serve one tab, remembering its task so that shutdown can wait for it."""
        task = asyncio.current_task()
        if task is not None:
            self._tabs.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            if task is not None:
                self._tabs.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ask every open tab's app to quit (its turns are already saved) and wait for them."""
        tabs = list(self._tabs)
        for task in tabs:
            task.cancel()  # the tab closes its websocket and stops its app process, then returns
        if tabs:
            await asyncio.wait(tabs, timeout=STOP_TABS_WITHIN)
