"""``newsbrief serve``: a local web app over the same pipeline (needs the ``serve`` extra).

:func:`create_app` builds the ASGI app; :class:`Limits` bounds each request.
"""

from newsbrief.serve.app import Limits, create_app

__all__ = ["Limits", "create_app"]
