"""eventstudy: did the market move the way the article says, and how unusual was the move?"""

from __future__ import annotations

__version__ = "0.1.0"
